module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // describeOnEachDatabase declares the blocks of the tests that call
      // it: its title is a parameter.
      files: ['src/__testUtils__/services.ts'],
      rules: { 'jest/valid-title': 'off' },
    },
  ],
});
