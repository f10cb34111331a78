import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Removes everything a practice run of the Day-1 template created',
    example: yaml.stringify({
      steps: [
        {
          id: 'teardown',
          action: 'goldenpath:teardown',
          name: 'Tear down',
          input: { name: 'payments-api', createdByTask: 'task-practice' },
        },
      ],
    }),
  },
  {
    description: 'Removes only the deploy manifests and the DNS record',
    example: yaml.stringify({
      steps: [
        {
          id: 'teardown',
          action: 'goldenpath:teardown',
          name: 'Tear down',
          input: {
            name: 'orders-api',
            parts: ['deploy', 'dns'],
            recordName: 'orders',
          },
        },
      ],
    }),
  },
];
