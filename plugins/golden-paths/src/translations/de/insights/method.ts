import type { method as en } from '../../en/insights/method';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const method: AreaMessages<typeof en, 'insights.method'> = {
  'insights.method.none': '—',
  'insights.method.duration.minutes_one': '{{count}} Min.',
  'insights.method.duration.minutes_other': '{{count}} Min.',
  'insights.method.duration.hours_one': '{{count}} Std.',
  'insights.method.duration.hours_other': '{{count}} Std.',
  'insights.method.duration.days_one': '{{count}} Tag',
  'insights.method.duration.days_other': '{{count}} Tage',
  'insights.method.duration.hoursMinutes': '{{hours}} {{minutes}}',
  'insights.method.duration.daysHours': '{{days}} {{hours}}',
  'insights.method.hidden': 'Ausgeblendet: weniger als {{size}} Personen',
  'insights.method.hiddenWithN': '{{hidden}} (N {{n}})',
  'insights.method.clockStarts.startDate':
    'dem Startdatum (onramp.dev/start-date, sonst dem ersten Journey-Start)',
  'insights.method.clockStarts.firstJourneyStart': 'dem ersten Journey-Start',
  'insights.method.clockStarts.journeyStart': 'dem Journey-Start',
  'insights.method.clockStarts.previousStep': 'dem vorherigen Schritt',
  'insights.method.clockFrom': 'Ab {{start}}',
  'insights.method.clockFromWithFallback':
    'Ab {{start}}; {{n}} ab Journey-Start',
  'insights.method.clock': '{{from}} bis {{stop}}',
  'insights.method.filterNames.pathId': 'Pfad',
  'insights.method.filterNames.discipline': 'Disziplin',
  'insights.method.filterNames.cohortId': 'Kohorte',
  'insights.method.filterNames.from': 'von',
  'insights.method.filterNames.to': 'bis',
  'insights.method.filterNames.startMonth': 'gestartet',
  'insights.method.filterNames.stepId': 'Schritt',
  'insights.method.filter': '{{name}} {{value}}',
  'insights.method.everyone': 'alle',
  'insights.method.n': 'N {{n}}',
  'insights.method.nHidden': 'ausgeblendet',
  'insights.method.figures': 'Median {{median}} · p90 {{p90}}',
  'insights.method.figuresHidden': 'Median und p90 ausgeblendet',
  'insights.method.medianCell': '{{median}} (p90 {{p90}}, N {{n}})',
};
