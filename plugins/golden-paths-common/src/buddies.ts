import { z } from 'zod';
import { entityRefSchema } from './schemas';

/**
 * Body of `POST /journeys/:journeyId/buddy/confirm` and `.../decline`: the
 * suggested person the reader saw (a stale page gets 409, not another
 * person confirmed).
 *
 * @public
 */
export const buddyChoiceSchema = z
  .object({
    buddyRef: entityRefSchema
      .refine(ref => ref.toLocaleLowerCase().startsWith('user:'), {
        message: 'must be a user entity ref',
      })
      .transform(ref => ref.toLocaleLowerCase()),
  })
  .strict();
/** @public */
export type BuddyChoice = z.infer<typeof buddyChoiceSchema>;

/**
 * A journey's onboarding buddy as its newcomer, their manager or the buddy
 * sees it (`GET /journeys/:journeyId/buddy`).
 *
 * @public
 */
export type JourneyBuddy = {
  journeyId: string;
  /** Whether onboarding buddies are on (`goldenPaths.buddies.enabled`). */
  enabled: boolean;
  /** The suggested or confirmed buddy; none when nobody fits. */
  buddy?: {
    userEntityRef: string;
    status: 'suggested' | 'confirmed';
    /** Why this person, in one line. */
    reason: string;
    suggestedAt: string;
    confirmedBy?: string;
    confirmedAt?: string;
  };
  /** People suggested before and declined. */
  declined: string[];
  /** Whether the reader may confirm or decline (the newcomer or their manager). */
  canDecide: boolean;
};

/**
 * A person I am the confirmed onboarding buddy of, with their progress
 * (`GET /buddies/me`).
 *
 * @public
 */
export type BuddyPerson = {
  journeyId: string;
  userEntityRef: string;
  pathId: string;
  pathTitle: string;
  status: 'active' | 'completed';
  startedAt: string;
  completedSteps: number;
  totalSteps: number;
  /** The title of their next unfinished step. */
  nextStepTitle?: string;
  confirmedAt: string;
};
