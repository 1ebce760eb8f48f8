/** Two projects: fast pure-logic unit tests, and integration tests against the real local lab. */
const common = {
  preset: 'ts-jest',
  testEnvironment: 'node',
  transform: { '^.+\\.ts$': ['ts-jest', { tsconfig: 'tsconfig.json' }] },
};
module.exports = {
  projects: [
    // The card reader's text detector (onnxruntime-node) needs the process's typed arrays.
    { ...common, displayName: 'unit', testMatch: ['<rootDir>/test/unit/**/*.test.ts'], testEnvironment: '<rootDir>/test/helpers/node-typed-arrays-environment.js' },
    // One file at a time: fault tests restart the lab's shared Postgres and Redis.
    { ...common, displayName: 'integration', testMatch: ['<rootDir>/test/integration/**/*.test.ts'], runner: '<rootDir>/test/integration/helpers/serial-runner.js' },
  ],
};
