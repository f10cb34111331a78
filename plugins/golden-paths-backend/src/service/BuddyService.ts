import { LoggerService } from '@backstage/backend-plugin-api';
import {
  ConflictError,
  NotAllowedError,
  NotFoundError,
} from '@backstage/errors';
import { NotificationService } from '@backstage/plugin-notifications-node';
import {
  BuddyPerson,
  GoldenPath,
  JourneyBuddy,
} from '@onramp/backstage-plugin-golden-paths-common';
import { managersOf } from '@onramp/backstage-plugin-onramp-node';
import { BuddyRow, BuddyStore, JourneyRow, JourneyStore } from '../database';
import { Membership } from './audience';
import { journeyToApi } from './journeyView';
import { GoldenPathRegistry } from './paths';
import { BuddyCandidateSource } from './skillExchangeBuddies';

const same = (a: string, b: string) =>
  a.toLocaleLowerCase() === b.toLocaleLowerCase();
const iso = (ms: number) => new Date(ms).toISOString();

/** How many candidates are asked for, so that full buddies can be passed over. */
const CANDIDATES = 20;

/**
 * Onboarding buddies: when a journey starts, the Skill Exchange's best
 * candidate of the path's discipline who has fewer than `maxPerBuddy`
 * confirmed people is suggested; the newcomer or their manager confirms
 * (the limit is held in the database transaction) or asks for another.
 * Both the newcomer and the buddy are told; the buddy lists their people.
 */
export class BuddyService {
  constructor(
    private readonly options: {
      store: BuddyStore;
      journeys: JourneyStore;
      paths: GoldenPathRegistry;
      /** The Skill Exchange; without it (not installed) nobody is suggested. */
      source?: BuddyCandidateSource;
      membership: (userEntityRef: string) => Promise<Membership>;
      notifications: NotificationService;
      logger: LoggerService;
      linkPrefix: string;
      enabled: boolean;
      maxPerBuddy: number;
      clock?: () => number;
    },
  ) {}

  private now() {
    return (this.options.clock ?? Date.now)();
  }

  /**
   * Suggests the best candidate with room for one more person, unless the
   * journey has a suggested or confirmed buddy. Never throws: a Skill
   * Exchange that is down or answers badly is a log line, not a failed start.
   */
  async suggest(journey: JourneyRow, path: GoldenPath): Promise<void> {
    const { source, store, logger } = this.options;
    if (!this.options.enabled || !source) return;
    const who = `${journey.userEntityRef} on ${path.id}`;
    try {
      const rows = await store.listForJourneys([journey.id]);
      if (rows.some(r => r.status !== 'declined')) return;
      const candidates = await source.candidates({
        discipline: path.discipline,
        skills: [...new Set([...(path.skills ?? []), ...(path.tags ?? [])])],
        exclude: [
          journey.userEntityRef.toLocaleLowerCase(),
          ...rows.map(r => r.buddyRef),
        ].slice(0, 100),
        limit: CANDIDATES,
      });
      const refs = candidates.map(c => c.user.toLocaleLowerCase());
      const counts = await store.countConfirmed(refs);
      const pick = candidates.find(
        (_c, i) => (counts.get(refs[i]) ?? 0) < this.options.maxPerBuddy,
      );
      if (!pick) {
        logger.info(
          `No onboarding buddy to suggest for ${who}: nobody of discipline "${path.discipline}" with room in the Skill Exchange`,
        );
        return;
      }
      await store.suggest({
        journeyId: journey.id,
        buddyRef: pick.user.toLocaleLowerCase(),
        reason: pick.reason.slice(0, 1000),
        suggestedAt: this.now(),
      });
    } catch (error) {
      logger.warn(
        `Could not suggest an onboarding buddy for ${who} (the Skill Exchange did not answer): ${error}`,
      );
    }
  }

  private async load(journeyId: string) {
    const journey = await this.options.journeys.getJourneyById(journeyId);
    const path = journey && this.options.paths.get(journey.pathId);
    if (!journey || !path) {
      throw new NotFoundError(`No journey ${journeyId}`);
    }
    return { journey, path };
  }

  /** The newcomer or one of their managers (the catalog's `onramp.dev/manager`). */
  private async canDecide(caller: string, journey: JourneyRow) {
    if (same(caller, journey.userEntityRef)) return true;
    const membership = await this.options.membership(journey.userEntityRef);
    return managersOf(membership, journey.userEntityRef).some(m =>
      same(m, caller),
    );
  }

  private async view(journeyId: string, canDecide: boolean) {
    const rows = await this.options.store.listForJourneys([journeyId]);
    const active = rows.find(r => r.status !== 'declined');
    const buddy: JourneyBuddy['buddy'] = active && {
      userEntityRef: active.buddyRef,
      status: active.status as 'suggested' | 'confirmed',
      reason: active.reason,
      suggestedAt: iso(active.suggestedAt),
      ...(active.confirmedBy ? { confirmedBy: active.confirmedBy } : {}),
      ...(active.status === 'confirmed' && active.decidedAt !== null
        ? { confirmedAt: iso(active.decidedAt) }
        : {}),
    };
    return {
      journeyId,
      enabled: this.options.enabled,
      ...(buddy ? { buddy } : {}),
      declined: rows.filter(r => r.status === 'declined').map(r => r.buddyRef),
      canDecide,
    };
  }

  /** The journey's buddy, for its newcomer, their manager or the buddy (403 otherwise). */
  async getJourneyBuddy(caller: string, journeyId: string) {
    const { journey } = await this.load(journeyId);
    const canDecide = await this.canDecide(caller, journey);
    if (!canDecide) {
      const rows = await this.options.store.listForJourneys([journeyId]);
      const isBuddy = rows.some(
        r => r.status === 'confirmed' && same(r.buddyRef, caller),
      );
      if (!isBuddy) {
        throw new NotAllowedError(
          "Only the newcomer, their manager and their buddy see a journey's buddy",
        );
      }
    }
    return this.view(journeyId, canDecide);
  }

  private async decider(caller: string, journeyId: string, verb: string) {
    const loaded = await this.load(journeyId);
    if (!this.options.enabled) {
      throw new ConflictError('Onboarding buddies are off');
    }
    if (!(await this.canDecide(caller, loaded.journey))) {
      throw new NotAllowedError(
        `Only ${loaded.journey.userEntityRef} or their manager can ${verb} their onboarding buddy`,
      );
    }
    return loaded;
  }

  /** Confirms the suggested buddy; 409 when they already have `maxPerBuddy` people. */
  async confirm(caller: string, journeyId: string, buddyRef: string) {
    const { journey, path } = await this.decider(caller, journeyId, 'confirm');
    const { maxPerBuddy } = this.options;
    const result = await this.options.store.confirm(journeyId, buddyRef, {
      by: caller,
      at: this.now(),
      maxPerBuddy,
    });
    if (result.outcome === 'full') {
      throw new ConflictError(
        `${buddyRef} is already the onboarding buddy of ${result.confirmed} people, the most one buddy has (${maxPerBuddy}); ask for another suggestion`,
      );
    }
    if (result.outcome === 'not-suggested') {
      throw new ConflictError(
        result.row?.status === 'confirmed'
          ? `${buddyRef} is already confirmed as this journey's buddy`
          : `${buddyRef} is not the suggested buddy of this journey; reload to see who is`,
      );
    }
    await this.tellConfirmed(journey, path, result.row);
    return this.view(journeyId, true);
  }

  /** Declines the suggested buddy and suggests the next person with room. */
  async decline(caller: string, journeyId: string, buddyRef: string) {
    const { journey, path } = await this.decider(caller, journeyId, 'decline');
    const declined = await this.options.store.decline(journeyId, buddyRef, {
      by: caller,
      at: this.now(),
    });
    if (!declined) {
      throw new ConflictError(
        `${buddyRef} is not the suggested buddy of this journey; reload to see who is`,
      );
    }
    await this.suggest(journey, path);
    return this.view(journeyId, true);
  }

  /** The people `caller` is the confirmed buddy of, with their progress. */
  async listMyPeople(caller: string): Promise<{ items: BuddyPerson[] }> {
    const rows = await this.options.store.listConfirmedFor(
      caller.toLocaleLowerCase(),
    );
    const journeys = await Promise.all(
      rows.map(r => this.options.journeys.getJourneyById(r.journeyId)),
    );
    const progress = await this.options.journeys.listProgress(
      rows.map(r => r.journeyId),
    );
    const items: BuddyPerson[] = [];
    rows.forEach((row, i) => {
      const path = journeys[i] && this.options.paths.get(journeys[i]!.pathId);
      if (!path) return;
      const journey = journeyToApi(journeys[i]!, path, progress, {});
      const next = path.steps.find(s => s.id === journey.nextStepId);
      items.push({
        journeyId: journey.id,
        userEntityRef: journey.userEntityRef,
        pathId: path.id,
        pathTitle: path.title,
        status: journey.status,
        startedAt: journey.startedAt,
        completedSteps: journey.completedSteps,
        totalSteps: journey.totalSteps,
        ...(next ? { nextStepTitle: next.title } : {}),
        confirmedAt: iso(row.decidedAt ?? row.suggestedAt),
      });
    });
    return { items };
  }

  /** Tells the newcomer and the buddy; an outage is logged (the confirm is committed). */
  private async tellConfirmed(
    journey: JourneyRow,
    path: GoldenPath,
    row: BuddyRow,
  ) {
    const messages = [
      {
        to: journey.userEntityRef,
        title: `Your onboarding buddy is ${row.buddyRef}`,
        description: `On your ${path.title} golden path: ${row.reason}. Say hello and ask them anything.`,
        link: `${this.options.linkPrefix}/${encodeURIComponent(path.id)}`,
        scope: `golden-paths:buddy:${journey.id}`,
      },
      {
        to: row.buddyRef,
        title: `You are ${journey.userEntityRef}'s onboarding buddy`,
        description: `They are on the ${path.title} golden path. Their progress is on your home page.`,
        link: '/',
        scope: `golden-paths:buddy-of:${journey.id}`,
      },
    ];
    for (const { to, ...payload } of messages) {
      await this.options.notifications
        .send({
          recipients: { type: 'entity', entityRef: to },
          payload: { ...payload, severity: 'normal', topic: 'golden-paths' },
        })
        .catch(error =>
          this.options.logger.error(`Could not notify ${to}`, error as Error),
        );
    }
  }
}
