/** Jest runs the TypeScript tests in test/ through ts-jest (type checking is done by tsc first). */
module.exports = {
  testEnvironment: 'node',
  roots: ['<rootDir>/test'],
  testMatch: ['**/*.test.ts'],
  transform: { '^.+\\.ts$': ['ts-jest', { diagnostics: false }] },
  testTimeout: 30000,
  // CI has two cores: many suites wait on servers, browsers and child processes, so two workers
  // keep both cores busy (jest's default on two cores is one).
  maxWorkers: 2,
};
