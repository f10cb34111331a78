import { TemplateExample } from '@backstage/plugin-scaffolder-node';
import yaml from 'yaml';

export const examples: TemplateExample[] = [
  {
    description: 'Deploys a service with the default port, probes and host',
    example: yaml.stringify({
      steps: [
        {
          id: 'deploy',
          action: 'goldenpath:deploy',
          name: 'Deploy',
          input: {
            name: 'payments-api',
            image: 'registry.onramp.localhost/payments-api:0.1.0',
          },
        },
      ],
    }),
  },
  {
    description: 'Deploys two replicas on a custom port, host and namespace',
    example: yaml.stringify({
      steps: [
        {
          id: 'deploy',
          action: 'goldenpath:deploy',
          name: 'Deploy',
          input: {
            name: 'orders-api',
            image: 'registry.onramp.localhost/orders-api:1.2.3',
            owner: 'group:default/team-checkout',
            port: 3000,
            replicas: 2,
            host: 'orders.example.com',
            healthPath: '/healthz',
            namespace: 'checkout',
          },
        },
      ],
    }),
  },
];
