export * from './fixtures';
export * from './startSkillExchangeBackend';
export * from './goldenPaths';
export * from './failingTrigger';
