import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Waits for a health endpoint to answer 200',
    example: yaml.stringify({
      steps: [
        {
          id: 'verify',
          action: 'goldenpath:endpoint:verify',
          name: 'Verify',
          input: { url: 'http://payments-api.apps.onramp.localhost/health' },
        },
      ],
    }),
  },
  {
    description: 'Checks the body with a regular expression, with fast retries',
    example: yaml.stringify({
      steps: [
        {
          id: 'verify',
          action: 'goldenpath:endpoint:verify',
          name: 'Verify',
          input: {
            url: 'http://orders-api.apps.onramp.localhost/health',
            expectedStatus: 200,
            bodyMatch: '"status":\\s*"ok"',
            timeoutMs: 2000,
            retries: 3,
            retryDelayMs: 100,
          },
        },
      ],
    }),
  },
];
