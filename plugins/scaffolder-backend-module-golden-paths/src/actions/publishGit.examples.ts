import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Publishes the workspace to a local bare repository created on demand',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'goldenpath:publish',
          name: 'Publish',
          input: { repository: 'payments-api' },
        },
      ],
    }),
  },
  {
    description:
      'Publishes a sub-folder with a custom branch, message and author',
    example: yaml.stringify({
      steps: [
        {
          id: 'publish',
          action: 'goldenpath:publish',
          name: 'Publish',
          input: {
            repository: 'orders-api',
            sourcePath: 'service',
            defaultBranch: 'trunk',
            gitCommitMessage: 'Create orders-api from the Day-1 golden path',
            gitAuthorName: 'Sofia Marquez',
            gitAuthorEmail: 'sofia.marquez@onramp.example',
          },
        },
      ],
    }),
  },
];
