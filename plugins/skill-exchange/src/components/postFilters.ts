import type {
  HackEvent,
  PostKind,
  PostsFilter,
} from '@onramp/backstage-plugin-skill-exchange-common';
import {
  HACK_CATEGORIES,
  LOCATIONS,
  PROFICIENCY_LEVELS,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { levelNameOf, type SkillExchangeT } from './common';
import type { TeamOption } from './useCatalogGroups';

/** Which quick filter; its label is `quickFilterLabel(t, kind, id)`. */
export type QuickFilterId =
  | 'mine'
  | 'mySessions'
  | 'saved'
  | 'member'
  | 'following'
  | 'findTeam'
  | 'adoptable'
  | 'past'
  | 'offering'
  | 'seeking';

/** Quick filters per kind: which one and the URL parameters they set. */
export const QUICK_FILTERS: Record<
  PostKind,
  Array<{ id: QuickFilterId; params: Record<string, string> }>
> = {
  embed: [
    { id: 'mine', params: { owner: 'me' } },
    { id: 'saved', params: { saved: 'me' } },
  ],
  hack: [
    { id: 'mine', params: { owner: 'me' } },
    { id: 'member', params: { member: 'me' } },
    { id: 'following', params: { following: 'me' } },
    { id: 'findTeam', params: { stage: 'in_progress' } },
    { id: 'adoptable', params: { adoptable: 'true' } },
    { id: 'past', params: { past: 'true' } },
  ],
  mentorship: [
    { id: 'mine', params: { owner: 'me' } },
    { id: 'saved', params: { saved: 'me' } },
    { id: 'offering', params: { mode: 'offering' } },
    { id: 'seeking', params: { mode: 'seeking' } },
  ],
  pairing: [
    { id: 'mySessions', params: { owner: 'me' } },
    { id: 'saved', params: { saved: 'me' } },
    { id: 'offering', params: { mode: 'offering' } },
    { id: 'seeking', params: { mode: 'seeking' } },
  ],
};

/** "My embeds", "Hacks I'm in", "Saved"... */
export function quickFilterLabel(
  t: SkillExchangeT,
  kind: PostKind,
  id: QuickFilterId,
): string {
  switch (id) {
    case 'mine':
    case 'past':
      return t(`posts.quickFilters.${id}`, {
        kind: t(`common.kindsInText.${kind}s`),
      });
    case 'member':
      return t('posts.quickFilters.member', {
        kind: t(`common.kinds.${kind}s`),
      });
    default:
      return t(`posts.quickFilters.${id}`);
  }
}

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
  t: SkillExchangeT,
  kind: PostKind,
  events: HackEvent[],
  teams: TeamOption[] = [],
): SelectSpec[] {
  const level: SelectSpec = {
    param: 'level',
    label: t('posts.filters.level'),
    options: [
      ['', t('posts.filters.anyLevel')],
      ...PROFICIENCY_LEVELS.map(
        l =>
          [String(l.level), `${l.level} · ${levelNameOf(t, l.level)}`] as const,
      ),
    ],
  };
  const location: SelectSpec = {
    param: 'location',
    label: t('posts.filters.location'),
    options: [
      ['', t('posts.filters.anywhere')],
      ...LOCATIONS.map(l => [l, t(`posts.location.${l}`)] as const),
    ],
  };
  const event: SelectSpec = {
    param: 'eventId',
    label: t('posts.filters.event', { kind: t('common.kinds.hack') }),
    options: [
      ['', t('posts.filters.anyEvent')],
      ...events.map(ev => [String(ev.id), ev.name] as const),
    ],
  };
  const status: SelectSpec = {
    param: 'status',
    label: t('posts.filters.status'),
    options: [
      ['', t('posts.status.open')],
      ['filled', t('posts.status.filled')],
      ['closed', t('posts.status.closed')],
      ['any', t('posts.filters.anyStatus')],
    ],
  };
  const team: SelectSpec = {
    param: 'team',
    label: t('posts.filters.team'),
    options: [
      ['', t('posts.filters.anyTeam')],
      ...teams.map(tm => [tm.ref, tm.name] as const),
    ],
  };
  const hackPlace: SelectSpec = {
    param: 'location',
    label: t('posts.filters.where'),
    options: [
      ['', t('posts.filters.anyPlace')],
      ...LOCATIONS.map(l => [l, t(`posts.hackLocation.${l}`)] as const),
    ],
  };
  const category: SelectSpec = {
    param: 'category',
    label: t('posts.filters.category'),
    options: [
      ['', t('posts.filters.anyCategory')],
      ...HACK_CATEGORIES.map(c => [c, t(`posts.hackCategory.${c}`)] as const),
    ],
  };
  if (kind === 'embed') {
    return [...(teams.length ? [team] : []), level, location, status];
  }
  if (kind === 'hack') {
    return [category, hackPlace, ...(events.length ? [event] : []), status];
  }
  return [status];
}
