import type { pulse as en } from '../../en/insights/pulse';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const pulse: AreaMessages<typeof en, 'insights.pulse'> = {
  'insights.pulse.questions.onboarded': 'Wie gut fühlst du dich eingearbeitet?',
  'insights.pulse.questions.productive': 'Wie produktiv fühlst du dich?',
  'insights.pulse.scale.notAtAll': 'gar nicht',
  'insights.pulse.scale.fully': 'voll und ganz',
  'insights.pulse.card.title': 'Wie geht es dir?',
  'insights.pulse.card.subheader':
    'Dein Onboarding-Pulse: Nur du siehst deine eigenen Antworten; die Einblicke zeigen Gruppen von Personen, nie eine einzelne Person.',
  'insights.pulse.card.questionLegend':
    '{{question}} (1 gar nicht, 5 voll und ganz)',
  'insights.pulse.card.scoreLabel': '{{score}} ({{meaning}})',
  'insights.pulse.card.formLabel': 'Pulse für Tag {{day}}',
  'insights.pulse.card.answered': 'Tag {{day}} · beantwortet am {{date}}',
  'insights.pulse.card.waiting': 'Tag {{day}} · wartet auf deine Antwort',
  'insights.pulse.card.day': 'Tag {{day}}',
  'insights.pulse.card.dayDue': 'Tag {{day}} (fällig)',
  'insights.pulse.card.comment': 'Kommentar (optional)',
  'insights.pulse.card.save': 'Speichern',
  'insights.pulse.card.saveChanges': 'Änderungen speichern',
  'insights.pulse.card.saved':
    'Dein Pulse für Tag {{day}} ist gespeichert. Danke!',
  'insights.pulse.card.saveFailed':
    'Dein Pulse konnte nicht gespeichert werden: {{message}}',
  'insights.pulse.card.dueNote':
    'Wie geht es dir? Dein Pulse für Tag {{day}} wartet',
  'insights.pulse.insights.heading': 'Pulse',
  'insights.pulse.insights.exportCsv': 'Pulse als CSV exportieren',
  'insights.pulse.insights.subheader':
    '„{{onboarded}}“ und „{{productive}}“, 1 (gar nicht) bis 5 (voll und ganz), gefragt an Tag 7, 30, 60 und 90 nach dem Startdatum. Gruppen mit weniger als {{size}} Personen sind ausgeblendet.',
  'insights.pulse.insights.group': 'Gruppe',
  'insights.pulse.insights.answers': 'Antworten',
  'insights.pulse.insights.onboarded': 'Eingearbeitet',
  'insights.pulse.insights.productive': 'Produktiv',
  'insights.pulse.insights.distribution': '{{label}}: {{distribution}}',
  'insights.pulse.insights.mean': 'Mittelwert {{mean}}',
  'insights.pulse.insights.noMean': '–',
  'insights.pulse.insights.hiddenGroups_one':
    '{{count}} Gruppe ausgeblendet (weniger als {{size}} Personen oder die nächstkleinere)',
  'insights.pulse.insights.hiddenGroups_other':
    '{{count}} Gruppen ausgeblendet (weniger als {{size}} Personen oder die nächstkleineren)',
  'insights.pulse.insights.perDay': 'Pulse pro Tag',
  'insights.pulse.insights.allDays': 'Alle Tage',
  'insights.pulse.insights.day': 'Tag {{day}}',
  'insights.pulse.insights.noAnswers': 'Noch keine Pulse-Antworten.',
  'insights.pulse.insights.perDiscipline': 'Pulse pro Disziplin',
  'insights.pulse.insights.noDisciplineAnswers':
    'Noch keine Antworten von Personen auf einem {{path}}.',
  'insights.pulse.insights.perCohort': 'Pulse pro Kohorte',
  'insights.pulse.insights.noCohortAnswers':
    'Noch keine Antworten von Kohorten-Mitgliedern.',
};
