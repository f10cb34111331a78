import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Records that the Day-1 template succeeded',
    example: yaml.stringify({
      steps: [
        {
          id: 'progress-template',
          action: 'goldenpath:progress:record',
          name: 'Record progress',
          input: {
            key: 'template.succeeded',
            templateRef: 'template:default/day-1-backend-service',
            link: 'http://localhost:3000/catalog/default/component/payments-api',
            summary: 'Created payments-api from the Day-1 template',
          },
        },
      ],
    }),
  },
  {
    description:
      'Records a verified endpoint with its latency for a known step',
    example: yaml.stringify({
      steps: [
        {
          id: 'progress-endpoint',
          action: 'goldenpath:progress:record',
          name: 'Record progress',
          input: {
            key: 'endpoint.verified',
            pathId: 'day-1',
            stepId: 'ship-a-service',
            evidenceId: 'payments-api:endpoint.verified',
            outputs: { latencyMs: 42, status: 200 },
          },
        },
      ],
    }),
  },
];
