/**
 * Where the evidence of a step can come from, in words for the person on
 * the path. A step (or a check) may say it itself with `evidenceHint`; when
 * it does not, the sentence is derived from its evidence keys with this
 * table.
 */

/**
 * The catalog User annotation holding a person's start date (ISO date).
 *
 * @public
 */
export const START_DATE_ANNOTATION = 'onramp.dev/start-date';

/**
 * What each evidence key a Day-1 path waits for (examples/golden-paths) asks
 * of a person, naming what produces it: the Day-1 templates' runs, the
 * `.onramp/ci.yaml` steps of the repositories they create (run by the local
 * CI on every push), the local git server and CI (`pr.opened`, `pr.merged`,
 * `ci.passed`) and the SCM webhooks (golden-paths-backend-module-scm-events:
 * `pr.opened`, `pr.merged`, `ci.passed`, `deploy.healthy`,
 * `release.published`). A path that waits for any other key must say where
 * it comes from in its own `evidenceHint`.
 * @public
 */
export const KNOWN_EVIDENCE_KEYS: Readonly<Record<string, string>> = {
  // Day-1 template runs.
  'template.succeeded': 'run the Day-1 software template to the end',
  'deploy.healthy':
    'deploy your service with the Day-1 template and have it answer /health from the deployed commit (or a successful deployment reported by GitHub or GitLab)',
  'deploy.requested':
    'have the Day-1 template commit your service’s deploy manifests for a cluster to apply',
  'monitoring.scraped':
    'have the Day-1 template check your running service’s /metrics against its alerting rules',
  'monitoring.configured':
    'have the Day-1 template commit alerting rules for your service',
  'dns.resolves':
    'have the Day-1 template add your service’s DNS record and the DNS server answer with it',
  'dns.requested':
    'have the Day-1 template commit a DNS record for your service',
  'endpoint.verified':
    'have the Day-1 template call your deployed service’s endpoint',
  'client.feature.visible':
    'have the Day-1 template find the feature’s banner on your deployed app’s page',
  // .onramp/ci.yaml steps of the repositories the templates create.
  'client.tests.passed':
    'push to your app: the unit tests in its .onramp/ci.yaml must pass',
  'pipeline.checks.passed':
    'push to your pipeline: the validate step of its .onramp/ci.yaml must pass its data checks',
  'pipeline.table.loaded':
    'push to your pipeline: its .onramp/ci.yaml must load the output table',
  'pipeline.schedule.valid':
    'push to your pipeline: its .onramp/ci.yaml must find a valid schedule in pipeline.toml',
  'analysis.report.rendered':
    'push to your analysis: its .onramp/ci.yaml must render the report with its figures',
  'ml.evaluated':
    'push to your model: its .onramp/ci.yaml must train and evaluate it and beat the baseline',
  'audio.features':
    'push to your audio project: its .onramp/ci.yaml must decode the sample and extract its features',
  // The local git server and CI, and the SCM webhooks.
  'ci.passed':
    'push to a repository you own and have every CI step pass (the local CI, or a GitHub or GitLab pipeline)',
  'pr.opened':
    'open a pull request in a repository you own (locally: push a new branch)',
  'pr.merged':
    'merge a pull request in a repository you own (locally: merge into main)',
  'release.published':
    'publish a release of a repository you own on GitHub or GitLab',
};

/**
 * One evidence key in words: the table's sentence, or a generic one.
 *
 * @public
 */
export function describeEvidenceKey(key: string): string {
  return (
    KNOWN_EVIDENCE_KEYS[key] ?? `report "${key}" evidence from a tool you use`
  );
}

/**
 * The hint a step or check shows while it waits: its own `evidenceHint`,
 * else a sentence from its keys (strongest first; any one of them does),
 * else undefined (nothing to wait for).
 * @public
 */
export function evidenceHintOf(options: {
  evidenceHint?: string;
  keys: string[];
}): string | undefined {
  if (options.evidenceHint) {
    return options.evidenceHint;
  }
  if (options.keys.length === 0) {
    return undefined;
  }
  const [first, ...rest] = options.keys.map(describeEvidenceKey);
  const sentence = rest.length === 0 ? first : [first, ...rest].join('; or ');
  return sentence.charAt(0).toLocaleUpperCase() + sentence.slice(1);
}
