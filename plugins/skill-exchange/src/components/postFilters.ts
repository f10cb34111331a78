import type {
  HackEvent,
  PostKind,
  PostsFilter,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { PROFICIENCY_LEVELS } from '@onramp/backstage-plugin-skill-exchange-common';
import {
  HACK_CATEGORY_LABELS,
  HACK_LOCATION_LABELS,
  LOCATION_LABELS,
} from './common';
import type { TeamOption } from './useCatalogGroups';

/** Quick filters per kind: label and the URL parameters they set. */
export const QUICK_FILTERS: Record<
  PostKind,
  Array<{ label: string; params: Record<string, string> }>
> = {
  embed: [
    { label: 'My embeds', params: { owner: 'me' } },
    { label: 'Saved', params: { saved: 'me' } },
  ],
  hack: [
    { label: 'My hacks', params: { owner: 'me' } },
    { label: "Hacks I'm in", params: { member: 'me' } },
    { label: 'Following', params: { following: 'me' } },
    { label: 'Find a team', params: { stage: 'in_progress' } },
    { label: 'Adopt an idea', params: { adoptable: 'true' } },
    { label: 'Past hacks', params: { past: 'true' } },
  ],
  mentorship: [
    { label: 'My mentorships', params: { owner: 'me' } },
    { label: 'Saved', params: { saved: 'me' } },
    { label: 'Offering', params: { mode: 'offering' } },
    { label: 'Seeking', params: { mode: 'seeking' } },
  ],
  pairing: [
    { label: 'My sessions', params: { owner: 'me' } },
    { label: 'Saved', params: { saved: 'me' } },
    { label: 'Offering', params: { mode: 'offering' } },
    { label: 'Seeking', params: { mode: 'seeking' } },
  ],
};

const FILTER_KEYS = [
  'q',
  'skills',
  'owner',
  'saved',
  'following',
  'member',
  'stage',
  'adoptable',
  'past',
  'mode',
  'level',
  'location',
  'category',
  'team',
  'eventId',
  'status',
];

/** Reads the list filters from the URL, so links are shareable and Back works. */
export function filterFromParams(
  kind: PostKind,
  params: URLSearchParams,
): PostsFilter & { page: number } {
  const filter: Record<string, unknown> = { kind };
  for (const key of FILTER_KEYS) {
    const value = params.get(key);
    if (value) filter[key] = key === 'skills' ? value.split(',') : value;
  }
  if (!filter.status && !filter.past && !filter.owner) filter.status = 'open';
  if (filter.status === 'any') delete filter.status;
  const page = Math.max(1, Number(params.get('page') ?? 1) || 1);
  return { ...(filter as PostsFilter), page };
}

export type SelectSpec = {
  param: string;
  label: string;
  options: ReadonlyArray<readonly [string, string]>;
};

/** The selects beside the quick filters: which URL parameter, label, options. */
export function filterSelects(
  kind: PostKind,
  events: HackEvent[],
  teams: TeamOption[] = [],
): SelectSpec[] {
  const level: SelectSpec = {
    param: 'level',
    label: 'Expertise level',
    options: [
      ['', 'Any level'],
      ...PROFICIENCY_LEVELS.map(
        l => [String(l.level), `${l.level} · ${l.name}`] as const,
      ),
    ],
  };
  const location: SelectSpec = {
    param: 'location',
    label: 'Location',
    options: [['', 'Anywhere'], ...Object.entries(LOCATION_LABELS)],
  };
  const event: SelectSpec = {
    param: 'eventId',
    label: 'Hack event',
    options: [
      ['', 'Any event'],
      ...events.map(ev => [String(ev.id), ev.name] as const),
    ],
  };
  const status: SelectSpec = {
    param: 'status',
    label: 'Status',
    options: [
      ['', 'Open'],
      ['filled', 'Filled'],
      ['closed', 'Closed'],
      ['any', 'Any status'],
    ],
  };
  const team: SelectSpec = {
    param: 'team',
    label: 'Team',
    options: [['', 'Any team'], ...teams.map(t => [t.ref, t.name] as const)],
  };
  const hackPlace: SelectSpec = {
    param: 'location',
    label: 'Where',
    options: [['', 'Any place'], ...Object.entries(HACK_LOCATION_LABELS)],
  };
  const category: SelectSpec = {
    param: 'category',
    label: 'Category',
    options: [['', 'Any category'], ...Object.entries(HACK_CATEGORY_LABELS)],
  };
  if (kind === 'embed') {
    return [...(teams.length ? [team] : []), level, location, status];
  }
  if (kind === 'hack') {
    return [category, hackPlace, ...(events.length ? [event] : []), status];
  }
  return [status];
}
