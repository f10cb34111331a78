import type { EvidenceKind } from '@onramp/backstage-plugin-skill-exchange-common';
import type { EvidenceFact, SkillExchangeStores } from '../../database';
import type { TakenPart } from '../../database/EvidenceStore';
import { type ComponentSkills, normaliseRepository } from './components';
import type { PullRequestReader } from './pullRequests';
import { type StintPost, stintEnd } from '../stints';

/**
 * Where evidence for skills comes from. A refresh calls `prepare` once (e.g.
 * to read the catalog once), then the collector for each person, and
 * replaces exactly the person's evidence of `kinds` with what it returned.
 */
export interface EvidenceSource {
  readonly kinds: readonly EvidenceKind[];
  prepare(): Promise<(user: string) => Promise<EvidenceFact[]>>;
}

/** Adds up pieces of evidence per skill: how many, in how many places, latest. */
function tally(
  kind: EvidenceKind,
  pieces: Array<{ skillIds: Iterable<number>; place: string; at: Date }>,
): EvidenceFact[] {
  const bySkill = new Map<
    number,
    { count: number; places: Set<string>; latestAt: Date }
  >();
  for (const piece of pieces) {
    for (const skillId of piece.skillIds) {
      const t = bySkill.get(skillId) ?? {
        count: 0,
        places: new Set<string>(),
        latestAt: piece.at,
      };
      t.count += 1;
      t.places.add(piece.place);
      if (piece.at > t.latestAt) t.latestAt = piece.at;
      bySkill.set(skillId, t);
    }
  }
  return [...bySkill.entries()].map(([skillId, t]) => ({
    skillId,
    kind,
    count: t.count,
    places: t.places.size,
    latestAt: t.latestAt,
  }));
}

/**
 * When a post someone took part in was over, if it is (see `stintEnd`: an
 * embed after its last day or once closed, unless closed before it started;
 * a mentorship once closed).
 */
export function completedAt(post: TakenPart, now: Date): Date | undefined {
  const end = stintEnd(
    {
      kind: post.kind,
      status: post.status as StintPost['status'],
      start: post.start,
      duration_weeks: post.durationWeeks,
      status_changed_at: post.statusChangedAt,
    },
    now,
  );
  return end.over ? new Date(end.endedAt!) : undefined;
}

/** `embeds_completed` and `mentorships_completed`: posts that are over. */
export function completedPostsSource(
  stores: SkillExchangeStores,
  now: () => Date = () => new Date(),
): EvidenceSource {
  return {
    kinds: ['embeds_completed', 'mentorships_completed'],
    async prepare() {
      return async user => {
        const over = (await stores.evidence.takenPart(user)).flatMap(post => {
          const at = completedAt(post, now());
          return at
            ? [
                {
                  kind: post.kind,
                  skillIds: post.skillIds,
                  place: `${post.postId}`,
                  at,
                },
              ]
            : [];
        });
        return [
          ...tally(
            'embeds_completed',
            over.filter(p => p.kind === 'embed'),
          ),
          ...tally(
            'mentorships_completed',
            over.filter(p => p.kind === 'mentorship'),
          ),
        ];
      };
    },
  };
}

/**
 * `pull_requests`: merged pull requests (from Golden Paths) in repositories
 * whose catalog Components have the skill.
 */
export function pullRequestSource(
  reader: PullRequestReader,
  components: ComponentSkills,
): EvidenceSource {
  return {
    kinds: ['pull_requests'],
    async prepare() {
      const skillsOf = await components.load();
      return async user => {
        const prs = await reader.list(user);
        return tally(
          'pull_requests',
          prs.map(pr => ({
            skillIds: skillsOf(pr.repository),
            place: normaliseRepository(pr.repository),
            at: new Date(pr.mergedAt),
          })),
        );
      };
    },
  };
}

/** `practised`: skills a person said they practised in their retros. */
export function retroSource(stores: SkillExchangeStores): EvidenceSource {
  return {
    kinds: ['practised'],
    async prepare() {
      return async user =>
        tally(
          'practised',
          (await stores.retros.practisedBy(user)).map(r => ({
            skillIds: [r.skillId],
            place: `${r.postId}`,
            at: new Date(r.at),
          })),
        );
    },
  };
}

/** `sessions_given`: pairing sessions the person gave that took place. */
export function sessionsGivenSource(
  stores: SkillExchangeStores,
  now: () => Date = () => new Date(),
): EvidenceSource {
  return {
    kinds: ['sessions_given'],
    async prepare() {
      return async user =>
        tally(
          'sessions_given',
          (await stores.pairing.sessionsGivenBy(user, now())).map(r => ({
            skillIds: [r.skillId],
            place: `${r.postId}`,
            at: new Date(r.endsAt),
          })),
        );
    },
  };
}

/**
 * The sources of evidence, in one place, each with its kinds in
 * `EVIDENCE_KINDS`.
 */
export function evidenceSources(options: {
  stores: SkillExchangeStores;
  /** Absent when Golden Paths is not installed. */
  pullRequests?: { reader: PullRequestReader; components: ComponentSkills };
}): EvidenceSource[] {
  return [
    completedPostsSource(options.stores),
    retroSource(options.stores),
    sessionsGivenSource(options.stores),
    ...(options.pullRequests
      ? [
          pullRequestSource(
            options.pullRequests.reader,
            options.pullRequests.components,
          ),
        ]
      : []),
  ];
}
