import {
  EventInput,
  EventUpdate,
  HackEvent,
  Skill,
  SkillInput,
  skillExchangeEventCreatePermission,
  skillExchangeTaxonomyManagePermission,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { found } from './found';
import type { SkillExchangeStores } from '../database';
import type { Caller, SkillExchangeAccess } from './access';

/** The skills taxonomy and hack events: read by all, changed by the allowed. */
export class TaxonomyService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly access: SkillExchangeAccess,
  ) {}

  listSkills(q?: string): Promise<Skill[]> {
    return this.stores.skills.listSkills({ q });
  }

  /** Runs a taxonomy change for taxonomy managers; a 403 for anyone else. */
  private async manage<T>(caller: Caller, change: () => Promise<T>) {
    await this.access.require(
      skillExchangeTaxonomyManagePermission,
      caller,
      'manage the skills taxonomy',
    );
    return change();
  }

  addSkill(input: SkillInput, caller: Caller): Promise<Skill> {
    return this.manage(caller, () => this.stores.skills.addSkill(input));
  }

  updateSkill(id: number, input: SkillInput, caller: Caller): Promise<Skill> {
    return this.manage(caller, () => this.stores.skills.updateSkill(id, input));
  }

  mergeSkill(id: number, into: string, caller: Caller): Promise<Skill> {
    return this.manage(caller, () => this.stores.skills.mergeSkill(id, into));
  }

  listEvents(): Promise<HackEvent[]> {
    return this.stores.events.listEvents();
  }

  async getEvent(id: number): Promise<HackEvent> {
    return found(await this.stores.events.getEvent(id), `No hack event ${id}`);
  }

  async createEvent(input: EventInput, caller: Caller): Promise<HackEvent> {
    await this.access.require(
      skillExchangeEventCreatePermission,
      caller,
      'create hack events',
    );
    return this.stores.events.createEvent(input, caller.userEntityRef);
  }

  async updateEvent(id: number, input: EventUpdate, caller: Caller) {
    await this.access.requireEventOrganiser(id, caller, 'edit it');
    return this.stores.events.updateEvent(id, input);
  }

  async deleteEvent(id: number, caller: Caller): Promise<void> {
    await this.access.requireEventOrganiser(id, caller, 'delete it');
    await this.stores.events.deleteEvent(id);
  }
}
