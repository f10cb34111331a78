import { createContext, ReactNode, useContext } from 'react';
import {
  Content,
  Header,
  Link,
  Page,
  ResponseErrorPanel,
} from '@backstage/core-components';
import { Chip, MenuItem, Tooltip } from '@material-ui/core';
import {
  TranslationFunction,
  useTranslationRef,
} from '@backstage/frontend-plugin-api';
import {
  Post,
  PostKind,
  PROFICIENCY_LEVELS,
} from '@onramp/backstage-plugin-skill-exchange-common';
import { skillExchangeTranslationRef } from '../translation';

/** The Skill Exchange's translation function (`useTranslationRef(...).t`). */
export type SkillExchangeT = TranslationFunction<
  typeof skillExchangeTranslationRef.T
>;

const BaseContext = createContext('/skill-exchange');

/** Gives links below the Skill Exchange page its mount path. */
export const SkillExchangeBase = (props: {
  base: string;
  children: ReactNode;
}) => (
  <BaseContext.Provider value={props.base.replace(/\/$/, '')}>
    {props.children}
  </BaseContext.Provider>
);

/** `path('/posts/3')` -> `/skill-exchange/posts/3` (wherever the page is mounted). */
export function useSkillExchangePath(): (sub: string) => string {
  const base = useContext(BaseContext);
  return sub => `${base}${sub}`;
}

/** "user:default/lars.lindqvist" -> "lars.lindqvist"; "group:default/backend" -> "backend". */
export function shortRef(ref: string): string {
  return ref.split('/').pop() ?? ref;
}

/** A page that could not load: its title, the error, and anything to add. */
export const ErrorPage = (props: {
  title: string;
  error: Error;
  children?: ReactNode;
}) => (
  <Page themeId="tool">
    <Header title={props.title} />
    <Content>
      <ResponseErrorPanel error={props.error} />
      {props.children}
    </Content>
  </Page>
);

/** A person, linking to their Skill Exchange profile. */
export const PersonLink = ({
  userRef,
  inText,
}: {
  userRef: string;
  /** Underlined, as a link inside a sentence must be (WCAG 1.4.1). */
  inText?: boolean;
}) => {
  const path = useSkillExchangePath();
  return (
    <Link
      to={path(`/profiles/${encodeURIComponent(userRef)}`)}
      underline={inText ? 'always' : 'hover'}
    >
      {shortRef(userRef)}
    </Link>
  );
};

export const SkillChips = ({
  skills,
  highlight = [],
  size = 'small',
}: {
  skills: string[];
  highlight?: string[];
  size?: 'small' | 'medium';
}) => {
  const lower = highlight.map(s => s.toLocaleLowerCase());
  return (
    <>
      {skills.map(skill => (
        <Chip
          key={skill}
          label={skill}
          size={size}
          color={
            lower.includes(skill.toLocaleLowerCase()) ? 'primary' : 'default'
          }
          style={{ marginRight: 4, marginBottom: 4 }}
        />
      ))}
    </>
  );
};

/** A level's name, e.g. "Practitioner" ("Level 7" for no known level). */
export function levelNameOf(t: SkillExchangeT, level: number): string {
  return PROFICIENCY_LEVELS.some(l => l.level === level)
    ? t(`posts.levels.name.${level as 1 | 2 | 3 | 4 | 5}`)
    : t('posts.levels.unknown', { level: String(level) });
}

/**
 * What a level means, e.g. "Can work on it without help" ('' for no level).
 * In English without `t` (for callers not translated yet).
 */
export function levelDescription(level: number, t?: SkillExchangeT): string {
  const known = PROFICIENCY_LEVELS.find(l => l.level === level);
  if (!known) return '';
  return t ? t(`posts.levels.description.${known.level}`) : known.description;
}

/**
 * The five levels as "3 · Practitioner" options for a select (in English
 * without `t`, for callers not translated yet).
 */
export function levelOptions(t?: SkillExchangeT) {
  return PROFICIENCY_LEVELS.map(l => (
    <MenuItem key={l.level} value={l.level}>
      {l.level} · {t ? levelNameOf(t, l.level) : l.name}
    </MenuItem>
  ));
}

/** "3 · Practitioner", with the descriptor as a tooltip. */
export const LevelLabel = ({ level }: { level: number }) => {
  const { t } = useTranslationRef(skillExchangeTranslationRef);
  return (
    <Tooltip title={levelDescription(level, t)}>
      <span>
        {level} · {levelNameOf(t, level)}
      </span>
    </Tooltip>
  );
};

/** What someone is open to, in the order a profile shows and edits them. */
export const OPEN_TO_KEYS = [
  'openToEmbeds',
  'openToMentoring',
  'openToHacks',
] as const;

/** "Open to embeds", "Open to mentoring", "Open to hacks". */
export function openToLabel(
  t: SkillExchangeT,
  key: (typeof OPEN_TO_KEYS)[number],
): string {
  if (key === 'openToMentoring') return t('posts.openTo.openToMentoring');
  return t(`posts.openTo.${key}`, {
    kind: t(
      key === 'openToEmbeds'
        ? 'common.kindsInText.embeds'
        : 'common.kindsInText.hacks',
    ),
  });
}

/** "Embed", "Hack", ... as tabs, chips and headings name a kind. */
export function kindLabel(t: SkillExchangeT, kind: PostKind): string {
  return t(`common.kinds.${kind}`);
}

/** The places of an embed (headcount) or mentorship (capacity), and how many are taken. */
export function placesOf(
  post: Post,
): { places: number; taken: number; limit: string } | undefined {
  if (post.kind === 'embed') {
    return {
      places: post.headcount,
      taken: post.acceptedCount ?? 0,
      limit: 'headcount',
    };
  }
  if (post.kind === 'mentorship') {
    return {
      places: post.capacity,
      taken: post.acceptedCount ?? 0,
      limit: 'capacity',
    };
  }
  return undefined;
}

/** "1 of 3 places taken". */
export function placesTakenLabel(
  t: SkillExchangeT,
  places: { places: number; taken: number },
): string {
  return t('posts.placesTaken', {
    count: places.places,
    taken: String(places.taken),
  });
}

/** "Usually answers within 2 days (median of 7 answers)". */
export function ownerAnswersLabel(
  t: SkillExchangeT,
  answers: { answered: number; medianHours: number },
): string {
  const days = Math.max(1, Math.ceil(answers.medianHours / 24));
  return t('posts.ownerAnswers', {
    days: t('posts.days', { count: days }),
    answered: String(answers.answered),
  });
}

/** "waiting 4 days" for an interest made at `since`, as of `now`. */
export function waitingLabel(
  t: SkillExchangeT,
  since: string,
  now = Date.now(),
): string {
  const days = Math.floor((now - Date.parse(since)) / 86_400_000);
  if (days < 1) return t('posts.waitingLessThanADay');
  return t('posts.waiting', { count: days });
}

/**
 * An embed's share of the week, "2 days a week (40%)" or "full time", and
 * with `weeks` its length: "2 days a week (40%) for 4 weeks".
 */
export function timeShareText(
  t: SkillExchangeT,
  percent: number,
  weeks?: number,
): string {
  const days = (percent / 100) * 5;
  const share =
    percent >= 100
      ? t('posts.timeShare.fullTime')
      : t('posts.timeShare.daysAWeek', {
          count: days,
          days: Number.isInteger(days) ? String(days) : days.toFixed(1),
          percent: String(percent),
        });
  return weeks === undefined
    ? share
    : t('posts.timeShare.period', { count: weeks, share });
}

/** "2027-Q1" or "2027-01-11" as people say it. */
export function formatStart(start: string): string {
  const quarter = /^(\d{4})-Q([1-4])$/.exec(start);
  if (quarter) return `Q${quarter[2]} ${quarter[1]}`;
  const date = new Date(`${start}T00:00:00Z`);
  return Number.isNaN(date.getTime())
    ? start
    : date.toLocaleDateString('en-GB', {
        day: 'numeric',
        month: 'short',
        year: 'numeric',
        timeZone: 'UTC',
      });
}

/** The discipline chips shown above every list, as in the talk's screenshots. */
export const TOP_SKILLS = [
  'Android',
  'iOS',
  'Data Engineering',
  'Backend',
  'Web',
  'Data Science',
  'Machine Learning',
  'UX Design',
];

/** Saves text as a file the browser downloads (a CSV, an iCalendar file). */
export function downloadFile(text: string, fileName: string, type: string) {
  const url = URL.createObjectURL(new Blob([text], { type }));
  const a = document.createElement('a');
  a.href = url;
  a.download = fileName;
  document.body.appendChild(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 1000);
}
