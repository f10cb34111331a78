/**
 * Where the evidence of a step can come from, in words for the person on
 * the path. A step (or a check) may say it itself with `evidenceHint`; when
 * it does not, the sentence is derived from its evidence keys with this
 * table.
 */

/** The catalog User annotation holding a person's start date (ISO date). */
export const START_DATE_ANNOTATION = 'onramp.dev/start-date';

/** What each known evidence key asks of a person. */
export const KNOWN_EVIDENCE_KEYS: Readonly<Record<string, string>> = {
  'template.succeeded': 'run the software template to the end',
  'pr.opened':
    'open a pull request (locally: push a new branch) in a repository you own',
  'pr.merged': 'merge a pull request in a repository you own',
  'ci.passed': 'CI must pass on a push to a repository you own',
  'ci.failed': 'a CI run on your repository reports its result',
  'deploy.requested': 'request a deployment of your service',
  'deploy.healthy':
    'deploy your service and have its health check answer from the deployed commit',
  'monitoring.configured': 'commit monitoring rules for your service',
  'monitoring.scraped': 'have monitoring scrape your running service',
  'dns.requested': 'request a DNS name for your service',
  'dns.resolves': 'have your service’s DNS name resolve',
  'release.published': 'publish a release of your repository',
  'pipeline.succeeded': 'run your data pipeline to a successful end',
  'pipeline.scheduled': 'schedule your data pipeline',
  'ml.trained': 'train the model on the shipped sample',
  'ml.evaluated': 'train and evaluate the model; its metrics are recorded',
  'audio.features': 'decode the shipped audio sample and extract its features',
  'report.rendered': 'render the analysis report with its plots',
};

/** One evidence key in words: the table's sentence, or a generic one. */
export function describeEvidenceKey(key: string): string {
  return (
    KNOWN_EVIDENCE_KEYS[key] ?? `report "${key}" evidence from a tool you use`
  );
}

/**
 * The hint a step or check shows while it waits: its own `evidenceHint`,
 * else a sentence from its keys (strongest first; any one of them does),
 * else undefined (nothing to wait for).
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
