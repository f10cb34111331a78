export interface Config {
  /** Day-1 golden-path scaffolder actions (scaffolder-backend-module-golden-paths). */
  goldenPaths?: {
    git?: {
      /**
       * Folder holding the local bare repositories that goldenpath:publish and the
       * gitops providers create on demand. Relative paths are resolved from
       * the backend's working directory. Default: ../../data/git
       */
      root?: string;
      /** Branch used when a template does not name one. Default: main */
      defaultBranch?: string;
      /**
       * URL prefixes of remotes that a template may push to instead of a local
       * bare repository (for example file:///srv/git/ or ssh://git@git.example.com/).
       * Default: none, only local repositories.
       */
      allowedRemotes?: string[];
      /** Commit identity. Default: scaffolder.defaultAuthor. */
      author?: {
        name?: string;
        email?: string;
      };
      /**
       * Serve the files of the local repositories read-only (and without
       * authentication) under /api/scaffolder/golden-paths/git, so the catalog
       * can read a published catalog-info.yaml. Development only. Default: false
       */
      serveLocalRepositories?: boolean;
    };
    /**
     * Which provider each action uses, by name: a built-in one or one another
     * module added through goldenPathsProvidersExtensionPoint. An unknown
     * name stops the backend at startup.
     */
    providers?: {
      /**
       * goldenpath:deploy provider. Built in: gitops commits the manifests to
       * the deploy repository; kubernetes applies them server-side to
       * goldenPaths.deploy.kubernetes; local commits them too and runs the
       * service on this machine (goldenPaths.deploy.local). Default: gitops
       */
      deploy?: string;
      /**
       * goldenpath:monitoring provider for the alerting rules. Built in:
       * gitops, prometheus. Default: gitops
       */
      monitoring?: string;
      /**
       * Where goldenpath:monitoring puts the dashboard, independently of the
       * rules: grafana upserts it over the Grafana HTTP API
       * (goldenPaths.monitoring.grafana), and the gitops provider then commits
       * only the rules. Unset: the gitops provider commits dashboard.json next
       * to the rules; the prometheus provider uploads no dashboard.
       */
      dashboards?: string;
      /**
       * goldenpath:dns provider. Built in: gitops, rfc2136, route53,
       * cloudflare. Default: gitops
       */
      dns?: string;
    };
    deploy?: {
      /** Deploy repository (a local name or an allowed remote). Default: deployments */
      repository?: string;
      /** Folder of the manifests in the deploy repository. Default: apps */
      path?: string;
      /** Services get the host <name>.<baseDomain>. Default: apps.onramp.localhost */
      baseDomain?: string;
      /** Kubernetes namespace. Default: default */
      namespace?: string;
      /** ingressClassName of the generated Ingress. */
      ingressClassName?: string;
      /**
       * The kubernetes provider: the one cluster Deployment, Service and
       * Ingress are applied to (server-side apply, field manager
       * onramp-golden-paths). Required when providers.deploy is kubernetes.
       */
      kubernetes?: {
        /** API server URL, e.g. https://k8s.example.com:6443 */
        url: string;
        /**
         * Bearer token of a service account allowed to get and patch
         * deployments, services and ingresses in the target namespaces,
         * e.g. ${K8S_GOLDEN_PATHS_TOKEN}.
         * @visibility secret
         */
        token: string;
        /** Base64 PEM of the cluster CA (certificate-authority-data). Default: system CAs */
        caData?: string;
        /** Skip TLS verification (development clusters only). Default: false */
        skipTLSVerify?: boolean;
        /** Namespace when the template names none. Default: goldenPaths.deploy.namespace */
        namespace?: string;
        /** How long to wait for the Deployment rollout. Default: 300000 */
        rolloutTimeoutMs?: number;
        /** How often to read the Deployment while waiting. Default: 2000 */
        pollIntervalMs?: number;
      };
      /**
       * The local provider, "local runtime (this machine)": it commits the
       * desired state like gitops, then builds the service from its
       * repository (the one named like the service) and runs it on this
       * machine. For trying Onramp out on one machine, not for production.
       */
      local?: {
        /**
         * Folder of the services' state (ports, pid files), builds and
         * rotated logs. Relative paths are resolved from the backend's
         * working directory. Default: data/runtime
         */
        runtimeDir?: string;
        /** Ports the services listen on. Default: 41000-41999 */
        ports?: {
          from?: number;
          to?: number;
        };
        /** How long a deploy waits for /health to answer from the deployed commit. Default: 30000 */
        healthTimeoutMs?: number;
        /**
         * The Python that runs Python services (a repository with app.py or
         * main.py and no package.json; nothing is installed, so they use the
         * standard library and the machine's packages). Default: python3 on
         * the backend's PATH.
         */
        python?: string;
      };
    };
    monitoring?: {
      /** Monitoring repository for the gitops provider. Default: monitoring */
      repository?: string;
      /** Folder in the monitoring repository. Default: services */
      path?: string;
      /**
       * Grafana base URL used to link to the dashboard (without
       * providers.dashboards): set it only where that Grafana provisions the
       * committed dashboard.json, since the link is then offered as the
       * service's dashboard.
       */
      grafanaUrl?: string;
      /** The grafana dashboards provider (providers.dashboards: grafana). */
      grafana?: {
        /** Grafana base URL, e.g. https://grafana.example.com */
        url: string;
        /**
         * Service account token (role Editor, or Edit on the folder),
         * e.g. ${GRAFANA_GOLDEN_PATHS_TOKEN}.
         * @visibility secret
         */
        token: string;
        /** uid of the folder the dashboards are saved in. Default: General */
        folderUid?: string;
      };
      /**
       * A local Prometheus that discovers services through file-based service
       * discovery: goldenpath:monitoring writes golden-path-<name>.json (the
       * service's /metrics as a target, labelled service=<name>) into
       * fileSdDir and waits until <url>/api/v1/targets lists it. Its
       * configuration needs a scrape job with
       * `file_sd_configs: [{ files: ['<fileSdDir>/*.json'] }]`.
       */
      localPrometheus?: {
        /** Default: true when the block is present. */
        enabled?: boolean;
        /** Prometheus base URL, e.g. http://127.0.0.1:9090 */
        url: string;
        /** The folder the file_sd_configs glob reads. */
        fileSdDir: string;
        /** How long to wait for Prometheus to list and scrape the target. Default: 30000 */
        confirmTimeoutMs?: number;
      };
      /** The prometheus provider. */
      prometheus?: {
        /** Prometheus base URL (started with --web.enable-lifecycle). */
        url: string;
        /** Folder of rule files that Prometheus loads (rule_files glob). */
        rulesDir: string;
        /** promtool binary used to validate rules. Default: promtool */
        promtool?: string;
        /** How long to wait for the rules to show in /api/v1/rules. Default: 30000 */
        confirmTimeoutMs?: number;
      };
    };
    dns?: {
      /** The zone records are created in. Default: apps.onramp.localhost */
      zone?: string;
      /** TTL of created records in seconds. Default: 300 */
      ttl?: number;
      /** DNS-as-code repository for the gitops provider. Default: dns */
      repository?: string;
      /** Folder of the zones in that repository. Default: zones */
      path?: string;
      /** The rfc2136 provider (TSIG-signed dynamic update). */
      rfc2136?: {
        /** Authoritative server address. */
        server: string;
        /** Port. Default: 53 */
        port?: number;
        /** TSIG key name. */
        keyName: string;
        /** TSIG algorithm. Default: hmac-sha256 */
        keyAlgorithm?: string;
        /**
         * TSIG secret (base64).
         * @visibility secret
         */
        keySecret: string;
      };
      /**
       * The route53 provider (AWS SDK v3): one ChangeBatch per change with the
       * record and its _gp-owner.<fqdn> ownership TXT record.
       */
      route53?: {
        /** Hosted zone id (Z0123... or /hostedzone/Z0123...) of goldenPaths.dns.zone. */
        hostedZoneId: string;
        /** AWS region for the SDK client (Route 53 is global). Default: us-east-1 */
        region?: string;
        /**
         * Access key id. Without accessKeyId and secretAccessKey the SDK's
         * default credential provider chain is used (environment, shared
         * config, web identity, container and instance roles).
         * @visibility secret
         */
        accessKeyId?: string;
        /**
         * Secret access key (with accessKeyId).
         * @visibility secret
         */
        secretAccessKey?: string;
        /**
         * Session token for temporary credentials (with accessKeyId).
         * @visibility secret
         */
        sessionToken?: string;
        /** Wait until Route 53 reports the change INSYNC (GetChange). Default: true */
        waitForSync?: boolean;
        /** How long to wait for INSYNC, in ms. Default: 120000 */
        syncTimeoutMs?: number;
        /** GetChange polling interval, in ms. Default: 5000 */
        syncPollMs?: number;
      };
      /**
       * The cloudflare provider (official `cloudflare` SDK, API v4): the
       * record's comment carries the ownership marker.
       */
      cloudflare?: {
        /** Zone id of goldenPaths.dns.zone. */
        zoneId: string;
        /**
         * API token with Zone.DNS:Edit on the zone.
         * @visibility secret
         */
        apiToken: string;
        /** Create records proxied through Cloudflare (TTL automatic). Default: false */
        proxied?: boolean;
        /** API base URL. Default: https://api.cloudflare.com/client/v4 */
        baseUrl?: string;
      };
    };
  };
  /** Also read by Onramp's permission policy (packages/backend). */
  onramp?: {
    permission?: {
      /**
       * User and group entity refs that may do anything in the portal; here:
       * restart, stop and start any service on the local runtime (the Runtime
       * card) and tear down any Day-1 practice run (goldenpath:teardown and
       * POST /api/scaffolder/golden-paths/teardown/:name), besides its owners.
       */
      admins?: string[];
    };
  };
}
