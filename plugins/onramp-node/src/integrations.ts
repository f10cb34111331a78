import type {
  LoggerService,
  RootInstanceMetadataService,
  RootSystemMetadataService,
} from '@backstage/backend-plugin-api';

/**
 * Something an Onramp plugin works without, and does more with: another
 * Backstage plugin (anywhere in the system), a module of it (in this
 * backend) or configuration.
 *
 * @public
 */
export interface OnrampIntegration {
  /** The plugin it needs, installed in this backend or in another one of the system (`discovery.endpoints`). */
  pluginId: string;
  /**
   * A module of that plugin it also needs. Checked only when the plugin
   * runs in this backend: another backend's modules cannot be seen.
   */
  moduleId?: string;
  /** Whatever else it needs, e.g. a config key; default `true`. */
  configured?: boolean;
  /** What is off without it, e.g. `notifications are off`. */
  off: string;
  /** What turns it on, e.g. `add backend.add(import('@backstage/plugin-notifications-backend')) to send them`. */
  enable: string;
  /** Whether the plugin cannot do its main job without it: logged as a warning, not as information. */
  required?: boolean;
}

/**
 * Decides which integrations of a plugin are on, from the plugins and
 * modules installed in the Backstage system, and logs one line for each one
 * that is off: `<title>: <off>; <enable>`. Call it from the plugin's init,
 * when every plugin and module of the backend is known.
 *
 * @public
 */
export async function checkOnrampIntegrations<K extends string>(options: {
  /** The plugin's name as people read it, e.g. `Skill Exchange`. */
  title: string;
  logger: LoggerService;
  system: RootSystemMetadataService;
  instance: RootInstanceMetadataService;
  integrations: Record<K, OnrampIntegration>;
}): Promise<Record<K, boolean>> {
  const { title, logger } = options;
  const system = new Set(
    (await options.system.getInstalledPlugins()).map(p => p.pluginId),
  );
  const here = new Map(
    (await options.instance.getInstalledPlugins()).map(p => [
      p.pluginId,
      new Set(p.modules.map(m => m.moduleId)),
    ]),
  );
  const result = {} as Record<K, boolean>;
  for (const key of Object.keys(options.integrations) as K[]) {
    const integration = options.integrations[key];
    const modules = here.get(integration.pluginId);
    const on =
      (system.has(integration.pluginId) || here.has(integration.pluginId)) &&
      (!integration.moduleId ||
        !modules ||
        modules.has(integration.moduleId)) &&
      integration.configured !== false;
    result[key] = on;
    if (!on) {
      const line = `${title}: ${integration.off}; ${integration.enable}`;
      if (integration.required) {
        logger.warn(line);
      } else {
        logger.info(line);
      }
    }
  }
  return result;
}
