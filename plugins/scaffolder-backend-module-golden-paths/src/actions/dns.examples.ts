import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Points <name>.<zone> at the ingress with a CNAME',
    example: yaml.stringify({
      steps: [
        {
          id: 'dns',
          action: 'goldenpath:dns',
          name: 'DNS',
          input: {
            name: 'payments-api',
            value: 'ingress.apps.onramp.localhost',
          },
        },
      ],
    }),
  },
  {
    description: 'Creates an A record with its own label and TTL',
    example: yaml.stringify({
      steps: [
        {
          id: 'dns',
          action: 'goldenpath:dns',
          name: 'DNS',
          input: {
            name: 'orders-api',
            recordName: 'orders',
            type: 'A',
            value: '192.0.2.10',
            ttl: 60,
          },
        },
      ],
    }),
  },
];
