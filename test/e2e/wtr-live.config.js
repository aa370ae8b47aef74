// @web/test-runner configuration for `npm run test:live` (scripts/test-live.js): the project's configuration, with the
// waits a real user pool needs. Its one test user has TOTP on, and Cognito takes each TOTP code once, so a test that
// signs in may wait up to 30 s for the next code (test/e2e/env.ts, freshTotp), on top of real network round trips.
import base from '../../web-test-runner.config.js';

export default {
  ...base,
  groups: undefined,
  testFramework: { ...base.testFramework, config: { ...base.testFramework?.config, timeout: 120_000 } },
  // A file's tests all run in one page: allow every sign-in in it to wait for a new TOTP window.
  testsFinishTimeout: 30 * 60_000,
};
