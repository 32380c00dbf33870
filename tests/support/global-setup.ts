import type { TestProject } from 'vitest/node';
import { startDynamoBroker } from './dynamo-broker';
import { makePoolTemplate } from './pool-template';
import { buildWeb } from './web-build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's DynamoDB Local broker (dynamo-broker.ts): every test file's platform leases a JVM there. */
    dynamoBroker: string;
    /** The demo user pool's state (pool-template.ts), which every seeded platform copies for its own. */
    poolTemplate: string;
    /** The browser suite's production build of the web app, read-only for every journey. */
    webDist: string | null;
  }
}

/** Platforms per DynamoDB Local JVM (docs/testing.md has the measurements behind the figure). */
const PLATFORMS_PER_JVM = Number(process.env.TEST_PLATFORMS_PER_JVM ?? 4);

/**
 * Once per run of the integration and browser suites, not once per test file: the DynamoDB Local broker
 * (`inject('dynamoBroker')`), which lends each platform a JVM shared with a few others (a JVM start costs
 * about 2 s of CPU; one JVM for the whole run slows down, dynamo-broker.ts) — each platform makes and
 * deletes its own table there, so no file sees another's data; the demo user pool
 * (`inject('poolTemplate')`), which each seeded platform copies into its own cognito-local; and for the
 * browser suite one production build of the web app (`inject('webDist')`), which each journey serves on
 * its own port. The three are made at the same time.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const [web, dynamo, pool] = await Promise.allSettled([
    project.name === 'e2e' ? buildWeb() : Promise.resolve(undefined),
    startDynamoBroker({ platformsPerJvm: PLATFORMS_PER_JVM }),
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
  project.provide('dynamoBroker', value(dynamo).url);
  project.provide('poolTemplate', value(pool).dir);
  project.provide('webDist', value(web)?.dir ?? null);
  return stop;
}
