import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Stops the run before anything is created when the service name is taken',
    example: yaml.stringify({
      steps: [
        {
          id: 'name',
          action: 'goldenpath:name:check',
          name: 'Check the name is free',
          input: { name: 'payments-api' },
        },
      ],
    }),
  },
];
