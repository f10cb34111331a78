import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

/**
 * One test per example of an action: `run` gets the input of the example's
 * first step (and its index). `title` may use %i (index) and %s
 * (description).
 */
export function itRunsEveryExample(
  examples: TemplateExample[],
  run: (input: any, index: number) => Promise<void>,
  title = 'runs example %i: %s',
) {
  it.each(examples.map((e, i) => [i, e.description] as const))(title, async i =>
    run(yaml.parse(examples[i].example).steps[0].input, i),
  );
}
