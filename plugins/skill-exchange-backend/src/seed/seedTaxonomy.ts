import type { LoggerService } from '@backstage/backend-plugin-api';
import type { SkillExchangeConfig } from '../config';
import type { SkillExchangeStores } from '../database';
import { DEFAULT_SKILLS } from './defaultSkills';
import { seedDemoData } from './demoData';

/** Adds the configured and shipped skills, and the demo data when asked for. */
export async function seedSkillExchange(options: {
  stores: SkillExchangeStores;
  config: SkillExchangeConfig;
  logger: LoggerService;
}) {
  const { stores, config, logger } = options;
  const added = await stores.skills.seedSkills([
    ...config.skills,
    ...DEFAULT_SKILLS,
  ]);
  if (added) logger.info(`Added ${added} skills to the taxonomy`);
  if (config.demoData && (await seedDemoData(stores))) {
    logger.info('Seeded the Skill Exchange with demo data');
  }
}
