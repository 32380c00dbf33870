import { startDynamoLocal } from '@thidua/functions/local/emulators';
import type { SharedDynamoLocal } from '@thidua/functions/local/platform';
import type { TestProject } from 'vitest/node';
import { makePoolTemplate } from './pool-template';
import { buildWeb } from './web-build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's DynamoDB Local, which every test file's platform uses with a table of its own. */
    sharedDynamo: SharedDynamoLocal;
    /** The demo user pool's state (pool-template.ts), which every seeded platform copies for its own. */
    poolTemplate: string;
    /** The browser suite's production build of the web app, read-only for every journey. */
    webDist: string | null;
  }
}

/**
 * Once per run of the integration and browser suites, not once per test file: one DynamoDB Local (a JVM
 * start costs about 2 s of CPU), given to the files' platforms with `inject('sharedDynamo')`, each of
 * which makes and deletes its own table there, so no file sees another's data; the demo user pool
 * (`inject('poolTemplate')`), which each seeded platform copies into its own cognito-local; and for the
 * browser suite one production build of the web app (`inject('webDist')`), which each journey serves on
 * its own port. The three are made at the same time.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [web, dynamo, pool] = await Promise.allSettled([
    project.name === 'e2e' ? buildWeb() : Promise.resolve(undefined),
    // Started once for the whole run, with the JVM's default tiered compilation (docs/testing.md).
    startDynamoLocal({ inMemory: true, jvm: 'throughput' }),
    makePoolTemplate(),
  ]);
  const stop = async () => {
    await Promise.all([
      dynamo.status === 'fulfilled' ? dynamo.value.stop() : undefined,
      web.status === 'fulfilled' ? web.value?.remove() : undefined,
      pool.status === 'fulfilled' ? pool.value.remove() : undefined,
    ]);
  };
  const failed = [web, dynamo, pool].find((started) => started.status === 'rejected');
  if (failed) {
    await stop();
    throw failed.reason;
  }
  const value = <T>(started: PromiseSettledResult<T>): T => (started as PromiseFulfilledResult<T>).value;
  const shared = value(dynamo);
  project.provide('sharedDynamo', { endpoint: shared.endpoint, version: shared.version });
  project.provide('poolTemplate', value(pool).dir);
  project.provide('webDist', value(web)?.dir ?? null);
  return stop;
}
