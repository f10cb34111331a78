/**
 * Practice runs of the Day-1 template and their teardown from the portal
 * (`/api/scaffolder/golden-paths/teardown/:name`, served by the golden-paths
 * scaffolder module).
 */

/**
 * On a Component a Day-1 run created: "true" when it was a practice run.
 *
 * @public
 */
export const PRACTICE_RUN_ANNOTATION = 'onramp.dev/practice-run';
/**
 * On a Component a Day-1 run created: the scaffolder task that created it.
 *
 * @public
 */
export const CREATED_BY_TASK_ANNOTATION = 'onramp.dev/created-by-task';
/**
 * The Day-1 template, whose practice runs the portal tears down.
 *
 * @public
 */
export const DAY1_TEMPLATE_REF = 'template:default/day-1-backend-service';
/**
 * The template that runs goldenpath:teardown for one service.
 *
 * @public
 */
export const TEARDOWN_TEMPLATE_REF = 'template:default/golden-path-teardown';

/**
 * The smallest view of a catalog entity these helpers read.
 *
 * @public
 */
export type EntityLike = {
  kind: string;
  metadata: { annotations?: Record<string, string> };
};

/**
 * Whether the entity is a Component a practice run of the Day-1 template created.
 *
 * @public
 */
export function isDay1PracticeRun(entity: EntityLike) {
  const annotations = entity.metadata.annotations ?? {};
  return (
    entity.kind.toLocaleLowerCase('en-US') === 'component' &&
    (annotations['backstage.io/source-template'] ?? '').toLocaleLowerCase(
      'en-US',
    ) === DAY1_TEMPLATE_REF &&
    Boolean(annotations[CREATED_BY_TASK_ANNOTATION]) &&
    annotations[PRACTICE_RUN_ANNOTATION] === 'true'
  );
}

/**
 * `GET .../teardown/:name`: what a teardown would remove, and whether you may.
 *
 * @public
 */
export type TeardownPlanView = {
  entityRef: string;
  practiceRun: boolean;
  /** Whether you may start it: you own the service or are an admin, and it is a practice run. */
  allowed: boolean;
  /** Why not, when not allowed. */
  reason?: string;
  /** What the teardown removes, in order, with the configured providers. */
  removes: string[];
};

/**
 * `POST .../teardown/:name`: the scaffolder task that tears the run down.
 *
 * @public
 */
export type TeardownStarted = {
  taskId: string;
  entityRef: string;
  /** The task page in the portal. */
  taskUrl: string;
};
