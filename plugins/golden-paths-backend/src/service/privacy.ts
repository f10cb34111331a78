import {
  CompletionRate,
  DurationSummary,
  FigureMethod,
} from '@onramp/backstage-plugin-golden-paths-common';
import { Median } from '../database';

/**
 * Which groups of one family of siblings (the start months under the
 * total, the cohorts, the paths of one discipline, ...) to hide:
 *
 * - every group with people but fewer than `minimumGroupSize` of them;
 * - when that is exactly one group, also the smallest other group with
 *   people (the first in the given order on a tie), so that no hidden
 *   figure is the total minus the groups shown.
 *
 * Groups without people are not hidden (they have nothing to reveal),
 * unless their parent is: under a hidden total (say, everyone in a cohort
 * of four) every group is hidden, empty or not, since even a zero would
 * describe the hidden group. Returns the indexes of `people` to hide.
 */
export function groupsToHide(
  people: number[],
  minimumGroupSize: number,
  parentHidden = false,
): Set<number> {
  if (parentHidden) {
    return new Set(people.keys());
  }
  const hidden = new Set<number>();
  people.forEach((n, i) => {
    if (n > 0 && n < minimumGroupSize) {
      hidden.add(i);
    }
  });
  if (hidden.size === 1) {
    let next = -1;
    people.forEach((n, i) => {
      if (n > 0 && !hidden.has(i) && (next < 0 || n < people[next])) {
        next = i;
      }
    });
    if (next >= 0) {
      hidden.add(next);
    }
  }
  return hidden;
}

/**
 * A duration figure as the API shows it: nothing but its method when its
 * group is hidden; N without median and p90 when N itself (people who got
 * there) is under the minimum; else everything.
 */
export function durationFigure(
  median: Median,
  method: FigureMethod,
  options: { minimumGroupSize: number; groupHidden: boolean },
): DurationSummary {
  if (options.groupHidden) {
    return {
      count: null,
      medianMs: null,
      p90Ms: null,
      suppressed: true,
      method,
    };
  }
  if (median.count > 0 && median.count < options.minimumGroupSize) {
    return {
      count: median.count,
      medianMs: null,
      p90Ms: null,
      suppressed: true,
      method,
    };
  }
  return { ...median, suppressed: false, method };
}

/** A group's size and completion, or nulls when the group is hidden. */
export function completionFigure(
  counts: { people: number; started: number; completed: number },
  hidden: boolean,
): CompletionRate {
  if (hidden) {
    return {
      people: null,
      started: null,
      completed: null,
      rate: null,
      suppressed: true,
    };
  }
  const { people, started, completed } = counts;
  return {
    people,
    started,
    completed,
    rate: started === 0 ? 0 : completed / started,
    suppressed: false,
  };
}
