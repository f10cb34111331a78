/**
 * The journey area's words (English, the default): the paths overview, a
 * path's page and checklist, approvals, buddies, the "Your next step" card
 * and the scaffolder's service-name field. `as const` keeps each message's
 * `{{placeholders}}` in its type.
 */
export const journey = {
  /** "Backend golden path": a path's heading. */
  pathTitle: '{{title}} {{path}}',
  /** An alert when an action fails: "Could not save: <reason>". */
  failed: '{{failure}}: {{reason}}',
  /** Alternatives, joined one by one: "a or b or c". */
  either: '{{first}} or {{second}}',
  stepsDone_one: '{{done}} of {{count}} steps done',
  stepsDone_other: '{{done}} of {{count}} steps done',
  stepsDoneLabel: 'Steps done',
  allPaths: 'All paths',
  startFailed: 'Could not start the path',
  runTemplate: 'Run template',
  tutorial: 'Tutorial: {{link}}',
  overview: {
    subtitle: 'Step-by-step journeys from your first day to shipping it',
    getStarted: 'Get started at {{organization}}',
    yourOrganization: 'your organization',
    insights: 'Onboarding insights',
    bootcamps: 'Bootcamps',
    myTeam: "My team's onboarding",
    emptyTitle: 'No {{paths}} yet',
    emptyDescription:
      'A platform team adds paths as GoldenPath entities in the catalog (a catalog location).',
    forYou: 'For you',
    review: 'Review',
    continue: 'Continue',
    choose: 'Choose',
  },
  pathPage: {
    ownedBy: 'Owned by {{owner}}',
    start: 'Start this path',
    whatYouWillDo: 'What you will do',
    stepsOfPath: 'Steps of this path',
    definedIn: 'Defined in the catalog: {{entity}}',
    sourceYaml: 'source YAML',
  },
  checklist: {
    finished: 'Done! You finished {{title}} on {{date}}.',
    percentDone: '{{percent}}% done',
    steps: 'Steps',
    completeFailed: 'Could not complete the step',
  },
  stepControls: {
    done: 'Done',
    notDone: 'Not done yet',
    markDone: 'Mark as done',
    waitingFor: 'Waiting for {{keys}}',
    waitingForApproval: 'Waiting for approval ({{approver}})',
    approver: {
      manager: 'manager',
      owner: 'path owner',
    },
    doneWithStep: 'Done with step {{step}}',
    declined: 'Declined',
  },
  evidence: {
    waitingForEvidence: 'Waiting for evidence: {{hint}}',
    markedDoneByYou: 'Marked done by you',
    done: 'Done: {{what}}',
    key: 'evidence {{key}}',
    occurredOn: 'on {{date}}',
    taskLog: 'task log',
    notVerified:
      'Not verified yet: {{keys}} replaces this when it is reported.',
    /** What arrived with a piece of evidence (its outputs). */
    facts: {
      from: 'from {{source}}',
      repository: 'repository {{repository}}',
      commit: 'commit {{commit}}',
      branch: 'branch {{value}}',
      environment: 'environment {{value}}',
      tag: 'tag {{value}}',
    },
    /** What a piece of evidence says happened ("deploy requested"). */
    describe: {
      markedDone: 'marked done',
      evidence: 'evidence',
      withCommit: '{{what}} (commit {{commit}})',
    },
  },
  gate: {
    who: {
      manager: '{{name}} (your manager)',
      owner: "{{name}} (the path's owner)",
    },
    waiting: 'Waiting for {{who}} since {{date}}.',
    approved: 'Approved by {{by}}.',
    approvedOn: 'Approved by {{by}} on {{date}}.',
    declined: 'Declined by {{by}}: {{reason}}',
    declinedOn: 'Declined by {{by}} on {{date}}: {{reason}}',
    removedTitle: 'Removed from the path',
    removedOn:
      '{{step}}: done {{completed}}, removed from the path on {{removed}}. It no longer counts toward your progress.',
    noLongerInPath:
      '{{step}}: done {{completed}}, no longer in the path. It no longer counts toward your progress.',
  },
  latestRun: {
    title: 'Your latest run',
    titleNamed: 'Your latest run: {{name}}',
    /** The scaffolder task's status, by its value. */
    status: {
      open: 'open',
      processing: 'processing',
      completed: 'completed',
      failed: 'failed',
      cancelled: 'cancelled',
      skipped: 'skipped',
    },
    started: 'Started {{date}}',
    openTask: 'open the task',
    runAgain: 'Run again',
    loadFailed: 'Your latest run could not be loaded: {{reason}}',
  },
  nextStep: {
    allFinished: 'You have finished every {{path}} you started. Nice work!',
    pick: 'Pick the {{path}} for your discipline and ship something on day 1.',
    choose: 'Choose a {{path}}',
    openChecklist: 'Open checklist',
  },
  approvals: {
    title: 'Approvals',
    subtitle: '{{path}} steps waiting for you',
    stepFor: '{{step}} for {{person}}',
    saveFailed: 'Could not save',
    reason: 'Reason',
    reasonFor: 'Reason to decline {{approval}}',
    decline: 'Decline',
    declineFor: 'Decline {{approval}}',
    declineMore: 'Decline…',
    declined: 'Declined {{approval}}',
    cancel: 'Cancel',
    approve: 'Approve',
    approveFor: 'Approve {{approval}}',
    approved: 'Approved {{approval}}',
    columns: {
      who: 'Who',
      step: 'Step',
      path: 'Path',
      waitingSince: 'Waiting since',
    },
    emptyTitle: 'Nothing waits for you',
    emptyDescription:
      'When a newcomer reaches an approval step you approve, it shows up here and in your notifications.',
    tableTitle: 'Waiting for your approval',
  },
  buddy: {
    title: 'Your buddy',
    none: 'No onboarding buddy suggested yet: nobody of your discipline with room for one more person was found in the Skill Exchange. Ask your manager to pick someone.',
    suggested: 'Suggested for you:',
    confirm: 'Confirm',
    confirmFailed: 'Could not confirm your buddy',
    suggestAnother: 'Suggest another',
    suggestAnotherFailed: 'Could not suggest another buddy',
    yours: 'Your onboarding buddy:',
    confirmed: 'Confirmed. Ask them anything; they see your progress.',
    confirmedBy:
      'Confirmed by {{by}}. Ask them anything; they see your progress.',
    confirmedOn:
      'Confirmed on {{date}}. Ask them anything; they see your progress.',
    confirmedByOn:
      'Confirmed by {{by}} on {{date}}. Ask them anything; they see your progress.',
    profile: 'Skill Exchange profile',
  },
  buddyPeople: {
    none: "You are nobody's onboarding buddy yet. When a newcomer confirms you as their buddy, they appear here with their progress.",
    listLabel: 'People you are buddy to',
    onPath: '{{person}} on the {{title}} {{path}}',
    progressLabel: 'Steps {{person}} has done',
    finished_one: 'Finished all {{count}} steps',
    finished_other: 'Finished all {{count}} steps',
    stepsDoneNext_one: '{{done}} of {{count}} steps done; next: {{next}}',
    stepsDoneNext_other: '{{done}} of {{count}} steps done; next: {{next}}',
  },
  serviceName: {
    label: 'Name',
    checking: 'Checking whether {{name}} is free…',
    free: '{{name}} is free',
    checkFailed: 'Could not check the name: {{reason}}',
    openIt: 'open it',
    taken: '{{name}} is taken',
  },
} as const;
