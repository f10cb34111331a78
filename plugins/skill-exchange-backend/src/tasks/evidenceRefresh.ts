import type {
  AuthService,
  SchedulerService,
  SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import { stringifyEntityRef } from '@backstage/catalog-model';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import type { EvidenceService } from '../service/evidence/EvidenceService';

/**
 * Every hour, recomputes the skill evidence of every catalog user (merged
 * pull requests from Golden Paths, completed embeds and mentorships) into
 * `skill_evidence`. Through the scheduler, so one replica runs it at a time.
 * `schedule` (skillExchange.evidence.schedule) replaces the default.
 */
export async function scheduleEvidenceRefresh(options: {
  scheduler: SchedulerService;
  catalog: CatalogService;
  auth: AuthService;
  evidence: EvidenceService;
  schedule?: SchedulerServiceTaskScheduleDefinition;
}) {
  const { scheduler, catalog, auth, evidence } = options;
  await scheduler.scheduleTask({
    id: 'skill-exchange-evidence-refresh',
    ...(options.schedule ?? {
      frequency: { hours: 1 },
      timeout: { minutes: 30 },
      initialDelay: { minutes: 1 },
    }),
    fn: async () => {
      const { items } = await catalog.getEntities(
        {
          filter: { kind: 'User' },
          fields: ['kind', 'metadata.namespace', 'metadata.name'],
        },
        { credentials: await auth.getOwnServiceCredentials() },
      );
      await evidence.refresh(
        items.map(e => stringifyEntityRef(e).toLocaleLowerCase()),
      );
    },
  });
}
