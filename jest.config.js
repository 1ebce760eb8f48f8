/**
 * Three projects: fast pure-logic unit tests, integration tests against the real local lab, and
 * browser tests (headless Chromium) against the service on the lab.
 */
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
module.exports = {
  // OCR-heavy tests on a busy 2-core machine: generous, and no test asserts wall time.
  testTimeout: 120_000,
  projects: [
    // The card reader's text detector (onnxruntime-node) needs the process's typed arrays.
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'], testEnvironment: '<rootDir>/test/helpers/node-typed-arrays-environment.js' },
    // One file at a time: fault tests restart the lab's shared Postgres and Redis.
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'], runner: '<rootDir>/test/integration/helpers/serial-runner.js' },
    { ...common, displayName: 'e2e', testMatch: ['<rootDir>/test/e2e/**/*.test.ts'], runner: '<rootDir>/test/integration/helpers/serial-runner.js' },
  ],
};
