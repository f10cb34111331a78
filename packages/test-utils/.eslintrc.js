module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  overrides: [
    {
      // describeRouteFuzzing declares the fuzz tests of the backends that
      // call it: it is shared, and its title is a parameter.
      files: ['src/fuzzBackend.ts'],
      rules: {
        'jest/no-export': 'off',
        'jest/valid-title': 'off',
      },
    },
  ],
});
