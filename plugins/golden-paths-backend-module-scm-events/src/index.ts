/**
 * Golden-path evidence from GitHub and GitLab webhooks, through Backstage's
 * events backend.
 *
 * @packageDocumentation
 */
import { createBackendFeatureLoader } from '@backstage/backend-plugin-api';
import { eventsModuleWebhookGuard } from './ingress';
import { goldenPathsModuleScmEvents } from './module';

/**
 * Both modules of this package: the golden-paths module that records
 * evidence from webhook events, and the events-plugin module that answers
 * malformed webhooks with a 4xx. Install with
 * `backend.add(import('@onramp/backstage-plugin-golden-paths-backend-module-scm-events'))`.
 *
 * @public
 */
export default createBackendFeatureLoader({
  loader() {
    return [goldenPathsModuleScmEvents, eventsModuleWebhookGuard];
  },
});

export { createScmEventsModule, goldenPathsModuleScmEvents } from './module';
export { eventsModuleWebhookGuard } from './ingress';
export { SCM_TOPICS, type ScmOutcome } from './ScmEventRecorder';
export { USER_LOGIN_ANNOTATIONS } from './users';
export { SCM_EVIDENCE_KEYS, type ScmEvidenceKey } from './mapping/types';
export type { ScmProvider } from './mapping/types';
