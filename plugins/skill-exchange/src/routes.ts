import { createRouteRef } from '@backstage/frontend-plugin-api';

/** The Skill Exchange page (mounted at /skill-exchange by default). */
export const rootRouteRef = createRouteRef();
