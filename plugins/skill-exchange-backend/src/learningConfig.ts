import type { RootConfigService } from '@backstage/backend-plugin-api';
import type {
  LearningResource,
  LearningResourceKind,
} from '@onramp/backstage-plugin-skill-exchange-common';

const KINDS: LearningResourceKind[] = ['docs', 'course', 'link'];
const KEY = 'skillExchange.learning.resources';

/** An http(s) address, or a path in Backstage such as `/docs/default/component/x`. */
export function isLearningUrl(url: string): boolean {
  if (/^\/(?!\/)\S*$/.test(url)) return true;
  try {
    const { protocol } = new URL(url);
    return protocol === 'http:' || protocol === 'https:';
  } catch {
    return false;
  }
}

/**
 * `skillExchange.learning.resources`, checked once at startup: unique ids,
 * http(s) or relative urls, known kinds, whole minutes above 0. A bad entry
 * stops the start with a message naming it. Skill names are resolved through
 * the taxonomy later (`resolveLearningSkills`), once the taxonomy is seeded.
 */
export function readLearningResources(
  config: RootConfigService,
): LearningResource[] {
  const seen = new Set<string>();
  return (config.getOptionalConfigArray(KEY) ?? []).map((entry, index) => {
    const id = entry.getString('id');
    const name = `${KEY}[${index}] '${id}'`;
    const fail = (what: string) => {
      throw new Error(`${name}: ${what}`);
    };
    if (!/^[a-z0-9][a-z0-9._-]{0,99}$/.test(id)) {
      fail('the id must be 1 to 100 of a-z, 0-9, dot, dash or underscore');
    }
    if (seen.has(id)) fail('the id is used by an earlier resource');
    seen.add(id);
    const title = entry.getString('title').trim();
    if (!title) fail('the title is empty');
    const url = entry.getString('url');
    if (!isLearningUrl(url)) {
      fail(`url '${url}' is neither http(s) nor a path starting with /`);
    }
    const kind = entry.getString('kind');
    if (!KINDS.includes(kind as LearningResourceKind)) {
      fail(`kind '${kind}' is not one of ${KINDS.join(', ')}`);
    }
    const skills = entry.getStringArray('skills');
    if (!skills.length) fail('name at least one skill');
    const minutes = entry.getOptionalNumber('minutes');
    if (minutes !== undefined && !(Number.isInteger(minutes) && minutes > 0)) {
      fail(`minutes must be a whole number above 0, got ${minutes}`);
    }
    return {
      id,
      title,
      url,
      kind: kind as LearningResourceKind,
      skills,
      ...(minutes !== undefined ? { minutes } : {}),
    };
  });
}
