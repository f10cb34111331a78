module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // itRunsEveryExample (src/__testUtils__/examples.ts) declares one test per
    // action example; the expects in its callback run inside those tests.
    'jest/no-standalone-expect': [
      'error',
      { additionalTestBlockFunctions: ['itRunsEveryExample'] },
    ],
    // The shared checks (expectDnsDryRun, deployFails, ...) assert.
    'jest/expect-expect': [
      'warn',
      { assertFunctionNames: ['expect', 'expect*', 'deployFails'] },
    ],
  },
  overrides: [
    {
      // The helper declares the tests: it is shared, and its title is a
      // parameter.
      files: ['src/__testUtils__/examples.ts'],
      rules: {
        'jest/no-export': 'off',
        'jest/valid-title': 'off',
        'jest/expect-expect': 'off',
      },
    },
  ],
});
