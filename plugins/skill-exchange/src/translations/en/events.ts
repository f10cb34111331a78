/**
 * The events area's words (English, the default). `{{hack}}`/`{{hacks}}`
 * are `common.kindsInText.*`, `{{Hack}}`/`{{Hacks}}` are `common.kinds.*`.
 */
export const events = {
  /** How days read ("14 Dec 2026"): a BCP 47 locale for toLocaleDateString. */
  dayLocale: 'en-GB',
  dateRange: '{{from}} to {{to}}',
  phases: {
    planning: 'Planning',
    hacking: 'Hacking',
    results: 'Results',
  },
  /** What each phase means, under the phase switch. */
  phaseHints: {
    planning: '{{Hacks}} gather and people join them.',
    hacking: 'The event is on.',
    results:
      'Registration is over; completed {{hacks}} record their demo link and result.',
  },
  /** The toast after an organiser moved the phase. */
  phaseMoved: {
    planning: '{{event}} is in its planning phase',
    hacking: '{{event}} is in its hacking phase',
    results: '{{event}} is in its results phase',
  },
  registration: {
    open: 'Registration open until {{day}}',
    notYetOpen: 'Registration opens on {{day}}',
    closed: 'Registration closed',
  },
  /** Why a hack cannot join the event (now). */
  closedReason: {
    notYetOpen:
      'Registration for {{event}} opens on {{opens}}; {{hacks}} can join it from then until {{closes}}.',
    results:
      '{{event}} is showing its results; {{hacks}} can no longer join it.',
    closed:
      'Registration for {{event}} closed on {{closes}}; {{hacks}} can no longer join it.',
  },
  tab: {
    intro:
      '{{Hack}} weeks and {{hack}} days: add your {{hack}} while registration is open.',
    create: 'Create event',
    emptyTitle: 'No {{hack}} events yet',
    emptyDescription: 'When someone organises a {{hack}} week, it shows here.',
    tableLabel: '{{Hack}} events',
    columns: {
      event: 'Event',
      dates: 'Dates',
      phase: 'Phase',
      registration: 'Registration',
    },
  },
  myCalendar: 'My {{hacks}} calendar',
  page: {
    type: '{{Hack}} event',
    back: 'Back to the events',
    phase: 'Phase: {{phase}}',
    about: 'About',
    registrationUntil: 'Registration until {{closes}}',
    registrationFromUntil: 'Registration from {{opens}} until {{closes}}',
    noDescription: '_No description._',
    hacksTitle: '{{Hacks}} ({{n}})',
    hacksLabel: '{{Hacks}} of {{event}}',
    noHacks: 'No {{hacks}} yet: be the first to add one.',
    people_one: '{{count}} person',
    people_other: '{{count}} people',
    result: 'Result: {{result}}',
    demo: 'Demo of {{title}}',
    takePart: 'Take part',
    addHack: 'Add a {{hack}}',
  },
  organise: {
    title: 'Organise',
    phase: 'Phase',
    edit: 'Edit event',
  },
  form: {
    createTitle: 'Create a {{hack}} event',
    editTitle: 'Edit {{name}}',
    failure: 'Could not save: {{error}}',
    name: 'Name',
    description: 'Description (Markdown)',
    startsOn: 'First day',
    endsOn: 'Last day',
    registrationOpensOn: 'Registration opens',
    registrationOpensOnHint: 'Empty: open from now on',
    registrationClosesOn: 'Registration closes',
    registrationClosesOnHint: 'Empty: on the last day',
    organisers: 'Other organisers',
    organisersHint:
      'User refs, comma-separated, e.g. user:default/amara.okafor',
    cancel: 'Cancel',
    save: 'Save event',
    create: 'Create event',
  },
} as const;
