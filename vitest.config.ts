import { defineConfig } from 'vitest/config';

/**
 * One vitest configuration, four projects. `npm test` (tests/run-all.mjs) runs them in order:
 * unit (pure code, fast) and infra (CDK assertions), then integration (own emulators on free ports),
 * then e2e (own platform + Debian Chromium).
 *
 * Unit, infra and integration: two test files at a time (vitest's default on a 2-core machine is one, the
 * cores less one). Integration failed that way while the whole run shared one DynamoDB Local, which grew
 * slower with every file; since each JVM serves four platforms (tests/support/dynamo-broker.ts), two files
 * at a time pass in 414 s where one at a time took 606 s (docs/testing.md). Browser journeys: one at a
 * time, their locators wait on real rendering. Every file keeps its own process, platform and table, so
 * files never share data.
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
