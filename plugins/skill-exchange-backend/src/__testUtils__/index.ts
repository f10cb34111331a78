export * from './fixtures';
export * from './startSkillExchangeBackend';
