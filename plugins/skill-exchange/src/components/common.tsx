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
  HackCategory,
  levelName,
  Post,
  PROFICIENCY_LEVELS,
} from '@onramp/backstage-plugin-skill-exchange-common';

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

/** What a level means, e.g. "Can work on it without help" ('' for no level). */
export function levelDescription(level: number): string {
  return PROFICIENCY_LEVELS.find(l => l.level === level)?.description ?? '';
}

/** The five levels as "3 · Practitioner" options for a select. */
export function levelOptions() {
  return PROFICIENCY_LEVELS.map(l => (
    <MenuItem key={l.level} value={l.level}>
      {l.level} · {l.name}
    </MenuItem>
  ));
}

/** "3 · Practitioner", with the descriptor as a tooltip. */
export const LevelLabel = ({ level }: { level: number }) => {
  return (
    <Tooltip title={levelDescription(level)}>
      <span>
        {level} · {levelName(level)}
      </span>
    </Tooltip>
  );
};

/** What someone is open to, in the order a profile shows and edits them. */
export const OPEN_TO = [
  ['openToEmbeds', 'Open to embeds'],
  ['openToMentoring', 'Open to mentoring'],
  ['openToHacks', 'Open to hacks'],
] as const;

export const KIND_LABELS = {
  embed: 'Embed',
  hack: 'Hack',
  mentorship: 'Mentorship',
  pairing: 'Pairing',
} as const;

export const STAGE_LABELS = {
  idea: 'Idea',
  in_progress: 'In progress',
  completed: 'Completed',
} as const;

export const STATUS_LABELS = {
  open: 'Open',
  filled: 'Filled',
  closed: 'Closed',
} as const;

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
export function placesTakenText(places: { places: number; taken: number }) {
  return `${places.taken} of ${places.places} place${
    places.places === 1 ? '' : 's'
  } taken`;
}

/** "a day", "3 days": a duration in hours, rounded up to whole days. */
function daysText(hours: number): string {
  const days = Math.max(1, Math.ceil(hours / 24));
  return days === 1 ? 'a day' : `${days} days`;
}

/** "Usually answers within 2 days (median of 7 answers)". */
export function ownerAnswersText(answers: {
  answered: number;
  medianHours: number;
}) {
  return `Usually answers within ${daysText(answers.medianHours)} (median of ${
    answers.answered
  } answers)`;
}

/** "waiting 4 days" for an interest made at `since`, as of `now`. */
export function waitingText(since: string, now = Date.now()): string {
  const days = Math.floor((now - Date.parse(since)) / 86_400_000);
  if (days < 1) return 'waiting less than a day';
  return `waiting ${days} day${days === 1 ? '' : 's'}`;
}

export const LOCATION_LABELS = {
  remote: 'Remote',
  office: 'Office',
  flexible: 'Flexible',
} as const;

/** Where people hack on a hack: remote reads "Anywhere", as on hack cards. */
export const HACK_LOCATION_LABELS = {
  remote: 'Anywhere',
  office: 'In the office',
  flexible: 'Flexible',
} as const;

/** What a hack is about. */
export const HACK_CATEGORY_LABELS: Record<HackCategory, string> = {
  tooling: 'Tooling',
  product: 'Product',
  infrastructure: 'Infrastructure',
  data: 'Data',
  'machine-learning': 'Machine learning',
  'developer-experience': 'Developer experience',
  other: 'Other',
};

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
