import { LoggerService } from '@backstage/backend-plugin-api';
import { JsonValue } from '@backstage/types';
import { DeploySpec } from '../lib/manifests';
import { MonitoringSpec } from '../lib/monitoring';
import { DnsRecord } from '../lib/rfc2136';

export type { DeploySpec } from '../lib/manifests';
export type { MonitoringSpec } from '../lib/monitoring';
export type { DnsRecord } from '../lib/rfc2136';

/**
 * What a provider gets from the scaffolder step that calls it.
 * @public
 */
export interface ProviderContext {
  /** The step's log: what a provider logs is what the person sees. */
  logger: LoggerService;
  /**
   * True in the scaffolder's dry-run (the template editor): a provider reads,
   * checks ownership and logs what it would do, and writes nothing.
   */
  isDryRun: boolean;
  /**
   * The step's checkpoint: once `fn` succeeded under `key`, a retried task
   * gets the stored (JSON) result back instead of running it again. Wrap
   * every write in one.
   */
  checkpoint<T extends JsonValue | void>(options: {
    key: string;
    fn: () => Promise<T> | T;
  }): Promise<T>;
  /** Id of the scaffolder task, for change comments and audit trails. */
  taskId: string;
}

/**
 * One part of a teardown, planned: ownership is already checked and nothing
 * is removed yet. `goldenpath:teardown` plans every part first, so a refusal
 * (a NotAllowedError) happens before any change, then applies the plans in
 * order.
 * @public
 */
export interface TeardownPlan {
  /** What is (or, in dry-run, would be) removed, for the step's `removed` output. */
  removed: string[];
  /** Removes it; called only outside dry-run and when `removed` is not empty. */
  apply(): Promise<void>;
}

/**
 * What `goldenpath:teardown` asks a provider to remove: the resources of one
 * service, and only those that carry the golden-path ownership marker.
 * @public
 */
export interface TeardownTarget {
  /** The service name (the owner the marker names). */
  service: string;
  /** The `namespace` input of the teardown step, when given. */
  namespace?: string;
  /** The DNS record of the service (its value is unknown, so empty). */
  record: DnsRecord;
  /** Label of the record in the zone (the record name without the zone). */
  recordLabel: string;
}

/**
 * A deploy request: the manifests' spec, with the namespace only when the
 * template named one (each provider has its own default).
 * @public
 */
export type DeployRequest = Omit<DeploySpec, 'namespace'> & {
  namespace?: string;
};

/**
 * What a deploy did; the `goldenpath:deploy` step outputs these fields.
 * @public
 */
export interface DeployResult {
  /** committed (a commit requests the deploy), applied, unchanged or dry-run. */
  status: 'committed' | 'applied' | 'unchanged' | 'dry-run';
  /** Files added, modified or deleted (providers that write files). */
  changedFiles?: string[];
  /** Objects created or changed (providers that talk to a cluster). */
  changedObjects?: string[];
  /** Link to what was written: the manifests, or the object in the API. */
  link: string;
  /** Commit of the deploy repository (providers that commit). */
  commitHash?: string;
  /**
   * Where the service answers, when the provider knows (the local runtime:
   * `http://<name>.localhost:<port>/`); default `http://<host>/`.
   */
  serviceUrl?: string;
  /**
   * Set only when the provider saw the new version answer its health check
   * (its commit in the answer): the evidence for `deploy.healthy`.
   */
  healthy?: {
    /** The source commit that answered. */
    commit: string;
    latencyMs: number;
  };
}

/**
 * Deploys a service (`goldenpath:deploy`) and removes it again
 * (`goldenpath:teardown`). Built in: `gitops` (commits Deployment, Service
 * and Ingress manifests to the deploy repository), `kubernetes`
 * (server-side apply to one cluster, then waits for the rollout) and `local`
 * (commits the same desired state, then runs it on this machine).
 * @public
 */
export interface DeployProvider {
  /** The name `goldenPaths.providers.deploy` selects it by. */
  readonly name: string;
  /**
   * Deploys the service. It first checks that everything it would change is
   * absent or owned by `request.name` (else throws NotAllowedError, changing
   * nothing); in dry-run it plans, logs the plan and writes nothing.
   */
  deploy(ctx: ProviderContext, request: DeployRequest): Promise<DeployResult>;
  /** Plans the removal of what `deploy` created for a service. */
  planTeardown(
    ctx: ProviderContext,
    target: TeardownTarget,
  ): Promise<TeardownPlan>;
}

/**
 * What `goldenpath:monitoring` generated for a service. A provider ships what
 * it is given: `dashboard` is left out when another provider holds the
 * dashboards (`goldenPaths.providers.dashboards`), `rules` when this
 * provider was chosen for the dashboards only.
 * @public
 */
export interface MonitoringArtifacts {
  spec: MonitoringSpec;
  /** The Prometheus rule file (rule_files format), with the ownership marker. */
  rules?: string;
  ruleGroup: string;
  alerts: string[];
  /** The Grafana dashboard JSON, with a uid derived from the service name. */
  dashboard?: { uid: string; json: string };
}

/**
 * What a monitoring provider did; merged into the step's outputs.
 * @public
 */
export interface MonitoringResult {
  status: 'applied' | 'unchanged' | 'dry-run';
  /** Files (or `grafana:dashboard/<uid>`-style names) written or that would be. */
  changedFiles: string[];
  /** Link to the rules, from the provider that shipped them. */
  link?: string;
  dashboardUrl?: string;
  dashboardVersion?: number;
}

/**
 * A monitoring step, prepared: ownership is checked, nothing is written yet.
 * @public
 */
export interface MonitoringPlan {
  apply(): Promise<MonitoringResult>;
}

/**
 * Ships alerting rules and/or dashboards (`goldenpath:monitoring`) and
 * removes them (`goldenpath:teardown`). Built in: `gitops` (commits the rule
 * file and dashboard.json), `prometheus` (writes the rule file, reloads and
 * confirms) and `grafana` (dashboards over the Grafana HTTP API).
 * @public
 */
export interface MonitoringProvider {
  /**
   * The name `goldenPaths.providers.monitoring` (rules) or
   * `goldenPaths.providers.dashboards` selects it by.
   */
  readonly name: string;
  /** What it can ship: a rules provider ships `rules`, a dashboards provider `dashboard`. */
  readonly ships: ReadonlyArray<'rules' | 'dashboard'>;
  /**
   * Checks ownership of what it would change (NotAllowedError on anything
   * foreign) before any provider of the step writes; the returned plan
   * writes (in dry-run: logs what it would write).
   */
  prepare(
    ctx: ProviderContext,
    artifacts: MonitoringArtifacts,
  ): Promise<MonitoringPlan>;
  /** Plans the removal of what it shipped for a service. */
  planTeardown(
    ctx: ProviderContext,
    target: TeardownTarget,
  ): Promise<TeardownPlan>;
}

/**
 * A DNS record to upsert for a service.
 * @public
 */
export interface DnsRequest {
  /** The service name (the owner). */
  service: string;
  /** The zone, from `goldenPaths.dns.zone`. */
  zone: string;
  /** Label of the record in the zone. */
  label: string;
  /** The record; a CNAME value ends with a dot. */
  record: DnsRecord;
}

/**
 * What a DNS upsert did; the `goldenpath:dns` step outputs these fields.
 * @public
 */
export interface DnsResult {
  status: 'created' | 'updated' | 'unchanged' | 'committed' | 'dry-run';
  /** Files changed (providers that write files), else empty. */
  changedFiles: string[];
  /** Link to the record. */
  link: string;
}

/**
 * Upserts a service's DNS record (`goldenpath:dns`) and removes it
 * (`goldenpath:teardown`), never touching a record it does not own. Built in:
 * `gitops`, `rfc2136`, `route53`, `cloudflare`.
 * @public
 */
export interface DnsProvider {
  /** The name `goldenPaths.providers.dns` selects it by. */
  readonly name: string;
  /**
   * Upserts the record after checking that any record already at the name is
   * owned by `request.service` (else NotAllowedError, nothing changed); in
   * dry-run it plans, logs and writes nothing.
   */
  upsert(ctx: ProviderContext, request: DnsRequest): Promise<DnsResult>;
  /** Plans the removal of the record. */
  planTeardown(
    ctx: ProviderContext,
    target: TeardownTarget,
  ): Promise<TeardownPlan>;
}
