import { ConfigReader } from '@backstage/config';
import path from 'node:path';
import { GoldenPathRegistry, parseGoldenPaths } from '../service/paths';

// Test fixture only: the demo files live outside this package.
// eslint-disable-next-line no-restricted-syntax
const examples = path.resolve(__dirname, '../../../../examples/golden-paths');

/** The demo paths shipped in examples/golden-paths, as the app configures them. */
export const demoPathFiles = [
  'backend-day-1.yaml',
  'client-day-1.yaml',
  'data-engineering-day-1.yaml',
  'audio-processing-day-1.yaml',
  'machine-learning-day-1.yaml',
  'data-science-day-1.yaml',
].map(file => path.join(examples, file));

/** A path with a template rule that needs outputs, for the rule tests. */
export const outputsPathYaml = `
id: outputs-path
title: Outputs
discipline: Platform
owner: group:default/backend
description: A template step that needs outputs.
steps:
  - id: scaffold
    title: Scaffold
    rule:
      type: template
      templateRef: template:default/with-outputs
      requiredOutputs: [serviceUrl]
`;

export async function testRegistry() {
  const demo = await GoldenPathRegistry.fromConfig(
    new ConfigReader({ goldenPaths: { paths: demoPathFiles } }),
  );
  return new GoldenPathRegistry([
    ...demo.list(),
    ...parseGoldenPaths(outputsPathYaml, 'outputs.yaml'),
  ]);
}
