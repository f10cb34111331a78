import type { page as en } from '../../en/insights/page';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const page: AreaMessages<typeof en, 'insights.page'> = {
  'insights.page.title': 'Onboarding-Einblicke',
  'insights.page.subtitle':
    'Funktioniert das Onboarding? Funnels, Zeiten bis zum ersten Template, zum ersten Deploy und bis Tag 1 abgeschlossen ist',
  'insights.page.allPaths': 'Alle Pfade',
  'insights.page.metricsTitle': '{{path}}-Kennzahlen',
  'insights.page.exportCsv': 'CSV exportieren',
  'insights.page.exportOnboardingCsv': 'Onboarding-Zeiten als CSV exportieren',
  'insights.page.filters.discipline': 'Disziplin',
  'insights.page.filters.allDisciplines': 'Alle Disziplinen',
  'insights.page.filters.cohort': 'Kohorte',
  'insights.page.filters.everyone': 'Alle',
  'insights.page.forbidden.title':
    'Onboarding-Einblicke sind für die Leute, die das Onboarding betreuen',
  'insights.page.forbidden.description':
    'Nur die Benutzer und Gruppen in goldenPaths.metrics.viewers sehen Kohorten-Kennzahlen. Frag dein Platform-Team, wenn du sie brauchst.',
  'insights.page.hiddenNote':
    'Gruppen mit weniger als {{size}} Personen sind ausgeblendet, dazu eine weitere Gruppe, wo sonst genau eine ausgeblendet wäre, damit sich keine ausgeblendete Zahl als Summe minus Rest errechnen lässt. Keine Zahl hier betrifft eine einzelne Person.',
  'insights.page.summaries.firstTemplate': 'Zeit bis zum ersten Template',
  'insights.page.summaries.firstDeploy': 'Zeit bis zum ersten Deploy',
  'insights.page.summaries.day1Complete': 'Zeit bis Tag 1 abgeschlossen',
  'insights.page.summaries.firstPr': 'Zeit bis zum ersten PR',
  'insights.page.summaries.tenthMergedPr': 'Zeit bis zum 10. gemergten PR',
  'insights.page.percent': '{{value}} %',
  'insights.page.columns.people': 'Personen',
  'insights.page.columns.started': 'Gestartet',
  'insights.page.columns.completed': 'Abgeschlossen',
  'insights.page.columns.completion': 'Abschlussquote',
  'insights.page.columns.path': 'Pfad',
  'insights.page.columns.discipline': 'Disziplin',
  'insights.page.columns.cohort': 'Kohorte',
  'insights.page.columns.timeToComplete':
    'Zeit bis zum Abschluss (ab Journey-Start)',
  'insights.page.perPath': 'Abschluss pro Pfad',
  'insights.page.perDiscipline': 'Abschluss pro Disziplin',
  'insights.page.cohortComparison': 'Kohorten im Vergleich',
  'insights.page.noCohorts': 'Noch keine Kohorten.',
  'insights.page.funnel.title': '{{path}}: Funnel',
  'insights.page.funnel.stepLabel': 'Funnel {{step}}',
  'insights.page.funnel.stepsDone': 'Erledigte Schritte',
  'insights.page.funnel.step':
    '{{step}}: {{completed}} abgeschlossen, {{dropOff}} abgesprungen, {{time}}',
  'insights.page.funnel.stepHidden': '{{step}}: {{hidden}}',
  'insights.page.funnel.time': 'Median {{median}}, p90 {{p90}}',
  'insights.page.funnel.timeHidden':
    'Median und p90 ausgeblendet: weniger als {{size}} Personen',
  'insights.page.funnel.method':
    'Jeder Schritt: vom vorherigen Schritt (oder dem Journey-Start) bis zu seinem Abschluss · Median und p90 der Journeys, die ihn abgeschlossen haben · {{filters}}',
};
