import { promises as fs } from 'node:fs';
import path from 'node:path';
import yaml from 'yaml';
import { readCiYaml } from './ciYaml';

/*
 * The Machine Learning and Audio Processing Day-1 templates, their paths and
 * what their runs and CI record: shared by the mlAudio.* tests.
 */

// Test fixture only: the examples live outside this package.
export const EXAMPLES_DIR = path.resolve(__dirname, '../../../../examples');

/** Keys the local git server and the local CI runner record (issue 12). */
export const LOCAL_GIT_CI_KEYS = ['pr.opened', 'pr.merged', 'ci.passed'];

export const ML_AUDIO_TEMPLATES = [
  {
    name: 'day-1-machine-learning',
    pathFile: 'machine-learning-day-1.yaml',
    pathTitle: 'Machine Learning',
    ciEvidence: 'ml.evaluated',
    repository: 'day-one-model',
  },
  {
    name: 'day-1-audio-processing',
    pathFile: 'audio-processing-day-1.yaml',
    pathTitle: 'Audio Processing',
    ciEvidence: 'audio.features',
    repository: 'day-one-audio',
  },
].map(t => ({
  ...t,
  dir: path.join(EXAMPLES_DIR, 'templates', t.name),
  ref: `template:default/${t.name}`,
}));

export type MlAudioTemplate = (typeof ML_AUDIO_TEMPLATES)[number];

export async function readYaml(file: string) {
  return yaml.parse(await fs.readFile(file, 'utf8'));
}

/** The evidence keys a template's goldenpath:progress:record steps record. */
export async function templateEvidenceKeys(t: MlAudioTemplate) {
  const template = await readYaml(path.join(t.dir, 'template.yaml'));
  return (template.spec.steps as any[])
    .filter(s => s.action === 'goldenpath:progress:record')
    .map(s => String(s.input.key));
}

/** The evidence keys the skeleton's .onramp/ci.yaml declares. */
export async function ciEvidenceKeys(t: MlAudioTemplate) {
  const steps = await readCiYaml(path.join(t.dir, 'skeleton'));
  return steps.flatMap(s => (s.evidence ? [s.evidence] : []));
}
