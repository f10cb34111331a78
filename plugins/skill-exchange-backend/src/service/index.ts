import type {
  AuthService,
  DiscoveryService,
  LoggerService,
  PermissionsRegistryService,
  PermissionsService,
} from '@backstage/backend-plugin-api';
import type { CatalogService } from '@backstage/plugin-catalog-node';
import {
  catalogMembership,
  type Membership,
} from '@onramp/backstage-plugin-onramp-node';
import type {
  LearningResource,
  ManagerApprovalPolicy,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { NotificationService } from '@backstage/plugin-notifications-node';
import type { SkillExchangeStores } from '../database';
import { SkillExchangeAccess } from './access';
import { ApprovalService } from './ApprovalService';
import { CatalogFactsReader } from './catalogFacts';
import { CatalogLearningResources } from './catalogLearning';
import { ComponentSkills } from './evidence/components';
import { EvidenceService } from './evidence/EvidenceService';
import { GoldenPathsPullRequestReader } from './evidence/pullRequests';
import { evidenceSources } from './evidence/sources';
import { EventCalendarService } from './eventCalendar';
import { InterestService } from './InterestService';
import { LearningService } from './LearningService';
import { MatchingService } from './MatchingService';
import { ModerationService } from './ModerationService';
import { PairingService } from './PairingService';
import { SkillExchangeNotifier } from './notifications';
import { PostService } from './PostService';
import { ProfileService } from './ProfileService';
import { RetroService } from './RetroService';
import { SearchDocumentService } from './SearchDocumentService';
import { TaxonomyService } from './TaxonomyService';

/** Every service of the Skill Exchange: the rules between the router and the stores. */
export interface SkillExchangeServices {
  posts: PostService;
  interests: InterestService;
  approvals: ApprovalService;
  taxonomy: TaxonomyService;
  profiles: ProfileService;
  matching: MatchingService;
  searchDocuments: SearchDocumentService;
  learning: LearningService;
  retros: RetroService;
  evidence: EvidenceService;
  pairing: PairingService;
  moderation: ModerationService;
  calendars: EventCalendarService;
}

export function createServices(options: {
  stores: SkillExchangeStores;
  permissions: PermissionsService;
  permissionsRegistry: PermissionsRegistryService;
  notifications: NotificationService;
  catalog: CatalogService;
  auth: AuthService;
  logger: LoggerService;
  /** `skillExchange.embeds.managerApproval` (default optional). */
  managerApproval?: ManagerApprovalPolicy;
  /** The learning resources, skills resolved (`resolveLearningSkills`); default none. */
  learningResources?: LearningResource[];
  /** The smallest group of retros insights show (default 5). */
  retroMinimumGroupSize?: number;
  /** For Golden Paths' merged pull requests; without it, no `pull_requests` evidence. */
  discovery?: DiscoveryService;
  /** Whether Golden Paths is installed (the merged pull requests' source). */
  goldenPaths?: boolean;
  /** A person's groups and managers; by default read from the catalog. */
  membership?: (userEntityRef: string) => Promise<Membership>;
  /** `app.baseUrl`, for links in calendar invites; default http://localhost:3000. */
  appBaseUrl?: string;
}): SkillExchangeServices {
  const { stores } = options;
  const access = new SkillExchangeAccess({
    permissions: options.permissions,
    permissionsRegistry: options.permissionsRegistry,
    posts: stores.posts,
    events: stores.events,
  });
  const notifier = new SkillExchangeNotifier(
    options.notifications,
    options.logger,
  );
  const catalogFacts = new CatalogFactsReader(options.catalog, options.auth);
  const policy = options.managerApproval ?? 'optional';
  const learning = new LearningService(
    stores,
    options.learningResources ?? [],
    new CatalogLearningResources(
      options.catalog,
      options.auth,
      stores.skills,
      options.logger,
    ),
  );
  const evidence = new EvidenceService(
    stores,
    access,
    catalogFacts,
    evidenceSources({
      stores,
      pullRequests:
        options.goldenPaths && options.discovery
          ? {
              reader: new GoldenPathsPullRequestReader(
                options.discovery,
                options.auth,
              ),
              components: new ComponentSkills(
                options.catalog,
                options.auth,
                stores.skills,
              ),
            }
          : undefined,
    }),
    options.logger,
  );
  const appBaseUrl = options.appBaseUrl ?? 'http://localhost:3000';
  const retros = new RetroService(stores, notifier, {
    minimumGroupSize: options.retroMinimumGroupSize ?? 5,
    logger: options.logger,
    evidence,
  });
  return {
    posts: new PostService(stores, access, notifier, retros),
    interests: new InterestService(stores, access, notifier, policy),
    approvals: new ApprovalService(stores, notifier, {
      policy,
      membership:
        options.membership ??
        (ref => catalogMembership(options.catalog, options.auth, ref)),
    }),
    taxonomy: new TaxonomyService(stores, access),
    profiles: new ProfileService(
      stores,
      access,
      catalogFacts,
      learning,
      evidence,
    ),
    matching: new MatchingService(stores, evidence),
    searchDocuments: new SearchDocumentService(stores, catalogFacts),
    learning,
    retros,
    evidence,
    pairing: new PairingService(
      stores,
      access,
      notifier,
      catalogFacts,
      appBaseUrl,
    ),
    moderation: new ModerationService(stores, access, notifier),
    calendars: new EventCalendarService(stores, appBaseUrl),
  };
}

export type { Caller } from './access';
export { resolveLearningSkills } from './LearningService';
