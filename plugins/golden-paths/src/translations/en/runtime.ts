/**
 * The runtime area's words (English, the default): the Runtime card of a
 * Day-1 service and the teardown of a practice run.
 */
export const runtime = {
  cancel: 'Cancel',
  status: {
    running: 'running',
    starting: 'starting',
    crashLooping: 'crash-looping',
    stopped: 'stopped',
  },
  card: {
    title: 'Runtime',
    /** The subheader when the backend names no runtime. */
    localRuntime: 'local runtime (this machine)',
    refresh: 'Refresh the runtime',
    refreshFailed: 'Could not refresh: {{message}}',
    noAnnotation: 'This component has no {{annotation}} annotation.',
    loadFailed: 'The runtime of {{name}} could not be loaded: {{message}}',
    actionFailed: {
      restart: 'Could not restart {{name}}: {{message}}',
      stop: 'Could not stop {{name}}: {{message}}',
      start: 'Could not start {{name}}: {{message}}',
    },
  },
  details: {
    status: 'Status',
    url: 'URL',
    open: 'Open service',
    commit: 'Commit',
    uptime: 'Uptime',
    notRunning: 'not running',
    restarts: 'Restarts',
    lastExit: 'Last exit',
    lastHealthCheck: 'Last health check',
    logLines_one: 'Last {{count}} log line',
    logLines_other: 'Last {{count}} log lines',
    logLabel: 'Log of {{name}}',
    emptyLog: '(empty)',
  },
  /** Uptime: "59 s", "1 h 2 min", "1 d 1 h". */
  uptime: {
    seconds_one: '{{count}} s',
    seconds_other: '{{count}} s',
    minutes_one: '{{count}} min',
    minutes_other: '{{count}} min',
    hours_one: '{{count}} h',
    hours_other: '{{count}} h',
    days_one: '{{count}} d',
    days_other: '{{count}} d',
    two: '{{first}} {{second}}',
  },
  health: {
    notChecked: 'not checked yet',
    healthy: 'healthy at {{at}}',
    failed: 'failed at {{at}}: {{summary}}',
  },
  exit: {
    signal: 'signal {{signal}} at {{at}}',
    code: 'code {{code}} at {{at}}',
  },
  actions: {
    restart: 'Restart',
    stop: 'Stop',
    start: 'Start',
    stopTitle: 'Stop {{name}}?',
    stopText:
      'The process stops and its port closes. It stays stopped, also when the portal restarts, until someone starts it or deploys it again.',
    stopConfirm: 'Stop {{name}}',
  },
  teardown: {
    tearDown: 'Tear down',
    unavailable: 'Teardown unavailable: {{message}}',
    dialogTitle: 'Tear down {{name}}?',
    dialogText:
      'This practice run is removed for good. The teardown runs as a scaffolder task and removes:',
    removesLabel: 'What the teardown removes',
    couldNotStart: 'The teardown could not start: {{message}}',
    starting: 'Starting…',
  },
} as const;
