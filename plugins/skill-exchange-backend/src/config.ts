import {
  readSchedulerServiceTaskScheduleDefinitionFromConfig,
  type RootConfigService,
  type SchedulerServiceTaskScheduleDefinition,
} from '@backstage/backend-plugin-api';
import {
  MANAGER_APPROVAL_POLICIES,
  ManagerApprovalPolicy,
  SKILL_CATEGORIES,
  SkillCategory,
} from '@onramp/backstage-plugin-skill-exchange-common';
import type { LearningResource } from '@onramp/backstage-plugin-skill-exchange-common';
import type { SkillSeed } from './database';
import { readLearningResources } from './learningConfig';

/** The `skillExchange` config, read and checked once at startup. */
export interface SkillExchangeConfig {
  /** Skills added to the taxonomy on start, besides the shipped ones. */
  skills: SkillSeed[];
  /** Fill an empty Skill Exchange with demo data. */
  demoData: boolean;
  /** Whether an applicant's manager approves an embed (`skillExchange.embeds.managerApproval`). */
  managerApproval: ManagerApprovalPolicy;
  /** Remind owners of interest left unanswered this many days. */
  reminderDays: number;
  /** When the reminder job runs, if not daily after a 5-minute delay. */
  reminderSchedule?: SchedulerServiceTaskScheduleDefinition;
  /** `skillExchange.learning.resources`, in config order (skills as written). */
  learningResources: LearningResource[];
  /** `skillExchange.retros.minimumGroupSize`: the smallest group of retros insights show. */
  retroMinimumGroupSize: number;
  /** When the retro ask job runs, if not hourly. */
  retroSchedule?: SchedulerServiceTaskScheduleDefinition;
  /** When the skill evidence is refreshed, if not hourly. */
  evidenceSchedule?: SchedulerServiceTaskScheduleDefinition;
}

/** `skillExchange.retros.minimumGroupSize` when unset. */
export const DEFAULT_RETRO_MINIMUM_GROUP_SIZE = 5;

/**
 * `skillExchange.retros.minimumGroupSize`: a whole number from 3 (below it
 * one or two people's own answers would show) to 1000.
 */
function retroMinimumGroupSize(config: RootConfigService): number {
  const key = 'skillExchange.retros.minimumGroupSize';
  const value =
    config.getOptionalNumber(key) ?? DEFAULT_RETRO_MINIMUM_GROUP_SIZE;
  if (!Number.isInteger(value) || value < 3 || value > 1000) {
    throw new Error(
      `${key} must be a whole number from 3 to 1000, got ${value}`,
    );
  }
  return value;
}

/** A task schedule from config, when the key is there. */
function optionalSchedule(config: RootConfigService, key: string) {
  return config.has(key)
    ? readSchedulerServiceTaskScheduleDefinitionFromConfig(
        config.getConfig(key),
      )
    : undefined;
}

export function readSkillExchangeConfig(
  config: RootConfigService,
): SkillExchangeConfig {
  const skills = (
    config.getOptionalConfigArray('skillExchange.skills') ?? []
  ).map(skill => {
    const category = skill.getString('category');
    if (!SKILL_CATEGORIES.includes(category as SkillCategory)) {
      throw new Error(
        `skillExchange.skills: '${skill.getString(
          'name',
        )}' has category '${category}'; use one of ${SKILL_CATEGORIES.join(
          ', ',
        )}`,
      );
    }
    return {
      name: skill.getString('name'),
      category: category as SkillCategory,
      description: skill.getOptionalString('description'),
      aliases: skill.getOptionalStringArray('aliases'),
    };
  });
  const reminderDays =
    config.getOptionalNumber('skillExchange.reminders.afterDays') ?? 3;
  if (!(reminderDays >= 0)) {
    throw new Error(
      `skillExchange.reminders.afterDays must be 0 or more, got ${reminderDays}`,
    );
  }
  const managerApproval =
    config.getOptionalString('skillExchange.embeds.managerApproval') ??
    'optional';
  if (!MANAGER_APPROVAL_POLICIES.includes(managerApproval as any)) {
    throw new Error(
      `skillExchange.embeds.managerApproval must be one of ${MANAGER_APPROVAL_POLICIES.join(
        ', ',
      )}, got '${managerApproval}'`,
    );
  }
  return {
    skills,
    managerApproval: managerApproval as ManagerApprovalPolicy,
    demoData: config.getOptionalBoolean('skillExchange.demoData') === true,
    reminderDays,
    learningResources: readLearningResources(config),
    reminderSchedule: optionalSchedule(
      config,
      'skillExchange.reminders.schedule',
    ),
    retroMinimumGroupSize: retroMinimumGroupSize(config),
    retroSchedule: optionalSchedule(config, 'skillExchange.retros.schedule'),
    evidenceSchedule: optionalSchedule(
      config,
      'skillExchange.evidence.schedule',
    ),
  };
}
