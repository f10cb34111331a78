import type {
  PostInput,
  ProfileInput,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillExchangeStores } from '../database';
import { demoProfiles } from './demoProfiles';
import { demoPairingPosts } from './demoPairing';
import { seedDemoReports } from './demoReports';
import { createDemoEvents, demoResults } from './demoEvents';

const u = (name: string) => `user:default/${name}`;
const g = (name: string) => `group:default/${name}`;

const posts: Array<{
  owner: string;
  input: PostInput;
  members?: string[];
  /** Retros of the members, in order: usefulness and the skills practised. */
  retros?: Array<[number, string[]]>;
}> = [
  {
    owner: u('lars.lindqvist'),
    input: {
      kind: 'embed',
      title: 'Embed with Playback: make seeking instant',
      description:
        'Spend six weeks with the playback team cutting seek latency. You will pair with us on the gRPC streaming path, ship behind a feature flag and measure it in production.\n\n**You will learn** how a high-traffic backend is run day to day.',
      skills: ['Backend', 'Java', 'gRPC', 'Distributed Systems'],
      team: g('backend'),
      level: 3,
      start: '2027-Q1',
      durationWeeks: 6,
      timeSharePercent: 40,
      location: 'flexible',
      headcount: 2,
    },
  },
  {
    owner: u('elin.berg'),
    input: {
      kind: 'embed',
      title: 'Android embed: Compose migration of the Now Playing screen',
      description:
        'Help us move the Now Playing screen to Jetpack Compose. Ideal for a web or iOS engineer who wants real Android experience.',
      skills: ['Android', 'Kotlin', 'Jetpack Compose'],
      team: g('client'),
      level: 2,
      start: '2027-01-11',
      durationWeeks: 4,
      timeSharePercent: 100,
      location: 'office',
      office: 'Stockholm',
      headcount: 1,
    },
  },
  {
    owner: u('hanna.kowalski'),
    input: {
      kind: 'embed',
      title: 'Data engineering embed: streaming listening events',
      description:
        'Join the events pipeline team while we move daily batches to streaming with Apache Beam.',
      skills: ['Data Engineering', 'Apache Beam', 'Scala', 'BigQuery'],
      team: g('data-engineering'),
      level: 3,
      start: '2027-Q1',
      durationWeeks: 8,
      timeSharePercent: 60,
      location: 'remote',
      headcount: 1,
    },
  },
  {
    owner: u('noah.kim'),
    input: {
      kind: 'embed',
      title: 'ML platform embed: feature store for new joiners',
      description:
        'A two-week embed to build the first version of our feature store docs and examples, with the ML platform team.',
      skills: ['Machine Learning', 'Python', 'Kubernetes'],
      team: g('machine-learning'),
      level: 2,
      start: '2026-12-07',
      durationWeeks: 2,
      timeSharePercent: 20,
      location: 'remote',
      headcount: 2,
    },
  },
  {
    owner: u('marcus.johnson'),
    input: {
      kind: 'hack',
      title: 'Offline mode for podcasts on iOS',
      description:
        'Download podcast episodes over Wi-Fi only, with a storage budget.',
      skills: ['iOS', 'Swift'],
      stage: 'in_progress',
      location: 'office',
      category: 'product',
    },
    members: [u('marcus.johnson'), u('sofia.marquez')],
  },
  {
    owner: u('priya.raman'),
    input: {
      kind: 'hack',
      title: 'Loudness normalisation explorer',
      description:
        'A small web tool to compare loudness normalisation settings on real tracks.',
      skills: ['Web', 'Digital Signal Processing', 'TypeScript', 'React'],
      stage: 'completed',
      location: 'remote',
      category: 'tooling',
    },
    members: [
      u('priya.raman'),
      u('fatima.alzahra'),
      u('elin.berg'),
      u('marcus.johnson'),
      u('hanna.kowalski'),
    ],
    // What its members wrote after HacktoberFest: [usefulness, practised].
    retros: [
      [5, ['TypeScript', 'Digital Signal Processing']],
      [4, ['Digital Signal Processing', 'React']],
      [4, ['TypeScript', 'React']],
      [3, ['TypeScript']],
      [5, ['TypeScript', 'Digital Signal Processing']],
    ],
  },
  {
    owner: u('arjun.mehta'),
    input: {
      kind: 'hack',
      title: 'Idea: an experiment planner that suggests sample sizes',
      description:
        'Nobody is on this yet: adopt it! A Backstage plugin that reads an experiment spec and suggests sample size and duration.',
      skills: ['Data Science', 'Experimentation', 'Statistics', 'Backstage'],
      stage: 'idea',
      location: 'remote',
      category: 'data',
    },
  },
  {
    owner: u('noah.kim'),
    input: {
      kind: 'hack',
      title: 'Rust rewrite of the embedding lookup service',
      description:
        'Can we halve p99 latency by rewriting the lookup service in Rust?',
      skills: ['Machine Learning', 'Rust', 'Recommender Systems'],
      stage: 'idea',
      location: 'flexible',
      category: 'machine-learning',
    },
    members: [u('noah.kim')],
  },
  {
    owner: u('lars.lindqvist'),
    input: {
      kind: 'mentorship',
      title: 'Mentoring: running services in production',
      description:
        'I offer a fortnightly 1:1 on operating backend services: on-call, SLOs, incident reviews.',
      skills: ['Backend', 'Kubernetes', 'Reliability'],
      mode: 'offering',
      capacity: 2,
    },
  },
  {
    owner: u('sofia.marquez'),
    input: {
      kind: 'mentorship',
      title: 'Looking for a mentor in Go and Kubernetes',
      description:
        'New joiner on Backend; I would love someone to review my first Go service.',
      skills: ['Go', 'Kubernetes'],
      mode: 'seeking',
      capacity: 1,
    },
  },
  {
    owner: u('fatima.alzahra'),
    input: {
      kind: 'mentorship',
      title: 'DSP fundamentals, for engineers from any discipline',
      description:
        'Six sessions on sampling, filters and codecs, with exercises.',
      skills: ['Audio Processing', 'Digital Signal Processing', 'Audio Codecs'],
      mode: 'offering',
      capacity: 3,
    },
  },
];

/**
 * Fills an empty Skill Exchange with a living demo for the demo organisation
 * (profiles, embeds, hacks with a "HacktoberFest 2026" event, mentorships,
 * pairing sessions).
 * Does nothing when there are posts already.
 */
export async function seedDemoData(
  stores: SkillExchangeStores,
): Promise<boolean> {
  if ((await stores.posts.countPosts()) > 0) {
    return false;
  }
  for (const { user, team, ...profile } of demoProfiles) {
    await stores.profiles.saveProfile(user, profile as ProfileInput, { team });
  }
  const events = await createDemoEvents(stores);
  const finished: Array<{ id: number; input: PostInput }> = [];
  const all: typeof posts = [...posts, ...demoPairingPosts(new Date())];
  for (const { owner, input, members, retros } of all) {
    const withEvent: PostInput =
      input.kind === 'hack'
        ? {
            ...input,
            eventId:
              input.stage === 'completed' ? events.past.id : events.upcoming.id,
          }
        : input;
    const post = await stores.posts.createPost(owner, withEvent);
    for (const member of members ?? []) {
      await stores.hackMemberships.joinHack(post.id, member);
    }
    const row = (await stores.posts.getPostRow(post.id))!;
    for (const [i, [usefulness, practised]] of (retros ?? []).entries()) {
      await stores.retros.write(row, members![i], {
        skills: await stores.skills.resolveSkills(practised),
        usefulness,
        comment: '',
      });
    }
    if (demoResults[input.title])
      finished.push({ id: post.id, input: withEvent });
  }
  await events.finish();
  // In the results phase, finished hacks record their demo and result.
  for (const { id, input } of finished) {
    const row = (await stores.posts.getPostRow(id))!;
    await stores.posts.updatePost(
      id,
      { ...input, ...demoResults[input.title] } as PostInput,
      row.version,
      row.owner,
    );
  }
  await seedDemoReports(stores);
  return true;
}
