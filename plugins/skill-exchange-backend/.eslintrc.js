module.exports = require('@backstage/cli/config/eslint-factory')(__dirname, {
  testRules: {
    // supertest's expect(status) asserts, through the test backend's call()
    // as through request().
    'jest/expect-expect': [
      'warn',
      {
        assertFunctionNames: [
          'expect',
          'sx.call.expect',
          'sx.call.**.expect',
          'request.**.expect',
        ],
      },
    ],
  },
});
