import { z } from 'zod';
import { safeString } from '@onramp/backstage-plugin-onramp-common';
import type { PostKind } from './types';

/**
 * What a person writes when a stint is over (`POST /posts/:id/retro`): the
 * skills they practised (taxonomy names or aliases), how useful it was from
 * 1 (not at all) to 5 (very), and an optional comment.
 *
 * @public
 */
export const retroInputSchema = z.strictObject({
  skills: z
    .array(safeString().trim().min(1).max(60))
    .max(10, 'at most 10 skills'),
  usefulness: z.number().int().min(1).max(5),
  comment: safeString().trim().max(2_000).default(''),
});

/** @public */
export type RetroInput = z.input<typeof retroInputSchema>;

/**
 * One person's retro of one stint (an embed, mentorship, hack or pairing
 * session they were on). Only its writer reads it; insights count it.
 *
 * @public
 */
export interface Retro {
  postId: number;
  kind: PostKind;
  /** The skills practised, as taxonomy names. */
  skills: string[];
  usefulness: number;
  comment: string;
  createdAt: string;
}

/**
 * A practised skill that is not on the writer's profile yet, offered for it:
 * "You practised Kotlin on the Android embed: add Kotlin at level 2?".
 *
 * @public
 */
export interface PractisedSkillOffer {
  skill: string;
  /** The level offered: an embed's level (at most 3), otherwise 2. */
  level: number;
}

/**
 * Where the caller stands with the retro of one post (`GET /posts/:id/retro`).
 * `state` is `not_on_it` for people who were not on the stint, `not_over`
 * until it ends (with `endsOn` when a date ends it), `due` while the retro
 * can be written, and `written` afterwards.
 *
 * @public
 */
export interface RetroState {
  postId: number;
  state: 'not_on_it' | 'not_over' | 'due' | 'written';
  /** The day an embed ends; absent for stints that end by a change (closed, completed). */
  endsOn?: string;
  retro?: Retro;
  /** After `written`: practised skills not on the profile. */
  offers: PractisedSkillOffer[];
}

/**
 * A stint that is over and whose retro the caller has not written
 * (`GET /retros/due`).
 *
 * @public
 */
export interface DueRetro {
  postId: number;
  kind: PostKind;
  title: string;
  /** Whether the caller owned the post (hosted) or took part. */
  role: 'owner' | 'participant';
  /** When it ended: the embed's last day, or when the post was closed or the hack completed. */
  endedAt: string;
}

/**
 * Retros counted per kind or per skill. Groups with fewer answers than the
 * threshold are left out, and `hidden` says how many were.
 *
 * @public
 */
export interface RetroOutcome {
  /** The kind or the skill. */
  group: string;
  answers: number;
  /** Mean usefulness, one decimal. */
  meanUsefulness: number;
  /** Answers per usefulness: `distribution[0]` is 1 (not useful). */
  distribution: [number, number, number, number, number];
}

/**
 * Outcomes after stints (`GET /insights/retros`).
 *
 * @public
 */
export interface RetroInsights {
  /** The smallest group shown (`skillExchange.insights.minimumGroupSize`). */
  minimumGroupSize: number;
  byKind: RetroOutcome[];
  bySkill: RetroOutcome[];
  /** Groups left out because they have fewer answers than the threshold. */
  hidden: { kinds: number; skills: number };
}
