/**
 * The pulse: a person's own survey card (day 7, 30, 60, 90) and the
 * Insights page's pulse section.
 */
export const pulse = {
  /** The questions (the common package's PULSE_QUESTIONS, for people). */
  questions: {
    onboarded: 'How onboarded do you feel?',
    productive: 'How productive do you feel?',
  },
  scale: {
    notAtAll: 'not at all',
    fully: 'fully',
  },
  card: {
    title: 'How are you doing?',
    subheader:
      'Your onboarding pulse: only you see your own answers; insights show groups of people, never one person.',
    /** "How onboarded do you feel? (1 not at all, 5 fully)". */
    questionLegend: '{{question}} (1 not at all, 5 fully)',
    /** A radio button: "1 (not at all)". */
    scoreLabel: '{{score}} ({{meaning}})',
    formLabel: 'Day {{day}} pulse',
    answered: 'Day {{day}} · answered {{date}}',
    waiting: 'Day {{day}} · waiting for your answer',
    day: 'Day {{day}}',
    dayDue: 'Day {{day}} (due)',
    comment: 'Comment (optional)',
    save: 'Save',
    saveChanges: 'Save changes',
    saved: 'Saved your day {{day}} pulse. Thank you!',
    saveFailed: 'Could not save your pulse: {{message}}',
    /** The link on the home page's "Your next step" card. */
    dueNote: 'How are you doing? Your day {{day}} pulse is waiting',
  },
  insights: {
    heading: 'Pulse',
    exportCsv: 'Export pulse CSV',
    subheader:
      '"{{onboarded}}" and "{{productive}}", 1 (not at all) to 5 (fully), asked at day 7, 30, 60 and 90 after the start date. Groups of fewer than {{size}} people are hidden.',
    group: 'Group',
    answers: 'Answers',
    onboarded: 'Onboarded',
    productive: 'Productive',
    /** A distribution chart: "Onboarded: 1: 2 · 2: 0 · 3: 5 · 4: 3 · 5: 1". */
    distribution: '{{label}}: {{distribution}}',
    mean: 'mean {{mean}}',
    noMean: '–',
    hiddenGroups_one:
      '{{count}} group hidden (fewer than {{size}} people, or the next smallest)',
    hiddenGroups_other:
      '{{count}} groups hidden (fewer than {{size}} people, or the next smallest)',
    perDay: 'Pulse per day',
    allDays: 'All days',
    day: 'Day {{day}}',
    noAnswers: 'No pulse answers yet.',
    perDiscipline: 'Pulse per discipline',
    noDisciplineAnswers: 'No answers from people on a {{path}} yet.',
    perCohort: 'Pulse per cohort',
    noCohortAnswers: 'No answers from cohort members yet.',
  },
} as const;
