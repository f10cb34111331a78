import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { MergedPullRequestStore } from '../database';
import { MergedPullRequestSource } from '@onramp/backstage-plugin-golden-paths-node';
import { listCatalogUsers, usersByEmail } from '../service/catalogUsers';

/**
 * Copies merged pull requests from every source into the database,
 * attributed to catalog users by the source (e.g. by GitHub login) or by
 * their profile email. Idempotent.
 */
export async function syncMergedPullRequests(options: {
  sources: MergedPullRequestSource[];
  store: MergedPullRequestStore;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
}): Promise<number> {
  if (options.sources.length === 0) {
    return 0;
  }
  const users = await listCatalogUsers(options);
  const byEmail = usersByEmail(users);
  let added = 0;
  for (const source of options.sources) {
    const merges = await source.listMergedPullRequests({ users });
    const rows = merges.flatMap(m => {
      const user = m.userEntityRef
        ? m.userEntityRef.toLocaleLowerCase()
        : m.authorEmail && byEmail.get(m.authorEmail.toLocaleLowerCase());
      return user
        ? [
            {
              source: source.id,
              prId: m.id,
              repository: m.repository,
              userEntityRef: user,
              mergedAt: m.mergedAt,
            },
          ]
        : [];
    });
    added += await options.store.insertMergedPullRequests(rows);
  }
  if (added > 0) {
    options.logger.info(`Recorded ${added} merged pull requests`);
  }
  return added;
}
