import type { insights as en } from '../en/insights';
import type { AreaMessages } from '@onramp/backstage-plugin-onramp-common';

export const insights: AreaMessages<typeof en, 'insights'> = {
  'insights.bar': '{{label}}: {{value}}',
  'insights.supplyDemand.title': 'Angebot und Nachfrage je Skill',
  'insights.supplyDemand.subheader':
    'Offene Beiträge, die einen Skill suchen, gegenüber Leuten ab Stufe {{level}}. Die größten Lücken zuerst.',
  'insights.supplyDemand.skill': 'Skill',
  'insights.supplyDemand.demand': 'Nachfrage (offene Beiträge)',
  'insights.supplyDemand.supply': 'Angebot (Personen)',
  'insights.supplyDemand.learners': 'Lernende',
  'insights.supplyDemand.demandBar': '{{skill}}: Nachfrage',
  'insights.supplyDemand.supplyBar': '{{skill}}: Angebot',
  'insights.supplyDemand.empty': 'Noch keine Skills gesucht oder angeboten.',
  'insights.tab.active': 'Aktiv in diesem Monat',
  'insights.tab.activeText':
    'Personen haben in den letzten 30 Tagen etwas gepostet, geantwortet, mitgemacht oder ihr Profil aktualisiert',
  'insights.tab.openAndFilled': 'Offen und besetzt',
  'insights.tab.postsLabel': 'Beiträge nach Art und Status',
  'insights.tab.openBar': '{{kind}}: offen',
  'insights.tab.filledBar': '{{kind}}: besetzt',
  'insights.tab.barsHint': 'Oberer Balken offen, unterer Balken besetzt.',
  'insights.tab.timeToFill': 'Zeit bis zur Besetzung',
  'insights.tab.nothingFilled': 'Noch nichts besetzt.',
  'insights.tab.fillLine':
    '{{kinds}}: im Schnitt {{days}} ({{filled}} besetzt)',
  'insights.tab.days': '{{days}} Tage',
  'insights.tab.downloadCsv': 'CSV herunterladen',
  'insights.teamSkills.title': 'Skills des Teams',
  'insights.teamSkills.profiles_one':
    '{{profiles}} von {{count}} Mitglied haben ein Skill-Profil',
  'insights.teamSkills.profiles_other':
    '{{profiles}} von {{count}} Mitgliedern haben ein Skill-Profil',
  'insights.teamSkills.withGroups_one':
    '{{profiles}} (inklusive {{count}} Gruppe unter {{name}})',
  'insights.teamSkills.withGroups_other':
    '{{profiles}} (inklusive {{count}} Gruppen unter {{name}})',
  'insights.teamSkills.findPeople': 'Leute nach Skill finden',
  'insights.teamSkills.loadFailed':
    'Die Skills des Teams konnten nicht geladen werden: {{error}}',
  'insights.teamSkills.noMembers':
    '{{name}} hat im Katalog noch keine Mitglieder.',
  'insights.teamSkills.noSkills':
    'In {{name}} hat noch niemand Skills eingetragen. {{link}}.',
  'insights.teamSkills.addYours': 'Trag deine in dein Skill-Profil ein',
  'insights.teamSkills.tableLabel': 'Skills von {{name}}',
  'insights.teamSkills.skill': 'Skill',
  'insights.teamSkills.levelsColumn': 'Stufen',
  'insights.teamSkills.members': 'Mitglieder',
  'insights.teamSkills.learning': 'Lernend',
  'insights.teamSkills.canHelp': '{{n}} können helfen',
  'insights.teamSkills.levelsLabel': '{{skill}}: {{levels}}',
  'insights.teamSkills.nobodyYet': 'noch niemand kann es',
  'insights.teamSkills.showFewer': 'Weniger Skills anzeigen',
  'insights.teamSkills.showAll': 'Alle {{n}} Skills anzeigen',
  'insights.teamSkills.learningOnly': 'Wird gelernt, noch niemand kann es',
  'insights.teamSkills.learningChip': '{{skill}} · {{n}} lernen es',
  'insights.teamSkills.gaps':
    'Lücken: von offenen Beiträgen des Teams gesucht, kein Mitglied kann es',
  'insights.teamSkills.gapChip_one': '{{skill}} · {{count}} offener Beitrag',
  'insights.teamSkills.gapChip_other': '{{skill}} · {{count}} offene Beiträge',
  'insights.retro.usefulness.notUseful': 'Nicht nützlich',
  'insights.retro.usefulness.aLittle': 'Etwas nützlich',
  'insights.retro.usefulness.useful': 'Nützlich',
  'insights.retro.usefulness.very': 'Sehr nützlich',
  'insights.retro.usefulness.extremely': 'Äußerst nützlich',
  'insights.retro.title': 'Retro',
  'insights.retro.sayHowUseful': 'Sag, wie nützlich es war, von 1 bis 5',
  'insights.retro.sent': 'Danke: Retro gesendet',
  'insights.retro.skillsPractised': 'Skills, die du geübt hast',
  'insights.retro.otherSkills': 'Weitere Skills, die du geübt hast',
  'insights.retro.howUseful': 'Wie nützlich war es?',
  'insights.retro.comment': 'Kommentar (optional)',
  'insights.retro.send': 'Retro senden',
  'insights.retro.offersLabel': 'Trag ein, was du geübt hast',
  'insights.retro.offer':
    'Du hast {{skill}} bei {{title}} geübt: {{skill}} mit Stufe {{level}} ({{levelName}}) in dein Profil aufnehmen?',
  'insights.retro.added': '{{skill}} zu deinem Profil hinzugefügt',
  'insights.retro.addToProfile': '{{skill}} zu meinem Profil hinzufügen',
  'insights.retro.loadFailed':
    'Deine Retro konnte nicht geladen werden: {{error}}',
  'insights.retro.endsOn':
    'Wenn dein Einsatz bei diesem {{kind}} endet ({{endsOn}}), fragen wir dich, welche Skills du geübt hast und wie nützlich es war.',
  'insights.retro.notOver':
    'Wenn dein Einsatz bei diesem {{kind}} vorbei ist, fragen wir dich, welche Skills du geübt hast und wie nützlich es war.',
  'insights.retro.due':
    'Dein Einsatz bei diesem {{kind}} ist vorbei. Zwei Minuten: Was hast du geübt, und wie nützlich war es? Nur du siehst deine Antworten; Insights zählen sie nur in Gruppen.',
  'insights.retro.written':
    'Du hast deine Retro am {{date}} geschrieben: {{usefulness}} von 5 ({{words}}).',
  'insights.dueRetros.title': 'Offene Retros',
  'insights.dueRetros.subheader': 'Je zwei Minuten, nur du siehst sie',
  'insights.dueRetros.loadFailed':
    'Deine Retros konnten nicht geladen werden: {{error}}',
  'insights.dueRetros.line': '{{kind}} · {{role}} · vorbei seit {{date}}',
  'insights.dueRetros.ranIt': 'von dir geleitet',
  'insights.dueRetros.tookPart': 'du warst dabei',
};
