import type {
  AuditorService,
  HttpAuthService,
} from '@backstage/backend-plugin-api';
import type { SkillExchangeServices } from '../service';

/** What every route file needs: the services, credentials and the auditor. */
export interface RouteContext {
  services: SkillExchangeServices;
  httpAuth: HttpAuthService;
  auditor: AuditorService;
}
