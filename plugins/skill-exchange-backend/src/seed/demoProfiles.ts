import type { ProfileInput } from '@onramp/backstage-plugin-skill-exchange-common';

const u = (name: string) => `user:default/${name}`;
const g = (name: string) => `group:default/${name}`;

type DemoProfile = Omit<ProfileInput, 'version'> & {
  user: string;
  team: string;
};

/** The demo organisation's skill profiles. */
export const demoProfiles: DemoProfile[] = [
  {
    user: u('lars.lindqvist'),
    team: g('backend'),
    bio: 'Staff engineer on playback. Happy to pair on anything JVM or Kubernetes.',
    contact: '#playback-team',
    openToEmbeds: true,
    openToMentoring: true,
    openToHacks: true,
    skills: [
      { skill: 'Java', level: 5, canHelp: true },
      { skill: 'Kotlin', level: 4, canHelp: true },
      { skill: 'Kubernetes', level: 4, canHelp: true },
      { skill: 'Distributed Systems', level: 5, canHelp: true },
      { skill: 'gRPC', level: 4, canHelp: false },
    ],
    learning: ['Rust'],
  },
  {
    user: u('priya.raman'),
    team: g('backend'),
    bio: 'Backend engineer, API design nerd.',
    contact: '@priya',
    openToEmbeds: false,
    openToMentoring: true,
    openToHacks: true,
    skills: [
      { skill: 'Go', level: 4, canHelp: true },
      { skill: 'PostgreSQL', level: 4, canHelp: true },
      { skill: 'API Design', level: 4, canHelp: true },
      { skill: 'Prometheus', level: 3, canHelp: false },
    ],
    learning: ['Machine Learning', 'Python'],
  },
  {
    user: u('sofia.marquez'),
    team: g('backend'),
    bio: 'Joined this month from a bootcamp. Keen to learn everything.',
    contact: '@sofia',
    openToEmbeds: true,
    openToMentoring: false,
    openToHacks: true,
    skills: [
      { skill: 'TypeScript', level: 3, canHelp: false },
      { skill: 'Node.js', level: 2, canHelp: false },
      { skill: 'Git', level: 3, canHelp: false },
    ],
    learning: ['Kubernetes', 'Go', 'Observability'],
  },
  {
    user: u('elin.berg'),
    team: g('client'),
    bio: 'Android since the Froyo days.',
    contact: '#android-guild',
    openToEmbeds: true,
    openToMentoring: true,
    openToHacks: false,
    skills: [
      { skill: 'Android', level: 5, canHelp: true },
      { skill: 'Kotlin', level: 5, canHelp: true },
      { skill: 'Jetpack Compose', level: 4, canHelp: true },
      { skill: 'Mobile Performance', level: 4, canHelp: true },
    ],
    learning: ['Rust'],
  },
  {
    user: u('marcus.johnson'),
    team: g('client'),
    bio: 'iOS engineer; SwiftUI convert.',
    contact: '@marcus',
    openToEmbeds: true,
    openToMentoring: false,
    openToHacks: true,
    skills: [
      { skill: 'iOS', level: 4, canHelp: true },
      { skill: 'Swift', level: 4, canHelp: true },
      { skill: 'SwiftUI', level: 3, canHelp: false },
    ],
    learning: ['Kotlin', 'Android'],
  },
  {
    user: u('hanna.kowalski'),
    team: g('data-engineering'),
    bio: 'Pipelines that do not page anyone at night.',
    contact: '#data-eng',
    openToEmbeds: true,
    openToMentoring: true,
    openToHacks: true,
    skills: [
      { skill: 'Apache Beam', level: 5, canHelp: true },
      { skill: 'Scala', level: 4, canHelp: true },
      { skill: 'BigQuery', level: 4, canHelp: true },
      { skill: 'Apache Airflow', level: 4, canHelp: false },
      { skill: 'Data Quality', level: 4, canHelp: true },
    ],
    learning: ['Rust'],
  },
  {
    user: u('fatima.alzahra'),
    team: g('audio-processing'),
    bio: 'Codecs, loudness and everything between.',
    contact: '@fatima',
    openToEmbeds: false,
    openToMentoring: true,
    openToHacks: true,
    skills: [
      { skill: 'Digital Signal Processing', level: 5, canHelp: true },
      { skill: 'C++', level: 5, canHelp: true },
      { skill: 'Audio Codecs', level: 5, canHelp: true },
      { skill: 'Python', level: 3, canHelp: false },
    ],
    learning: ['Machine Learning'],
  },
  {
    user: u('noah.kim'),
    team: g('machine-learning'),
    bio: 'Recommendations at scale.',
    contact: '#ml-platform',
    openToEmbeds: true,
    openToMentoring: true,
    openToHacks: true,
    skills: [
      { skill: 'Machine Learning', level: 5, canHelp: true },
      { skill: 'Python', level: 5, canHelp: true },
      { skill: 'PyTorch', level: 4, canHelp: true },
      { skill: 'Recommender Systems', level: 5, canHelp: true },
      { skill: 'Kubernetes', level: 3, canHelp: false },
    ],
    learning: ['Rust', 'Go'],
  },
  {
    user: u('arjun.mehta'),
    team: g('data-science'),
    bio: 'Experimentation and causal inference.',
    contact: '@arjun',
    openToEmbeds: false,
    openToMentoring: true,
    openToHacks: true,
    skills: [
      { skill: 'Statistics', level: 5, canHelp: true },
      { skill: 'Experimentation', level: 5, canHelp: true },
      { skill: 'Python', level: 4, canHelp: true },
      { skill: 'SQL', level: 5, canHelp: true },
    ],
    learning: ['Apache Beam'],
  },
];
