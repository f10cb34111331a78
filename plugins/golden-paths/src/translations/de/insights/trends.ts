import type { trends as en } from '../../en/insights/trends';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const trends: AreaMessages<typeof en, 'insights.trends'> = {
  'insights.trends.title': 'Onboarding ab dem Startdatum',
  'insights.trends.subheader':
    'Median der Tage vom Startdatum jeder Person (Katalog-Annotation onramp.dev/start-date) bis zu ihrem ersten Pull Request, 10. gemergten Pull Request und ersten Deploy, nach dem Monat, in dem sie angefangen hat',
  'insights.trends.empty':
    'In dieser Auswahl hat noch niemand einen Pfad gestartet: Der Verlauf erscheint, sobald jemand anfängt.',
  'insights.trends.days_one': '{{count}} Tag',
  'insights.trends.days_other': '{{count}} Tage',
  'insights.trends.daysFigure': '{{median}}, p90 {{p90}} (N {{n}})',
  'insights.trends.fallbackNote_one':
    '{{fallback}} von {{count}} Person hat kein Startdatum; gezählt ab ihrem Journey-Start.',
  'insights.trends.fallbackNote_other':
    '{{fallback}} von {{count}} Personen haben kein Startdatum; gezählt ab ihrem Journey-Start.',
  'insights.trends.firstPr': 'Erster PR',
  'insights.trends.tenthPr': '10. gemergter PR',
  'insights.trends.firstDeploy': 'Erster Deploy',
  'insights.trends.chart.label':
    'Median der Tage ab Startdatum nach Startmonat: {{months}}',
  'insights.trends.chart.monthHidden': '{{month}} {{hidden}}',
  'insights.trends.chart.month':
    '{{month}} erster PR {{firstPr}}, 10. gemergter PR {{tenthPr}}, erster Deploy {{firstDeploy}}',
  'insights.trends.chart.none': 'keiner',
  'insights.trends.chart.axis': 'Tage',
  'insights.trends.chart.tooltipValue': '{{value}} Tage',
  'insights.trends.chart.tooltipLabel': 'Gestartet {{month}} ({{people}})',
  'insights.trends.method.perMonth': 'Median pro Startmonat (p90 im CSV)',
  'insights.trends.method.monthN': '{{month}} N {{n}}',
  'insights.trends.method.hiddenMonths': '{{hidden}}: {{months}}',
  'insights.trends.byCohort.title': 'Onboarding-Zeiten nach Kohorte',
  'insights.trends.byCohort.cohort': 'Kohorte',
  'insights.trends.byCohort.people': 'Personen',
  'insights.trends.byCohort.fromJourneyStart': 'Ab Journey-Start',
  'insights.trends.byCohort.method':
    'Jede Zeit: ab dem Startdatum (onramp.dev/start-date, sonst erster Journey-Start) · Median, p90 und N der Personen, die so weit gekommen sind · {{filters}}, nach Kohorte',
};
