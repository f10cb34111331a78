import {
  coreServices,
  createServiceFactory,
  LoggerService,
} from '@backstage/backend-plugin-api';

/** A line a plugin logged on a test backend. */
export interface LoggedLine {
  pluginId: string;
  level: 'error' | 'warn' | 'info' | 'debug';
  message: string;
}

/**
 * A logger service factory for `startTestBackend` that keeps every line
 * each plugin (and module) logs, with the plugin's id and the level, in
 * `lines`; `messages(pluginId, level)` picks one plugin's lines.
 */
export function capturedLogs() {
  const lines: LoggedLine[] = [];
  const loggerOf = (pluginId: string): LoggerService => {
    const log =
      (level: LoggedLine['level']) =>
      (message: string): void => {
        lines.push({ pluginId, level, message });
      };
    return {
      error: log('error'),
      warn: log('warn'),
      info: log('info'),
      debug: log('debug'),
      child: () => loggerOf(pluginId),
    };
  };
  return {
    lines,
    factory: createServiceFactory({
      service: coreServices.logger,
      deps: { plugin: coreServices.pluginMetadata },
      factory: ({ plugin }) => loggerOf(plugin.getId()),
    }),
    messages: (pluginId: string, level: LoggedLine['level']) =>
      lines
        .filter(l => l.pluginId === pluginId && l.level === level)
        .map(l => l.message),
  };
}
