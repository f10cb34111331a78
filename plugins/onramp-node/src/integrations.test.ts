import { mockServices } from '@backstage/backend-test-utils';
import { checkOnrampIntegrations } from './integrations';

function plugins(...ids: Array<string | [string, string[]]>) {
  return ids.map(id =>
    typeof id === 'string'
      ? { pluginId: id, modules: [] }
      : { pluginId: id[0], modules: id[1].map(moduleId => ({ moduleId })) },
  );
}

async function check(options: {
  system?: string[];
  instance?: Array<string | [string, string[]]>;
  configured?: boolean;
}) {
  const logger = mockServices.logger.mock();
  const instance = plugins(...(options.instance ?? []));
  const result = await checkOnrampIntegrations({
    title: 'Example',
    logger,
    system: {
      getInstalledPlugins: async () => [
        ...(options.system ?? []).map(pluginId => ({ pluginId })),
        ...instance,
      ],
    },
    instance: { getInstalledPlugins: async () => instance },
    integrations: {
      notifications: {
        pluginId: 'notifications',
        off: 'notifications are off',
        enable: 'add the notifications backend',
      },
      search: {
        pluginId: 'search',
        moduleId: 'example-collator',
        configured: options.configured,
        off: 'search is off',
        enable: 'add the collator',
      },
      catalog: {
        pluginId: 'catalog',
        required: true,
        off: 'no catalog',
        enable: 'add the catalog backend',
      },
    },
  });
  return { result, logger };
}

describe('checkOnrampIntegrations', () => {
  it('logs one line per integration that is off, a warning when it is required', async () => {
    const { result, logger } = await check({});
    expect(result).toEqual({
      notifications: false,
      search: false,
      catalog: false,
    });
    expect(logger.info.mock.calls).toEqual([
      ['Example: notifications are off; add the notifications backend'],
      ['Example: search is off; add the collator'],
    ]);
    expect(logger.warn.mock.calls).toEqual([
      ['Example: no catalog; add the catalog backend'],
    ]);
  });

  it('finds plugins in this backend with their modules, and in other backends of the system', async () => {
    const { result, logger } = await check({
      system: ['notifications'],
      instance: ['catalog', ['search', ['example-collator']]],
    });
    expect(result).toEqual({
      notifications: true,
      search: true,
      catalog: true,
    });
    expect(logger.info).not.toHaveBeenCalled();
    expect(logger.warn).not.toHaveBeenCalled();
  });

  it('needs the module when the plugin runs in this backend', async () => {
    const { result, logger } = await check({
      instance: ['catalog', 'notifications', ['search', ['other']]],
    });
    expect(result.search).toBe(false);
    expect(logger.info.mock.calls).toEqual([
      ['Example: search is off; add the collator'],
    ]);
  });

  it('cannot see the modules of another backend, and trusts them', async () => {
    const { result } = await check({ system: ['search'] });
    expect(result.search).toBe(true);
  });

  it('is off when the configuration is missing', async () => {
    const { result } = await check({
      instance: [['search', ['example-collator']]],
      configured: false,
    });
    expect(result.search).toBe(false);
  });
});
