import { defineConfig } from 'vitest/config';

/**
 * One vitest configuration, four projects. `npm test` (tests/run-all.mjs) runs them in order:
 * unit (pure code, fast) and infra (CDK assertions), then integration (own emulators on free ports),
 * then e2e (own platform + Debian Chromium).
 *
 * Unit and infra: two test files at a time (vitest's default on a 2-core machine is one, the cores less
 * one). Integration and e2e: one at a time still; with two, 14 of 37 files failed on a machine at load 30,
 * and 4 of 44 (past the 60 s timeout) at load 5–7, where one file already keeps a core busy (docs/testing.md). Every file keeps its own process, platform and table, so files never share data.
 */
export default defineConfig({
  test: {
    maxWorkers: 2,
    projects: [
      {
        test: {
          name: 'unit',
          include: [
            'shared/src/**/*.test.ts',
            'functions/src/**/*.test.ts',
            'functions/local/**/*.test.ts',
            'web/src/**/*.test.{ts,tsx}',
          ],
          environment: 'node',
        },
      },
      {
        test: {
          name: 'infra',
          include: ['infra/test/**/*.test.ts'],
          testTimeout: 120_000,
          hookTimeout: 120_000,
        },
      },
      {
        test: {
          name: 'integration',
          include: ['tests/integration/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 60_000,
          hookTimeout: 120_000,
          fileParallelism: false,
        },
      },
      {
        test: {
          name: 'e2e',
          include: ['tests/e2e/**/*.test.ts'],
          globalSetup: ['tests/support/global-setup.ts'],
          testTimeout: 180_000,
          hookTimeout: 180_000,
          fileParallelism: false,
        },
      },
    ],
  },
});
