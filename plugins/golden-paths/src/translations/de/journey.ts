import type { journey as en } from '../en/journey';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const journey: AreaMessages<typeof en, 'journey'> = {
  'journey.pathTitle': '{{path}} {{title}}',
  'journey.failed': '{{failure}}: {{reason}}',
  'journey.either': '{{first}} oder {{second}}',
  'journey.stepsDone_one': '{{done}} von {{count}} Schritt erledigt',
  'journey.stepsDone_other': '{{done}} von {{count}} Schritten erledigt',
  'journey.stepsDoneLabel': 'Erledigte Schritte',
  'journey.allPaths': 'Alle Pfade',
  'journey.startFailed': 'Der Pfad konnte nicht gestartet werden',
  'journey.runTemplate': 'Template ausführen',
  'journey.tutorial': 'Tutorial: {{link}}',

  'journey.overview.subtitle':
    'Schritt für Schritt von deinem ersten Tag bis zum ersten Release',
  'journey.overview.getStarted': 'Loslegen bei {{organization}}',
  'journey.overview.yourOrganization': 'deiner Organisation',
  'journey.overview.insights': 'Onboarding-Insights',
  'journey.overview.bootcamps': 'Bootcamps',
  'journey.overview.myTeam': 'Onboarding meines Teams',
  'journey.overview.emptyTitle': 'Noch keine {{paths}}',
  'journey.overview.emptyDescription':
    'Ein Plattform-Team legt Pfade als GoldenPath-Entitäten im Katalog an (über eine Katalog-Location).',
  'journey.overview.forYou': 'Für dich',
  'journey.overview.review': 'Ansehen',
  'journey.overview.continue': 'Weitermachen',
  'journey.overview.choose': 'Auswählen',

  'journey.pathPage.ownedBy': 'Verantwortlich: {{owner}}',
  'journey.pathPage.start': 'Diesen Pfad starten',
  'journey.pathPage.whatYouWillDo': 'Das erwartet dich',
  'journey.pathPage.stepsOfPath': 'Schritte dieses Pfads',
  'journey.pathPage.definedIn': 'Im Katalog definiert: {{entity}}',
  'journey.pathPage.sourceYaml': 'YAML-Quelle',

  'journey.checklist.finished':
    'Geschafft! Du hast {{title}} am {{date}} abgeschlossen.',
  'journey.checklist.percentDone': '{{percent}} % erledigt',
  'journey.checklist.steps': 'Schritte',
  'journey.checklist.completeFailed':
    'Der Schritt konnte nicht abgeschlossen werden',

  'journey.stepControls.done': 'Erledigt',
  'journey.stepControls.notDone': 'Noch nicht erledigt',
  'journey.stepControls.markDone': 'Als erledigt markieren',
  'journey.stepControls.waitingFor': 'Wartet auf {{keys}}',
  'journey.stepControls.waitingForApproval':
    'Wartet auf Freigabe ({{approver}})',
  'journey.stepControls.approver.manager': 'Führungskraft',
  'journey.stepControls.approver.owner': 'Owner des Pfads',
  'journey.stepControls.doneWithStep': 'Erledigt mit Schritt {{step}}',
  'journey.stepControls.declined': 'Abgelehnt',

  'journey.evidence.waitingForEvidence': 'Wartet auf Nachweis: {{hint}}',
  'journey.evidence.markedDoneByYou': 'Von dir als erledigt markiert',
  'journey.evidence.done': 'Erledigt: {{what}}',
  'journey.evidence.key': 'Nachweis {{key}}',
  'journey.evidence.occurredOn': 'am {{date}}',
  'journey.evidence.taskLog': 'Task-Log',
  'journey.evidence.notVerified':
    'Noch nicht bestätigt: {{keys}} ersetzt dies, sobald es gemeldet wird.',
  'journey.evidence.facts.from': 'von {{source}}',
  'journey.evidence.facts.repository': 'Repository {{repository}}',
  'journey.evidence.facts.commit': 'Commit {{commit}}',
  'journey.evidence.facts.branch': 'Branch {{value}}',
  'journey.evidence.facts.environment': 'Umgebung {{value}}',
  'journey.evidence.facts.tag': 'Tag {{value}}',
  'journey.evidence.describe.markedDone': 'als erledigt markiert',
  'journey.evidence.describe.evidence': 'Nachweis',
  'journey.evidence.describe.withCommit': '{{what}} (Commit {{commit}})',

  'journey.gate.who.manager': '{{name}} (deine Führungskraft)',
  'journey.gate.who.owner': '{{name}} (Owner des Pfads)',
  'journey.gate.waiting': 'Wartet seit {{date}} auf {{who}}.',
  'journey.gate.approved': 'Freigegeben von {{by}}.',
  'journey.gate.approvedOn': 'Freigegeben von {{by}} am {{date}}.',
  'journey.gate.declined': 'Abgelehnt von {{by}}: {{reason}}',
  'journey.gate.declinedOn': 'Abgelehnt von {{by}} am {{date}}: {{reason}}',
  'journey.gate.removedTitle': 'Aus dem Pfad entfernt',
  'journey.gate.removedOn':
    '{{step}}: erledigt am {{completed}}, am {{removed}} aus dem Pfad entfernt. Zählt nicht mehr zu deinem Fortschritt.',
  'journey.gate.noLongerInPath':
    '{{step}}: erledigt am {{completed}}, nicht mehr im Pfad. Zählt nicht mehr zu deinem Fortschritt.',

  'journey.latestRun.title': 'Dein letzter Lauf',
  'journey.latestRun.titleNamed': 'Dein letzter Lauf: {{name}}',
  'journey.latestRun.status.open': 'offen',
  'journey.latestRun.status.processing': 'läuft',
  'journey.latestRun.status.completed': 'abgeschlossen',
  'journey.latestRun.status.failed': 'fehlgeschlagen',
  'journey.latestRun.status.cancelled': 'abgebrochen',
  'journey.latestRun.status.skipped': 'übersprungen',
  'journey.latestRun.started': 'Gestartet am {{date}}',
  'journey.latestRun.openTask': 'Task öffnen',
  'journey.latestRun.runAgain': 'Erneut ausführen',
  'journey.latestRun.loadFailed':
    'Dein letzter Lauf konnte nicht geladen werden: {{reason}}',

  'journey.nextStep.allFinished':
    'Du hast jeden {{path}} abgeschlossen, den du begonnen hast. Gute Arbeit!',
  'journey.nextStep.pick':
    'Wähle den {{path}} für deine Disziplin und liefere schon an Tag 1 etwas aus.',
  'journey.nextStep.choose': 'Einen {{path}} auswählen',
  'journey.nextStep.openChecklist': 'Checkliste öffnen',

  'journey.approvals.title': 'Freigaben',
  'journey.approvals.subtitle': '{{path}}-Schritte, die auf dich warten',
  'journey.approvals.stepFor': '{{step}} für {{person}}',
  'journey.approvals.saveFailed': 'Speichern fehlgeschlagen',
  'journey.approvals.reason': 'Begründung',
  'journey.approvals.reasonFor': 'Begründung für die Ablehnung: {{approval}}',
  'journey.approvals.decline': 'Ablehnen',
  'journey.approvals.declineFor': '{{approval}} ablehnen',
  'journey.approvals.declineMore': 'Ablehnen…',
  'journey.approvals.declined': '{{approval}} abgelehnt',
  'journey.approvals.cancel': 'Abbrechen',
  'journey.approvals.approve': 'Freigeben',
  'journey.approvals.approveFor': '{{approval}} freigeben',
  'journey.approvals.approved': '{{approval}} freigegeben',
  'journey.approvals.columns.who': 'Wer',
  'journey.approvals.columns.step': 'Schritt',
  'journey.approvals.columns.path': 'Pfad',
  'journey.approvals.columns.waitingSince': 'Wartet seit',
  'journey.approvals.emptyTitle': 'Nichts wartet auf dich',
  'journey.approvals.emptyDescription':
    'Erreicht jemand Neues einen Freigabe-Schritt, den du freigibst, erscheint er hier und in deinen Benachrichtigungen.',
  'journey.approvals.tableTitle': 'Wartet auf deine Freigabe',

  'journey.buddy.title': 'Dein Buddy',
  'journey.buddy.none':
    'Noch kein Onboarding-Buddy vorgeschlagen: In der Skill Exchange wurde niemand aus deiner Disziplin gefunden, der noch Platz für eine weitere Person hat. Bitte deine Führungskraft, jemanden auszuwählen.',
  'journey.buddy.suggested': 'Für dich vorgeschlagen:',
  'journey.buddy.confirm': 'Bestätigen',
  'journey.buddy.confirmFailed': 'Dein Buddy konnte nicht bestätigt werden',
  'journey.buddy.suggestAnother': 'Jemand anderen vorschlagen',
  'journey.buddy.suggestAnotherFailed':
    'Es konnte kein anderer Buddy vorgeschlagen werden',
  'journey.buddy.yours': 'Dein Onboarding-Buddy:',
  'journey.buddy.confirmed':
    'Bestätigt. Frag einfach alles; dein Buddy sieht deinen Fortschritt.',
  'journey.buddy.confirmedBy':
    'Bestätigt von {{by}}. Frag einfach alles; dein Buddy sieht deinen Fortschritt.',
  'journey.buddy.confirmedOn':
    'Bestätigt am {{date}}. Frag einfach alles; dein Buddy sieht deinen Fortschritt.',
  'journey.buddy.confirmedByOn':
    'Bestätigt von {{by}} am {{date}}. Frag einfach alles; dein Buddy sieht deinen Fortschritt.',
  'journey.buddy.profile': 'Skill-Exchange-Profil',

  'journey.buddyPeople.none':
    'Du bist noch für niemanden Onboarding-Buddy. Sobald jemand Neues dich als Buddy bestätigt, erscheint die Person hier mit ihrem Fortschritt.',
  'journey.buddyPeople.listLabel': 'Personen, deren Buddy du bist',
  'journey.buddyPeople.onPath': '{{person}} auf dem {{path}} {{title}}',
  'journey.buddyPeople.progressLabel': 'Schritte, die {{person}} erledigt hat',
  'journey.buddyPeople.finished_one': 'Fertig: {{count}} Schritt abgeschlossen',
  'journey.buddyPeople.finished_other': 'Alle {{count}} Schritte abgeschlossen',
  'journey.buddyPeople.stepsDoneNext_one':
    '{{done}} von {{count}} Schritt erledigt; als Nächstes: {{next}}',
  'journey.buddyPeople.stepsDoneNext_other':
    '{{done}} von {{count}} Schritten erledigt; als Nächstes: {{next}}',

  'journey.serviceName.label': 'Name',
  'journey.serviceName.checking': 'Prüfe, ob {{name}} frei ist…',
  'journey.serviceName.free': '{{name}} ist frei',
  'journey.serviceName.checkFailed':
    'Der Name konnte nicht geprüft werden: {{reason}}',
  'journey.serviceName.openIt': 'öffnen',
  'journey.serviceName.taken': '{{name}} ist bereits vergeben',
};
