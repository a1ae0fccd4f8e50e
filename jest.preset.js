// Shared jest preset: every workspace's jest.config.js calls this with its own folder.
// Tests run the TypeScript sources directly through @swc/jest (decorators and decorator
// metadata on, as type-graphql needs), and workspace packages resolve to their src/.
const path = require('node:path');

module.exports = function preset(dir, overrides = {}) {
  return {
    rootDir: dir,
    testEnvironment: 'node',
    testMatch: ['<rootDir>/src/**/*.test.ts', '<rootDir>/tests/**/*.test.ts', '<rootDir>/e2e/**/*.test.ts'],
    transform: {
      '^.+\\.ts$': [
        '@swc/jest',
        {
          jsc: {
            target: 'es2022',
            parser: { syntax: 'typescript', decorators: true },
            transform: { legacyDecorator: true, decoratorMetadata: true, useDefineForClassFields: false },
          },
          module: { type: 'commonjs' },
        },
      ],
    },
    moduleNameMapper: {
      '^@nct/(auth|db|dates|errors|logger|rules|subgraph-kit|citizen-id|registry|seed|testing)$': path.join(__dirname, 'packages/$1/src'),
      '^@nct/(social|health|homeaffairs|association)$': path.join(__dirname, 'services/$1/src'),
      '^@nct/gateway$': path.join(__dirname, 'gateway/src'),
    },
    globalSetup: path.join(__dirname, 'packages/testing/jest/global-setup.ts'),
    globalTeardown: path.join(__dirname, 'packages/testing/jest/global-teardown.ts'),
    testTimeout: 60000,
    ...overrides,
  };
};
