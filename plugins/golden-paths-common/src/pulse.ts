import { safeString } from '@onramp/backstage-plugin-onramp-common';
import { z } from 'zod';
import { idSchema } from './schemas';

/**
 * The days after a person's start date on which a pulse survey asks how
 * onboarded and how productive they feel.
 *
 * @public
 */
export const PULSE_DAYS = [7, 30, 60, 90] as const;

/** @public */
export type PulseDay = (typeof PULSE_DAYS)[number];

/** The questions, as the notification and the card ask them. @public */
export const PULSE_QUESTIONS = {
  onboarded: 'How onboarded do you feel?',
  productive: 'How productive do you feel?',
} as const;

/** A pulse day in a path or query string, e.g. `30`. */
const pulseDaySchema = safeString()
  .regex(/^\d{1,3}$/, 'must be 7, 30, 60 or 90')
  .transform(Number)
  .pipe(
    z
      .number()
      .refine(
        (n): n is PulseDay => (PULSE_DAYS as readonly number[]).includes(n),
        'must be 7, 30, 60 or 90',
      ),
  );

/** Path parameters of `PUT /pulse/me/:day`. @public */
export const pulseParamsSchema = z.object({ day: pulseDaySchema }).strict();

/** A score from 1 (not at all) to 5 (fully). */
const scoreSchema = z.number().int().min(1).max(5);

/**
 * Body of `PUT /pulse/me/:day`: both scores, and a comment (an empty one
 * removes it).
 *
 * @public
 */
export const pulseAnswerRequestSchema = z
  .object({
    onboarded: scoreSchema,
    productive: scoreSchema,
    comment: safeString().trim().max(2000).optional(),
  })
  .strict();

/** @public */
export type PulseAnswerRequest = z.input<typeof pulseAnswerRequestSchema>;

/**
 * Query of `GET /insights/pulse`: one day's answers only, or all.
 *
 * @public
 */
export const pulseInsightsQuerySchema = z
  .object({
    day: pulseDaySchema.optional(),
    cohortId: idSchema.optional(),
  })
  .strict();

/** @public */
export type PulseInsightsQuery = {
  day?: PulseDay;
  cohortId?: string;
};

/**
 * One pulse of the signed-in person: asked on `day`, answered or not.
 *
 * @public
 */
export type Pulse = {
  day: PulseDay;
  /** When the day arrived (ISO). */
  dueAt: string;
  askedAt: string;
  answer: {
    onboarded: number;
    productive: number;
    comment?: string;
    answeredAt: string;
    updatedAt: string;
  } | null;
};

/**
 * `GET /pulse/me`: the person's asked pulses, latest day first; `due` are
 * those without an answer.
 *
 * @public
 */
export type MyPulses = {
  items: Pulse[];
  due: PulseDay[];
};

/**
 * One question's answers in a group: how many gave 1, 2, 3, 4 and 5, and
 * the mean; null when the group is hidden.
 *
 * @public
 */
export type PulseScores = {
  /** Counts of the scores 1 to 5, in that order. */
  distribution: [number, number, number, number, number] | null;
  mean: number | null;
};

/**
 * A group's answers: hidden (nulls, `suppressed`) when fewer than
 * `minimumGroupSize` people answered, as onboarding metrics hide groups.
 *
 * @public
 */
export type PulseGroup = {
  answers: number | null;
  people: number | null;
  onboarded: PulseScores;
  productive: PulseScores;
  suppressed: boolean;
};

/**
 * `GET /insights/pulse`: the answers overall, per day, per cohort and per
 * discipline (of the person's golden paths), each family with how many of
 * its groups are hidden.
 *
 * @public
 */
export type PulseInsights = {
  generatedAt: string;
  minimumGroupSize: number;
  filters: PulseInsightsQuery;
  overall: PulseGroup;
  byDay: Array<PulseGroup & { day: PulseDay }>;
  byCohort: Array<PulseGroup & { cohortId: string; title: string }>;
  byDiscipline: Array<PulseGroup & { discipline: string }>;
  hiddenGroups: { byDay: number; byCohort: number; byDiscipline: number };
};
