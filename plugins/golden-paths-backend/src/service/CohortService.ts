import { BackstageCredentials } from '@backstage/backend-plugin-api';
import { InputError } from '@backstage/errors';
import {
  Cohort,
  goldenPathsCohortManagePermission,
  goldenPathsMetricsReadPermission,
  Page,
  UpdateCohortRequest,
} from '@onramp/backstage-plugin-golden-paths-common';
import { CohortRow, CohortStore, NewCohort } from '../database';
import { MetricsAccess } from './access';
import { GroupMembers } from './catalogTeams';
import { GoldenPathRegistry } from './paths';

/** What a cohort is checked against: its group in the catalog, its path. */
export type CohortSources = {
  groupMembers?: GroupMembers;
  paths?: GoldenPathRegistry;
};

/** A cohort row as the API answers it. */
export function cohortToApi(row: CohortRow): Cohort {
  return {
    ...row,
    createdAt: new Date(row.createdAt).toISOString(),
    updatedAt: new Date(row.updatedAt).toISOString(),
  };
}

/** Cohorts, for metrics viewers: read with metrics, changed with manage. */
export class CohortService {
  constructor(
    private readonly store: CohortStore,
    private readonly access: MetricsAccess,
    private readonly clock: () => number = Date.now,
    private readonly sources: CohortSources = {},
  ) {}

  /** 400 for an unknown path; a group's members join the listed ones. */
  private async resolve<T extends { pathId?: string; members: string[] }>(
    cohort: T & { group?: string },
  ): Promise<T> {
    const { paths, groupMembers } = this.sources;
    if (cohort.pathId && paths && !paths.get(cohort.pathId)) {
      throw new InputError(`No golden path "${cohort.pathId}"`);
    }
    if (!cohort.group || !groupMembers) {
      return cohort;
    }
    const members = await groupMembers(cohort.group);
    if (!members) {
      throw new InputError(`No group ${cohort.group} in the catalog`);
    }
    return { ...cohort, members: [...cohort.members, ...members] };
  }

  async list(
    credentials: BackstageCredentials,
    page: { limit: number; offset: number },
  ): Promise<Page<Cohort>> {
    await this.access.require(credentials, goldenPathsMetricsReadPermission);
    const { rows, totalItems } = await this.store.listCohortsPage(page);
    return { items: rows.map(cohortToApi), totalItems, ...page };
  }

  async create(
    credentials: BackstageCredentials,
    cohort: NewCohort,
  ): Promise<Cohort> {
    await this.access.require(credentials, goldenPathsCohortManagePermission);
    const resolved = await this.resolve(cohort);
    return cohortToApi(await this.store.createCohort(resolved, this.clock()));
  }

  async update(
    credentials: BackstageCredentials,
    cohortId: string,
    request: UpdateCohortRequest,
  ): Promise<Cohort> {
    await this.access.require(credentials, goldenPathsCohortManagePermission);
    const resolved = await this.resolve(request);
    return cohortToApi(
      await this.store.updateCohort(cohortId, resolved, this.clock()),
    );
  }
}
