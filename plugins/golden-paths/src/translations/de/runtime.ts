import type { runtime as en } from '../en/runtime';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const runtime: AreaMessages<typeof en, 'runtime'> = {
  'runtime.cancel': 'Abbrechen',
  'runtime.status.running': 'läuft',
  'runtime.status.starting': 'startet',
  'runtime.status.crashLooping': 'Crash-Loop',
  'runtime.status.stopped': 'gestoppt',
  'runtime.card.title': 'Runtime',
  'runtime.card.localRuntime': 'lokale Runtime (dieser Rechner)',
  'runtime.card.refresh': 'Runtime aktualisieren',
  'runtime.card.refreshFailed': 'Aktualisieren fehlgeschlagen: {{message}}',
  'runtime.card.noAnnotation':
    'Diese Komponente hat keine Annotation {{annotation}}.',
  'runtime.card.loadFailed':
    'Die Runtime von {{name}} konnte nicht geladen werden: {{message}}',
  'runtime.card.actionFailed.restart':
    '{{name}} konnte nicht neu gestartet werden: {{message}}',
  'runtime.card.actionFailed.stop':
    '{{name}} konnte nicht gestoppt werden: {{message}}',
  'runtime.card.actionFailed.start':
    '{{name}} konnte nicht gestartet werden: {{message}}',
  'runtime.details.status': 'Status',
  'runtime.details.url': 'URL',
  'runtime.details.open': 'Service öffnen',
  'runtime.details.commit': 'Commit',
  'runtime.details.uptime': 'Laufzeit',
  'runtime.details.notRunning': 'läuft nicht',
  'runtime.details.restarts': 'Neustarts',
  'runtime.details.lastExit': 'Letztes Beenden',
  'runtime.details.lastHealthCheck': 'Letzter Health-Check',
  'runtime.details.logLines_one': 'Letzte {{count}} Log-Zeile',
  'runtime.details.logLines_other': 'Letzte {{count}} Log-Zeilen',
  'runtime.details.logLabel': 'Log von {{name}}',
  'runtime.details.emptyLog': '(leer)',
  'runtime.uptime.seconds_one': '{{count}} s',
  'runtime.uptime.seconds_other': '{{count}} s',
  'runtime.uptime.minutes_one': '{{count}} min',
  'runtime.uptime.minutes_other': '{{count}} min',
  'runtime.uptime.hours_one': '{{count}} h',
  'runtime.uptime.hours_other': '{{count}} h',
  'runtime.uptime.days_one': '{{count}} Tag',
  'runtime.uptime.days_other': '{{count}} Tage',
  'runtime.uptime.two': '{{first}} {{second}}',
  'runtime.health.notChecked': 'noch nicht geprüft',
  'runtime.health.healthy': 'gesund um {{at}}',
  'runtime.health.failed': 'fehlgeschlagen um {{at}}: {{summary}}',
  'runtime.exit.signal': 'Signal {{signal}} um {{at}}',
  'runtime.exit.code': 'Code {{code}} um {{at}}',
  'runtime.actions.restart': 'Neu starten',
  'runtime.actions.stop': 'Stoppen',
  'runtime.actions.start': 'Starten',
  'runtime.actions.stopTitle': '{{name}} stoppen?',
  'runtime.actions.stopText':
    'Der Prozess wird beendet und sein Port geschlossen. Er bleibt gestoppt, auch wenn das Portal neu startet, bis jemand ihn startet oder erneut deployt.',
  'runtime.actions.stopConfirm': '{{name}} stoppen',
  'runtime.teardown.tearDown': 'Abbauen',
  'runtime.teardown.unavailable': 'Abbau nicht verfügbar: {{message}}',
  'runtime.teardown.dialogTitle': '{{name}} abbauen?',
  'runtime.teardown.dialogText':
    'Dieser Übungslauf wird endgültig entfernt. Der Abbau läuft als Scaffolder-Task und entfernt:',
  'runtime.teardown.removesLabel': 'Was der Abbau entfernt',
  'runtime.teardown.couldNotStart':
    'Der Abbau konnte nicht starten: {{message}}',
  'runtime.teardown.starting': 'Startet …',
};
