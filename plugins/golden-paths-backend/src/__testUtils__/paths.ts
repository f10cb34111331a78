import fs from 'node:fs';
import path from 'node:path';
import { parseAllDocuments } from 'yaml';
import { Entity } from '@backstage/catalog-model';
import { GoldenPathRegistry, parseGoldenPaths } from '../service/paths';

// Test fixture only: the demo files live outside this package.
// eslint-disable-next-line no-restricted-syntax
const examples = path.resolve(__dirname, '../../../../examples/golden-paths');

/** The demo paths shipped in examples/golden-paths (GoldenPath entities the app's catalog reads). */
export const demoPathFiles = [
  'backend-day-1.yaml',
  'client-day-1.yaml',
  'data-engineering-day-1.yaml',
  'audio-processing-day-1.yaml',
  'machine-learning-day-1.yaml',
  'data-science-day-1.yaml',
].map(file => path.join(examples, file));

/** A GoldenPath entity (YAML) with the given name and steps (YAML, indented 4). */
export function pathEntityYaml(name: string, steps: string, spec = '') {
  return `
apiVersion: onramp.dev/v1alpha1
kind: GoldenPath
metadata:
  name: ${name}
  title: ${name}
  description: A test path.
spec:
  discipline: Platform
  owner: group:default/backend
${spec}  steps:
${steps}`;
}

/** A path with a template rule that needs outputs, for the rule tests. */
export const outputsPathYaml = pathEntityYaml(
  'outputs-path',
  `    - id: scaffold
      title: Scaffold
      rule:
        type: template
        templateRef: template:default/with-outputs
        requiredOutputs: [serviceUrl]
`,
);

/** The demo paths as the catalog serves them (GoldenPath entities). */
export function demoPathEntities(): Entity[] {
  return demoPathFiles.flatMap(file =>
    parseAllDocuments(fs.readFileSync(file, 'utf8')).map(
      d => d.toJS() as Entity,
    ),
  );
}

/** The demo paths, parsed as the backend parses the catalog's entities. */
export function demoPaths() {
  return demoPathFiles.flatMap(file =>
    parseGoldenPaths(fs.readFileSync(file, 'utf8'), file),
  );
}

export async function testRegistry() {
  return new GoldenPathRegistry([
    ...demoPaths(),
    ...parseGoldenPaths(outputsPathYaml, 'outputs.yaml'),
  ]);
}
