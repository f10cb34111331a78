import { BackstageCredentials } from '@backstage/backend-plugin-api';
import {
  Cohort,
  goldenPathsCohortManagePermission,
  goldenPathsMetricsReadPermission,
  Page,
  UpdateCohortRequest,
} from '@onramp/backstage-plugin-golden-paths-common';
import { CohortRow, CohortStore, NewCohort } from '../database';
import { MetricsAccess } from './access';

function cohortToApi(row: CohortRow): Cohort {
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
  ) {}

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
    return cohortToApi(await this.store.createCohort(cohort, this.clock()));
  }

  async update(
    credentials: BackstageCredentials,
    cohortId: string,
    request: UpdateCohortRequest,
  ): Promise<Cohort> {
    await this.access.require(credentials, goldenPathsCohortManagePermission);
    return cohortToApi(
      await this.store.updateCohort(cohortId, request, this.clock()),
    );
  }
}
