import {
  EVIDENCE_KINDS,
  EvidenceKind,
  SkillEvidence,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { StoredEvidence } from '../../database/EvidenceStore';

const plural = (n: number, one: string, many = `${one}s`) =>
  `${n} ${n === 1 ? one : many}`;

/** "2 Dec": the day and month of an ISO time, in UTC. */
const day = (iso: string) =>
  new Date(iso).toLocaleDateString('en-GB', {
    day: 'numeric',
    month: 'short',
    timeZone: 'UTC',
  });

/** Each kind in words (long, for a profile) and short (a chip, a reason). */
const WORDS: Record<
  EvidenceKind,
  { long: (e: StoredEvidence) => string; short: (n: number) => string }
> = {
  pull_requests: {
    long: e =>
      `${plural(e.count, 'merged pull request')} in ${plural(
        e.places,
        `${e.skill} repository`,
        `${e.skill} repositories`,
      )}`,
    short: n => plural(n, 'PR'),
  },
  embeds_completed: {
    long: e => `${plural(e.count, 'embed')} completed`,
    short: n => plural(n, 'embed'),
  },
  mentorships_completed: {
    long: e => `${plural(e.count, 'mentorship')} completed`,
    short: n => plural(n, 'mentorship'),
  },
  sessions_given: {
    long: e => `${plural(e.count, 'pairing session')} given`,
    short: n => plural(n, 'session'),
  },
  practised: {
    long: e => `practised on ${plural(e.count, 'stint')}, said in a retro`,
    short: n => `practised ${n}×`,
  },
};

/**
 * One skill's evidence in words: "7 merged pull requests in 3 TypeScript
 * repositories, latest 2 Dec", and the summary "7 PRs · 1 embed".
 */
export function describeEvidence(unsorted: StoredEvidence[]): SkillEvidence {
  const rows = [...unsorted].sort(
    (a, b) => EVIDENCE_KINDS.indexOf(a.kind) - EVIDENCE_KINDS.indexOf(b.kind),
  );
  return {
    summary: rows.map(r => WORDS[r.kind].short(r.count)).join(' · '),
    items: rows.map(r => ({
      kind: r.kind,
      count: r.count,
      text: `${WORDS[r.kind].long(r)}${
        r.latestAt ? `, latest ${day(r.latestAt)}` : ''
      }`,
      ...(r.latestAt ? { latestAt: r.latestAt } : {}),
    })),
  };
}

/**
 * Why an expert ranks where they do: "12 merged PRs in TypeScript
 * repositories; 1 embed completed" over the requested skills. One pull
 * request or embed may support several skills, so the counts are the most
 * of any one skill (never counted twice).
 */
export function explainEvidence(rows: StoredEvidence[]): string {
  if (!rows.length) return 'No evidence for these skills yet';
  const parts: string[] = [];
  const prs = rows.filter(r => r.kind === 'pull_requests');
  if (prs.length) {
    const skills = prs.map(r => r.skill).join(' and ');
    const count = Math.max(...prs.map(r => r.count));
    parts.push(`${plural(count, 'merged PR')} in ${skills} repositories`);
  }
  for (const kind of [
    'embeds_completed',
    'mentorships_completed',
    'sessions_given',
  ] as const) {
    const count = Math.max(
      0,
      ...rows.filter(r => r.kind === kind).map(r => r.count),
    );
    const done = kind === 'sessions_given' ? 'given' : 'completed';
    if (count) parts.push(`${WORDS[kind].short(count)} ${done}`);
  }
  const practised = Math.max(
    0,
    ...rows.filter(r => r.kind === 'practised').map(r => r.count),
  );
  if (practised) {
    parts.push(`practised on ${plural(practised, 'stint')} (retros)`);
  }
  return parts.join('; ');
}
