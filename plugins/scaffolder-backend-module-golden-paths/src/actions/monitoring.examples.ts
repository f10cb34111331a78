import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description:
      'Sets up monitoring with the default objectives (99.5%, p99 300 ms)',
    example: yaml.stringify({
      steps: [
        {
          id: 'monitoring',
          action: 'goldenpath:monitoring',
          name: 'Monitoring',
          input: { name: 'payments-api' },
        },
      ],
    }),
  },
  {
    description: 'Sets up monitoring with custom objectives and routing labels',
    example: yaml.stringify({
      steps: [
        {
          id: 'monitoring',
          action: 'goldenpath:monitoring',
          name: 'Monitoring',
          input: {
            name: 'orders-api',
            owner: 'group:default/team-checkout',
            availabilityObjective: 99.9,
            latencyPercentile: 0.95,
            latencyThresholdMs: 250,
            for: '10m',
            severity: 'ticket',
            routingLabels: { team: 'checkout', oncall: 'checkout-primary' },
          },
        },
      ],
    }),
  },
];
