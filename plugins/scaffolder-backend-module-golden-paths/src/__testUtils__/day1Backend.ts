import {
  BackendFeature,
  createServiceFactory,
} from '@backstage/backend-plugin-api';
import { databaseServiceFactory } from '@backstage/backend-defaults/database';
import {
  mockCredentials,
  mockServices,
  startTestBackend,
} from '@backstage/backend-test-utils';
import { JsonObject } from '@backstage/types';
import { catalogServiceRef } from '@backstage/plugin-catalog-node';
import scaffolderPlugin from '@backstage/plugin-scaffolder-backend';
import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { goldenPathsEvidenceServiceRef } from '@onramp/backstage-plugin-golden-paths-node';
import { installedPlugins } from '@onramp/test-utils';
import goldenPathsModule from '../index';
import { CatalogRecord, createCatalogStandIn } from './catalogStandIn';

/*
 * The Day-1 template through the real scaffolder backend: the scaffolder
 * plugin, this module and real git under a root directory, with two
 * stand-ins: golden-paths' evidence service, implementing its contract,
 * and a catalog whose addLocation reads the registered URL like the catalog
 * would. Shared by the template test, the killed-and-retried test (which runs
 * it in a child process) and the benchmark. It uses no jest APIs, so it also
 * runs under plain node.
 */

export const TEMPLATE_DIR = path.resolve(
  __dirname,
  '../../../../examples/templates/day-1-backend-service',
);
export const TEMPLATE_REF = 'template:default/day-1-backend-service';
export const DAY1_USER = 'user:default/sofia.marquez';
/** Not in group:default/backend, which owns the Day-1 test service. */
export const DAY1_OTHER_USER = 'user:default/noah.kim';
/** In onramp.permission.admins. */
export const DAY1_ADMIN = 'user:default/amara.okafor';
export const DAY1_APP_BASE_URL = 'http://portal.test';
export const DAY1_VALUES = {
  name: 'day-one-svc',
  owner: 'group:default/backend',
  description: 'Made by the Day-1 test harness',
  system: 'system:default/onramp',
};

export interface Day1Record extends CatalogRecord {
  evidence: any[];
}

export interface Day1BackendOptions {
  /** Root of the git repositories (and of the database when persistent). */
  root: string;
  /** Keep the scaffolder's tasks in SQLite files under root/db (for restarts). */
  persistentDatabase?: boolean;
  /** Turn on the scaffolder's task recovery, with a short stale timeout. */
  taskRecovery?: boolean;
  /** Called when evidence arrives; return false to never answer it. */
  onEvidence?: (body: any) => boolean;
  /** Appended to for every accepted evidence and registration. */
  record?: Day1Record;
  port?: number;
  /** More backend features, e.g. a module that adds providers. */
  features?: BackendFeature[];
  /** Merged into the goldenPaths config block (e.g. providers). */
  goldenPaths?: JsonObject;
  /** More templates the catalog stand-in knows, by their metadata.name. */
  templates?: any[];
  /** Entities (e.g. Components) the catalog stand-in holds from the start. */
  entities?: any[];
  /** More top-level config, e.g. onramp.permission.admins. */
  config?: JsonObject;
}

/**
 * The Backend path's counts as golden-paths would answer them: its five
 * steps, of which Day-1 evidence completes create, deploy, monitoring and
 * DNS (the dev environment is self-attested).
 */
function backendJourney(evidence: { key: string }[]) {
  const keys = new Set(evidence.map(e => e.key.split('.')[0]));
  const proven = ['template', 'deploy', 'monitoring', 'dns'];
  return {
    pathId: 'backend-day-1',
    title: 'Backend',
    completedSteps: proven.filter(k => keys.has(k)).length,
    totalSteps: 5,
  };
}

/** goldenPaths config for deploys on the local runtime under root/runtime. */
export function localRuntimeConfig(root: string): JsonObject {
  return {
    providers: { deploy: 'local' },
    deploy: { local: { runtimeDir: path.join(root, 'runtime') } },
  };
}

/** A template of one step, for the catalog stand-in. */
function oneStepTemplate(name: string, step: object, output?: object) {
  return {
    apiVersion: 'scaffolder.backstage.io/v1beta3',
    kind: 'Template',
    metadata: { name, namespace: 'default' },
    spec: { type: 'service', steps: [step], ...(output ? { output } : {}) },
  };
}

/** A template that runs goldenpath:teardown for a service. */
export const TEARDOWN_TEMPLATE = oneStepTemplate('day-1-teardown', {
  id: 'teardown',
  name: 'Tear down',
  action: 'goldenpath:teardown',
  input: {
    name: '${{ parameters.name }}',
    createdByTask: '${{ parameters.createdByTask }}',
    parts: '${{ parameters.parts }}',
  },
});

/** A template that only deploys a service (goldenpath:deploy). */
export const DEPLOY_TEMPLATE = oneStepTemplate(
  'day-1-deploy',
  {
    id: 'deploy',
    name: 'Deploy',
    action: 'goldenpath:deploy',
    input: {
      name: '${{ parameters.name }}',
      image: 'registry.onramp.localhost/${{ parameters.name }}:0.1.0',
    },
  },
  {
    serviceUrl: '${{ steps.deploy.output.serviceUrl }}',
    healthy: '${{ steps.deploy.output.healthy }}',
  },
);

export async function readDay1Template() {
  return readTemplateEntity(TEMPLATE_DIR);
}

/**
 * The Template entity in dir/template.yaml as the catalog serves it: in the
 * default namespace, located at its file so `./skeleton` resolves.
 */
export async function readTemplateEntity(dir: string) {
  const template = yaml.parse(
    await fs.readFile(path.join(dir, 'template.yaml'), 'utf8'),
  );
  template.metadata.namespace = 'default';
  template.metadata.annotations = {
    'backstage.io/managed-by-location': `file:${dir}/template.yaml`,
    'backstage.io/managed-by-origin-location': `file:${dir}/template.yaml`,
  };
  return template;
}

/** The golden-path-teardown template, as the catalog holds it. */
export async function readTeardownTemplate() {
  const template = yaml.parse(
    await fs.readFile(
      path.join(TEMPLATE_DIR, '../golden-path-teardown/template.yaml'),
      'utf8',
    ),
  );
  template.metadata.namespace = 'default';
  return template;
}

export async function startDay1Backend(options: Day1BackendOptions) {
  const record: Day1Record = options.record ?? {
    evidence: [],
    registered: [],
  };
  const template = await readDay1Template();
  const teardownTemplate = await readTeardownTemplate();

  // Golden Paths' evidence service, by its contract: idempotent on the id.
  const evidenceFactory = createServiceFactory({
    service: goldenPathsEvidenceServiceRef,
    deps: {},
    factory: () => ({
      async recordEvidence(body) {
        if (options.onEvidence && !options.onEvidence(body)) {
          return new Promise(() => {});
        }
        const fresh = !record.evidence.some(
          e => e.evidenceId === body.evidenceId,
        );
        if (fresh) record.evidence.push(body);
        return {
          recorded: fresh,
          completed: [],
          journeys: [backendJourney(record.evidence)],
        };
      },
    }),
  });

  const catalog = createCatalogStandIn({
    record,
    fixed: () => [
      template,
      teardownTemplate,
      ...(options.templates ?? []),
      ...(options.entities ?? []),
    ],
  });
  const catalogFactory = createServiceFactory({
    service: catalogServiceRef,
    deps: {},
    factory: () =>
      new Proxy(catalog, {
        get: (target, prop) =>
          prop in target || typeof prop !== 'string' || prop === 'then'
            ? (target as any)[prop]
            : async () => {
                throw new Error(
                  `the Day-1 catalog stand-in has no ${String(prop)}`,
                );
              },
      }) as any,
  });

  const config: JsonObject = {
    ...options.config,
    app: { baseUrl: DAY1_APP_BASE_URL },
    onramp: { permission: { admins: [DAY1_ADMIN] } },
    goldenPaths: {
      ...options.goldenPaths,
      git: {
        root: path.join(options.root, 'git'),
        serveLocalRepositories: true,
      },
    },
    scaffolder: {
      defaultAuthor: { name: 'Onramp', email: 'onramp@onramp.example' },
      ...(options.taskRecovery
        ? { taskRecovery: { enabled: true, staleTimeout: { seconds: 2 } } }
        : {}),
    },
  };
  if (options.persistentDatabase) {
    config.backend = {
      database: {
        client: 'better-sqlite3',
        connection: { directory: path.join(options.root, 'db') },
      },
    };
  }
  if (options.port) {
    config.backend = {
      ...(config.backend as JsonObject),
      listen: { port: options.port },
    };
  }

  const backend = await startTestBackend({
    features: [
      scaffolderPlugin,
      goldenPathsModule,
      // Golden Paths is the evidence stand-in, the catalog the one below.
      ...installedPlugins('catalog', 'golden-paths'),
      evidenceFactory,
      catalogFactory,
      mockServices.rootConfig.factory({ data: config }),
      ...(options.persistentDatabase ? [databaseServiceFactory] : []),
      ...(options.features ?? []),
    ],
  });
  const base = `http://localhost:${backend.server.port()}`;

  const request = day1Request(base);
  const requestAs = (user: string) => day1Request(base, user);

  return { backend, base, record, request, requestAs };
}

/** Calls the backend at `base` as the Day-1 user; the body parsed when JSON. */
export function day1Request(base: string, user = DAY1_USER) {
  return async (method: string, url: string, body?: unknown) => {
    const res = await fetch(`${base}${url}`, {
      method,
      headers: {
        authorization: mockCredentials.user.header(user),
        'content-type': 'application/json',
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await res.text();
    let parsed: any = undefined;
    try {
      parsed = text ? JSON.parse(text) : undefined;
    } catch {
      parsed = text;
    }
    return { status: res.status, body: parsed };
  };
}

type Requester = Awaited<ReturnType<typeof startDay1Backend>>['request'];

/** Creates a Day-1 task and returns its id. */
export async function createDay1Task(
  request: Requester,
  values: Record<string, unknown> = DAY1_VALUES,
) {
  const created = await request('POST', '/api/scaffolder/v2/tasks', {
    templateRef: TEMPLATE_REF,
    values,
  });
  if (created.status !== 201) {
    throw new Error(
      `creating the task failed: ${created.status} ${JSON.stringify(
        created.body,
      )}`,
    );
  }
  return created.body.id as string;
}

/** Waits for a task to end; throws with the failed steps' messages. */
export async function waitForTask(
  request: Requester,
  taskId: string,
  timeoutMs = 90_000,
) {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    const task = await request('GET', `/api/scaffolder/v2/tasks/${taskId}`);
    if (['completed', 'failed', 'cancelled'].includes(task.body?.status)) {
      const events = await request(
        'GET',
        `/api/scaffolder/v2/tasks/${taskId}/events`,
      );
      if (task.body.status !== 'completed') {
        throw new Error(
          `task ${task.body.status}: ${events.body
            .filter((e: any) => e.body.status === 'failed')
            .map((e: any) => `${e.body.stepId}: ${e.body.message}`)
            .join('\n')}`,
        );
      }
      return { task: task.body, events: events.body as any[] };
    }
    if (Date.now() > deadline) {
      throw new Error(`task ${taskId} did not finish in ${timeoutMs} ms`);
    }
    await new Promise(r => setTimeout(r, 100));
  }
}

/** Per-step durations of a task from its events, in ms. */
export function stepTimings(events: any[]) {
  const begun = new Map<string, number>();
  const steps: { stepId: string; ms: number }[] = [];
  for (const e of events) {
    const at = Date.parse(e.createdAt);
    if (e.body?.status === 'processing' && e.body.stepId) {
      begun.set(e.body.stepId, at);
    }
    if (e.body?.status === 'completed' && begun.has(e.body.stepId)) {
      steps.push({ stepId: e.body.stepId, ms: at - begun.get(e.body.stepId)! });
    }
  }
  return steps;
}

export async function listFiles(dir: string, prefix = ''): Promise<string[]> {
  const out: string[] = [];
  for (const entry of await fs.readdir(path.join(dir, prefix), {
    withFileTypes: true,
  })) {
    const rel = prefix ? `${prefix}/${entry.name}` : entry.name;
    if (entry.isDirectory()) out.push(...(await listFiles(dir, rel)));
    else out.push(rel);
  }
  return out;
}

/** The dry-run request body for a Day-1 template (default: Backend) with its skeleton. */
export async function day1DryRunBody(
  values: Record<string, unknown> = DAY1_VALUES,
  templateDir = TEMPLATE_DIR,
) {
  const template = yaml.parse(
    await fs.readFile(path.join(templateDir, 'template.yaml'), 'utf8'),
  );
  const files = await listFiles(path.join(templateDir, 'skeleton'));
  return {
    template,
    values,
    directoryContents: await Promise.all(
      files.map(async f => ({
        path: `skeleton/${f}`,
        base64Content: (
          await fs.readFile(path.join(templateDir, 'skeleton', f))
        ).toString('base64'),
      })),
    ),
  };
}
