import type { bootcamps as en } from '../en/bootcamps';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const bootcamps: AreaMessages<typeof en, 'bootcamps'> = {
  'bootcamps.back': 'Zurück',
  'bootcamps.none': '—',
  'bootcamps.dates.range': '{{start}} – {{end}}',
  'bootcamps.dates.from': 'ab {{start}}',
  'bootcamps.notAllowed.title': 'Bootcamps sind für Kohorten-Manager',
  'bootcamps.notAllowed.description':
    'Um Bootcamps zu betreuen, brauchst du die Berechtigung golden-paths.cohort.manage (und musst zu goldenPaths.metrics.viewers gehören). Frag dein Platform-Team, wenn du sie haben solltest.',
  'bootcamps.list.title': 'Bootcamps',
  'bootcamps.list.subtitle':
    'Kohorten von Neuen, die gemeinsam einen Pfad gehen: ihr Fortschritt und ein Anstupsen, wenn jemand feststeckt',
  'bootcamps.list.tableTitle': 'Kohorten',
  'bootcamps.list.empty': 'Noch keine Bootcamps: Leg unten das erste an.',
  'bootcamps.list.columns.bootcamp': 'Bootcamp',
  'bootcamps.list.columns.path': 'Pfad',
  'bootcamps.list.columns.dates': 'Zeitraum',
  'bootcamps.list.columns.members': 'Mitglieder',
  'bootcamps.board.title': 'Bootcamp',
  'bootcamps.board.subtitle': '{{path}} · {{dates}}',
  'bootcamps.board.noPath': 'Kein Pfad',
  'bootcamps.board.notStarted': 'Nicht gestartet',
  'bootcamps.board.finished': 'Abgeschlossen',
  'bootcamps.board.columns.member': 'Mitglied',
  'bootcamps.board.columns.stepsDone': 'Erledigte Schritte',
  'bootcamps.board.columns.currentStep': 'Aktueller Schritt',
  'bootcamps.board.columns.stuck': 'Steckt fest',
  'bootcamps.board.columns.nudge': 'Anstupsen',
  'bootcamps.board.stepsDoneBy': 'Erledigte Schritte von {{name}}',
  'bootcamps.board.stuckFor_one': 'Steckt seit {{count}} Tag fest',
  'bootcamps.board.stuckFor_other': 'Steckt seit {{count}} Tagen fest',
  'bootcamps.board.nudge': 'Anstupsen',
  'bootcamps.board.nudgeLabel': '{{name}} anstupsen',
  'bootcamps.board.nudgedToday': 'Heute angestupst',
  'bootcamps.board.nudgedTodayLabel': 'Heute angestupst: {{name}}',
  'bootcamps.board.nudgeAll': 'Alle Feststeckenden anstupsen',
  'bootcamps.board.days_one': '{{count}} Tag',
  'bootcamps.board.days_other': '{{count}} Tage',
  'bootcamps.board.stuckSummary':
    '{{stuck}} stecken fest (keine Evidence seit mehr als {{days}}), {{notNudged}} heute noch nicht angestupst',
  'bootcamps.board.nudged': '{{name}} angestupst',
  'bootcamps.board.nudgedStuck_one':
    '{{count}} feststeckendes Mitglied angestupst',
  'bootcamps.board.nudgedStuck_other':
    '{{count}} feststeckende Mitglieder angestupst',
  'bootcamps.board.nudgedStuckSkipped':
    '{{nudged}}; {{skipped}} heute schon angestupst',
  'bootcamps.board.tableTitle_one': 'Fortschritt ({{count}} Mitglied)',
  'bootcamps.board.tableTitle_other': 'Fortschritt ({{count}} Mitglieder)',
  'bootcamps.form.title': 'Neues Bootcamp',
  'bootcamps.form.titleField': 'Titel',
  'bootcamps.form.path': 'Pfad',
  'bootcamps.form.startDate': 'Startdatum',
  'bootcamps.form.endDate': 'Enddatum',
  'bootcamps.form.members': 'Mitglieder',
  'bootcamps.form.fromGroup': 'Aus einer Katalog-Gruppe',
  'bootcamps.form.fromList': 'Eine Liste von Personen',
  'bootcamps.form.group': 'Gruppe',
  'bootcamps.form.people': 'Personen (Benutzernamen oder Refs, eine pro Zeile)',
  'bootcamps.form.create': 'Bootcamp anlegen',
  'bootcamps.form.chooseGroup': 'Wähl eine Gruppe',
  'bootcamps.form.addPeople': 'Füg Personen hinzu',
  'bootcamps.form.created_one': '{{title}} mit {{count}} Mitglied angelegt',
  'bootcamps.form.created_other':
    '{{title}} mit {{count}} Mitgliedern angelegt',
  'bootcamps.form.createFailed':
    'Das Bootcamp konnte nicht angelegt werden: {{message}}',
  'bootcamps.mine.chip': 'Bootcamp: {{title}} ({{dates}})',
  'bootcamps.mine.share':
    'Meine Manager dürfen meine Skill-Exchange-Aktivität sehen',
  'bootcamps.mine.shareFailed':
    'Die Einstellung konnte nicht gespeichert werden',
  'bootcamps.team.title': 'Onboarding meines Teams',
  'bootcamps.team.subtitle':
    'Die Personen, die du laut Katalog führst, und ihre {{paths}}',
  'bootcamps.team.emptyTitle': 'Niemand berichtet an dich',
  'bootcamps.team.emptyDescription':
    'Deine Mitarbeitenden sind die Mitglieder der Katalog-Gruppen, deren Annotation onramp.dev/manager dich nennt.',
  'bootcamps.team.noJourney': 'Noch keinen {{path}} gestartet.',
  'bootcamps.team.progress':
    '{{path}}: {{done}} von {{total}} Schritten erledigt',
  'bootcamps.team.progressFinished':
    '{{path}}: {{done}} von {{total}} Schritten erledigt (abgeschlossen)',
  'bootcamps.team.progressLabel': '{{name}} auf {{path}}',
  'bootcamps.team.skillExchangeLink': 'Skill-Exchange-Profil und Aktivität',
  'bootcamps.team.notShared': 'Skill-Exchange-Aktivität nicht geteilt',
  'bootcamps.team.pathFor': 'Pfad für {{name}}',
  'bootcamps.team.assign': 'Pfad zuweisen',
  'bootcamps.team.assignFailed': 'Der Pfad konnte nicht zugewiesen werden',
};
