import { NotFoundError } from '@backstage/errors';
import {
  ActivitiesQuery,
  GrowthActivity,
  Page,
  Profile,
  ProfileInput,
  skillExchangeProfileUpdatePermission,
  TeamSkills,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillExchangeStores } from '../database';
import type { Caller, SkillExchangeAccess } from './access';
import type { CatalogFactsReader } from './catalogFacts';
import type { EvidenceService } from './evidence/EvidenceService';
import type { LearningService } from './LearningService';

/** Profiles: what people say of their skills plus what the catalog knows of them. */
export class ProfileService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly access: SkillExchangeAccess,
    private readonly catalogFacts: CatalogFactsReader,
    private readonly learning: LearningService,
    private readonly evidence: EvidenceService,
  ) {}

  /**
   * A profile, empty where the person saved none; 404 for someone not in the
   * catalog. Each skill shows its evidence to the person, and to `viewer`
   * when the person shares it.
   */
  async get(userRef: string, viewer: string): Promise<Profile> {
    const facts = await this.catalogFacts.read(userRef);
    if (!facts) throw new NotFoundError(`No user ${userRef} in the catalog`);
    const saved = await this.stores.profiles.getProfile(userRef);
    const evidence = await this.evidence.forProfile(
      userRef,
      viewer,
      saved?.shareEvidence ?? false,
    );
    return {
      user: userRef,
      ...facts,
      bio: '',
      contact: '',
      openToEmbeds: false,
      openToMentoring: false,
      openToHacks: false,
      shareEvidence: false,
      skills: [],
      learning: [],
      version: 0,
      ...saved,
      ...(saved && {
        skills: saved.skills.map(s => {
          const found = evidence.get(s.skill);
          return found ? { ...s, evidence: found } : s;
        }),
      }),
    };
  }

  async save(input: ProfileInput, caller: Caller): Promise<Profile> {
    await this.access.require(
      skillExchangeProfileUpdatePermission,
      caller,
      'edit your profile',
    );
    const ref = caller.userEntityRef;
    const facts = await this.catalogFacts.read(ref);
    if (!facts) throw new NotFoundError(`No user ${ref} in the catalog`);
    await this.stores.profiles.saveProfile(ref, input, {
      team: facts.teams[0],
    });
    return this.get(ref, ref);
  }

  /**
   * What someone did to grow: embeds and mentorships they were accepted on,
   * hacks they joined, their posts that got filled. Anyone signed in may read
   * anyone's, like profiles; but what they `learned` (learning resources
   * marked done) only the person themself sees: people data without consent
   * stays private.
   */
  async activities(
    userRef: string,
    page: ActivitiesQuery,
    caller: Caller,
  ): Promise<Page<GrowthActivity>> {
    if (
      userRef !== caller.userEntityRef &&
      !(await this.catalogFacts.exists(userRef))
    ) {
      throw new NotFoundError(`No user ${userRef} in the catalog`);
    }
    return this.stores.profiles.growthActivities(
      userRef,
      page,
      caller.userEntityRef,
      userRef.toLocaleLowerCase() === caller.userEntityRef.toLocaleLowerCase()
        ? await this.learning.resourcesById()
        : undefined,
    );
  }

  /**
   * Skills coverage of a group: its members' (and its child groups' members')
   * skill profiles added up, and the skills its open posts ask for that no
   * member has.
   */
  async teamSkills(group: string): Promise<TeamSkills> {
    const found = await this.catalogFacts.readGroupMembers(group);
    if (!found) throw new NotFoundError(`No group ${group} in the catalog`);
    return this.stores.insights.teamSkills(group, found.groups, found.members);
  }
}
