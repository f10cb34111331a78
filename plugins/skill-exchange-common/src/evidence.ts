import { wholeNumber } from '@onramp/backstage-plugin-onramp-common';
import { z } from 'zod';
import type { SkillCategory } from './levels';

/**
 * What can support a skill on a profile. `pull_requests`: merged pull
 * requests in repositories whose catalog Component has the skill (language,
 * tag, type); `embeds_completed` / `mentorships_completed`: embeds and
 * mentorships the person took part in (accepted, or owned) that are over;
 * `sessions_given`: pairing sessions the person gave (offered, or booked
 * when someone asked) that took place; `practised`: skills the person said
 * they practised in their retros.
 *
 * @public
 */
export const EVIDENCE_KINDS = [
  'pull_requests',
  'embeds_completed',
  'mentorships_completed',
  'sessions_given',
  'practised',
] as const;
/** @public */
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

/**
 * One kind of evidence for one skill of one person.
 *
 * @public
 */
export interface SkillEvidenceItem {
  kind: EvidenceKind;
  count: number;
  /** In words: "7 merged pull requests in 3 TypeScript repositories, latest 2 Dec". */
  text: string;
  /** ISO time of the newest piece of evidence. */
  latestAt?: string;
}

/**
 * Everything that supports one skill: short ("7 PRs · 1 embed") and in words.
 *
 * @public
 */
export interface SkillEvidence {
  summary: string;
  items: SkillEvidenceItem[];
}

/**
 * A skill the person has evidence for but not on their profile, and has not
 * rejected (`GET /profiles/me/suggestions`); only the person sees it.
 *
 * @public
 */
export interface SkillSuggestion {
  skill: string;
  category: SkillCategory;
  evidence: SkillEvidence;
}

/**
 * Body of `POST /profiles/me/suggestions/:skill/accept`: the level to add the
 * skill at, and (as with profile edits) the profile version you saw.
 *
 * @public
 */
export const acceptSuggestionSchema = z.strictObject({
  level: z.number().int().min(1).max(5),
  canHelp: z.boolean().default(false),
  version: wholeNumber(0).optional(),
});
/** @public */
export type AcceptSuggestionInput = z.input<typeof acceptSuggestionSchema>;
