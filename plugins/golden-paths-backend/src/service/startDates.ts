import { AuthService, LoggerService } from '@backstage/backend-plugin-api';
import { CatalogService } from '@backstage/plugin-catalog-node';
import { START_DATE_ANNOTATION } from '@onramp/backstage-plugin-golden-paths-common';
import { PeopleStore, startOfDay } from '../database';
import { listCatalogUsers } from './catalogUsers';

/**
 * Copies people's start dates (the User annotation `onramp.dev/start-date`,
 * an ISO date) from the catalog into `gp_people`. Users without it, or with
 * something that is not a date, get no row (and a warning for the latter):
 * metrics count them from their first journey start and say so. A catalog
 * with no users at all (a fresh portal before its first ingestion) changes
 * nothing: it is not ready, and everyone's start date stays.
 */
export async function syncStartDates(options: {
  catalog: CatalogService;
  auth: AuthService;
  store: PeopleStore;
  logger: LoggerService;
  now: number;
}): Promise<{ withStartDate: number; invalid: string[]; changed: number }> {
  const users = await listCatalogUsers(options);
  if (users.length === 0) {
    return { withStartDate: 0, invalid: [], changed: 0 };
  }
  const people = [];
  const invalid: string[] = [];
  for (const user of users) {
    const value = user.annotations[START_DATE_ANNOTATION];
    if (value === undefined) {
      continue;
    }
    if (startOfDay(value) === undefined) {
      invalid.push(user.entityRef);
      continue;
    }
    people.push({ userEntityRef: user.entityRef, startDate: value });
  }
  if (invalid.length > 0) {
    options.logger.warn(
      `${
        invalid.length
      } users have a ${START_DATE_ANNOTATION} that is not an ISO date (YYYY-MM-DD) and count from their journey start: ${invalid
        .slice(0, 10)
        .join(', ')}`,
    );
  }
  const changed = await options.store.replaceStartDates(people, options.now);
  if (changed > 0) {
    options.logger.info(
      `Start dates: ${people.length} people have one, ${changed} changed`,
    );
  }
  return { withStartDate: people.length, invalid, changed };
}
