/**
 * The demo organisation's newcomers of the past months (examples/org.yaml,
 * "Demo newcomers"), with the onboarding history the embedded default seeds
 * for them so that the Insights page's trends mean something. A test checks
 * that the names and start dates match examples/org.yaml.
 */
export type DemoNewcomer = {
  name: string;
  pathId: string;
  /** The `onramp.dev/start-date` annotation; undefined for none. */
  startDate?: string;
  /** For someone without a start date: when they started their path. */
  journeyStart?: string;
  /** Hours to days of onboarding are multiplied by this (later: faster). */
  pace: number;
  /** Steps of the path they finished; undefined for all. */
  stepsDone?: number;
};

export const DEMO_NEWCOMERS: DemoNewcomer[] = [
  {
    name: 'leo.martin',
    pathId: 'backend-day-1',
    startDate: '2026-07-01',
    pace: 1.7,
  },
  {
    name: 'nadia.hassan',
    pathId: 'client-day-1',
    startDate: '2026-07-06',
    pace: 1.6,
    stepsDone: 3,
  },
  {
    name: 'pablo.ortiz',
    pathId: 'data-engineering-day-1',
    startDate: '2026-07-08',
    pace: 1.6,
  },
  {
    name: 'grace.liu',
    pathId: 'data-science-day-1',
    startDate: '2026-07-13',
    pace: 1.5,
  },
  {
    name: 'omar.farouk',
    pathId: 'backend-day-1',
    startDate: '2026-08-03',
    pace: 1.2,
  },
  {
    name: 'julia.schmidt',
    pathId: 'machine-learning-day-1',
    startDate: '2026-08-05',
    pace: 1.15,
    stepsDone: 2,
  },
  {
    name: 'tariq.aziz',
    pathId: 'audio-processing-day-1',
    startDate: '2026-08-10',
    pace: 1.1,
  },
  {
    name: 'hana.sato',
    pathId: 'client-day-1',
    startDate: '2026-08-12',
    pace: 1.05,
  },
  {
    name: 'kai.moreno',
    pathId: 'backend-day-1',
    journeyStart: '2026-08-19',
    pace: 1.0,
  },
  {
    name: 'maya.patel',
    pathId: 'backend-day-1',
    startDate: '2026-09-07',
    pace: 0.85,
  },
  {
    name: 'felix.wagner',
    pathId: 'data-engineering-day-1',
    startDate: '2026-09-09',
    pace: 0.85,
    stepsDone: 2,
  },
  {
    name: 'sara.nyberg',
    pathId: 'data-science-day-1',
    startDate: '2026-10-05',
    pace: 0.65,
  },
  {
    name: 'ben.okoro',
    pathId: 'backend-day-1',
    startDate: '2026-10-07',
    pace: 0.6,
  },
  {
    name: 'rosa.delgado',
    pathId: 'backend-day-1',
    startDate: '2026-07-20',
    pace: 1.5,
  },
  {
    name: 'chen.wei',
    pathId: 'client-day-1',
    startDate: '2026-09-14',
    pace: 0.85,
  },
  {
    name: 'amir.haddad',
    pathId: 'machine-learning-day-1',
    startDate: '2026-09-16',
    pace: 0.8,
  },
  {
    name: 'aiko.tanaka',
    pathId: 'audio-processing-day-1',
    startDate: '2026-09-21',
    pace: 0.8,
  },
  {
    name: 'noah.fischer',
    pathId: 'data-engineering-day-1',
    startDate: '2026-10-12',
    pace: 0.6,
  },
  {
    name: 'ines.costa',
    pathId: 'data-science-day-1',
    startDate: '2026-10-14',
    pace: 0.6,
  },
  {
    name: 'david.kim',
    pathId: 'backend-day-1',
    startDate: '2026-10-19',
    pace: 0.55,
  },
];
