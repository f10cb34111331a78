import type { LoggerService } from '@backstage/backend-plugin-api';
import { NotAllowedError } from '@backstage/errors';
import type {
  DueRetro,
  RetroInput,
  RetroInsights,
  RetroOutcome,
  RetroState,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { ConflictError } from '@backstage/errors';
import type { SkillExchangeStores, Stint } from '../database';
import type { Caller } from './access';
import { found } from './found';
import type { EvidenceService } from './evidence/EvidenceService';
import type { SkillExchangeNotifier } from './notifications';
import { stintEnd, whenRetroOpens } from './stints';

/** The evidence a retro changes: the stints and what was practised on them. */
const STINT_EVIDENCE = [
  'practised',
  'embeds_completed',
  'mentorships_completed',
  'sessions_given',
] as const;

/** The level a practised skill is offered at: an embed's (at most 3), else 2. */
function offeredLevel(stint: Stint): number {
  const { kind, level } = stint.post;
  return kind === 'embed' && level ? Math.min(level, 3) : 2;
}

/** Answers per usefulness (1..5) folded into outcomes, small groups left out. */
export function foldOutcomes(
  rows: Array<{ group: string; usefulness: number; n: number }>,
  minimumGroupSize: number,
): { shown: RetroOutcome[]; hidden: number } {
  const groups = new Map<string, RetroOutcome['distribution']>();
  for (const { group, usefulness, n } of rows) {
    const d = groups.get(group) ?? [0, 0, 0, 0, 0];
    d[usefulness - 1] += n;
    groups.set(group, d);
  }
  const all = [...groups].map(([group, distribution]) => {
    const answers = distribution.reduce((a, b) => a + b, 0);
    const sum = distribution.reduce((a, n, i) => a + n * (i + 1), 0);
    return {
      group,
      answers,
      meanUsefulness: Math.round((sum / answers) * 10) / 10,
      distribution,
    };
  });
  const shown = all
    .filter(o => o.answers >= minimumGroupSize)
    .sort((a, b) => b.answers - a.answers || a.group.localeCompare(b.group));
  return { shown, hidden: all.length - shown.length };
}

/**
 * Retros after stints: who may write one (the people on a stint that is
 * over), once each; the ask job; outcomes for insights.
 */
export class RetroService {
  constructor(
    private readonly stores: SkillExchangeStores,
    private readonly notifier: SkillExchangeNotifier,
    private readonly options: {
      minimumGroupSize: number;
      logger: LoggerService;
      /** Practised skills are evidence: refreshed after a retro, offered as suggestions. */
      evidence: Pick<EvidenceService, 'refresh' | 'suggestions'>;
    },
  ) {}

  /** The caller's stints that are over and have no retro from them yet. */
  async due(caller: Caller, now = new Date()): Promise<DueRetro[]> {
    const me = caller.userEntityRef.toLocaleLowerCase();
    const stints = await this.stores.retros.stintsOf(me);
    const written = await this.stores.retros.writtenBy(me);
    return stints
      .filter(s => !written.has(s.post.id))
      .flatMap(({ post }) => {
        const end = stintEnd(post, now);
        if (!end.over) return [];
        return [
          {
            postId: post.id,
            kind: post.kind,
            title: post.title,
            role:
              post.owner.toLocaleLowerCase() === me
                ? ('owner' as const)
                : ('participant' as const),
            endedAt: end.endedAt!,
          },
        ];
      })
      .sort((a, b) => b.endedAt.localeCompare(a.endedAt));
  }

  /** Where the caller stands with one post's retro. */
  async state(postId: number, caller: Caller): Promise<RetroState> {
    const me = caller.userEntityRef.toLocaleLowerCase();
    const stint = found(
      await this.stores.retros.stint(postId),
      `No post ${postId}`,
    );
    const end = stintEnd(stint.post, new Date());
    const base = { postId, ...(end.endsOn ? { endsOn: end.endsOn } : {}) };
    if (!stint.people.includes(me)) {
      return { ...base, state: 'not_on_it', offers: [] };
    }
    const retro = await this.stores.retros.get(postId, me);
    if (retro) {
      return {
        ...base,
        state: 'written',
        retro,
        offers: await this.offers(stint, retro.skills, caller),
      };
    }
    return { ...base, state: end.over ? 'due' : 'not_over', offers: [] };
  }

  /**
   * Practised skills offered for the profile: those of the retro that are
   * suggestions now (with evidence, not on the profile, not rejected).
   */
  private async offers(stint: Stint, practised: string[], caller: Caller) {
    const suggested = new Set(
      (await this.options.evidence.suggestions(caller)).map(s => s.skill),
    );
    const level = offeredLevel(stint);
    return practised
      .filter(skill => suggested.has(skill))
      .map(skill => ({ skill, level }));
  }

  /**
   * Writes the caller's retro: 403 for people who were not on it, 409 before
   * it is over and for a second retro; unknown skills are a 400.
   */
  async write(
    postId: number,
    input: Required<RetroInput>,
    caller: Caller,
  ): Promise<RetroState> {
    const me = caller.userEntityRef.toLocaleLowerCase();
    const stint = found(
      await this.stores.retros.stint(postId),
      `No post ${postId}`,
    );
    if (!stint.people.includes(me)) {
      throw new NotAllowedError(
        `Only the people on "${stint.post.title}" write its retro`,
      );
    }
    const end = stintEnd(stint.post, new Date());
    if (!end.over) throw new ConflictError(whenRetroOpens(stint.post, end));
    const skills = await this.stores.skills.resolveSkills(input.skills);
    await this.stores.retros.write(stint.post, me, {
      skills,
      usefulness: input.usefulness,
      comment: input.comment,
    });
    // What was practised, and the stint that ended, are evidence now: the
    // offers below come from it. The Skill Exchange's own sources only; the
    // pull requests (catalog and Golden Paths reads) wait for their refresh.
    await this.options.evidence.refresh([me], STINT_EVIDENCE);
    return this.state(postId, caller);
  }

  /** Asks each person on one post for their retro when it is over; once each. */
  async askForPost(postId: number, now = new Date()): Promise<number> {
    const stint = await this.stores.retros.stint(postId);
    return stint ? this.ask(stint, now) : 0;
  }

  /** The scheduled job: every stint that ended in the window. */
  async askEnded(now = new Date()): Promise<number> {
    let asked = 0;
    for (const stint of await this.stores.retros.recentlyEndedCandidates(now)) {
      asked += await this.ask(stint, now);
    }
    if (asked) this.options.logger.info(`Asked ${asked} people for a retro`);
    return asked;
  }

  private async ask(stint: Stint, now: Date): Promise<number> {
    if (!stint.people.length || !stintEnd(stint.post, now).over) return 0;
    const writers = await this.stores.retros.writersOf(stint.post.id);
    const users = await this.stores.retros.recordAsks(
      stint.post.id,
      stint.people.filter(u => !writers.has(u)),
    );
    if (users.length) {
      await this.notifier.retroDue({
        users,
        postId: stint.post.id,
        title: stint.post.title,
        kind: stint.post.kind,
      });
    }
    return users.length;
  }

  /** Outcomes per kind and per skill; groups under the threshold are left out. */
  async insights(): Promise<RetroInsights> {
    const { minimumGroupSize } = this.options;
    const byKind = foldOutcomes(
      await this.stores.retros.usefulnessCounts('kind'),
      minimumGroupSize,
    );
    const bySkill = foldOutcomes(
      await this.stores.retros.usefulnessCounts('skill'),
      minimumGroupSize,
    );
    return {
      minimumGroupSize,
      byKind: byKind.shown,
      bySkill: bySkill.shown,
      hidden: { kinds: byKind.hidden, skills: bySkill.hidden },
    };
  }
}
