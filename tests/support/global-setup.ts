import { startDynamoLocal } from '@thidua/functions/local/emulators';
import type { SharedDynamoLocal } from '@thidua/functions/local/platform';
import type { TestProject } from 'vitest/node';
import { buildWeb } from './web-build';

declare module 'vitest' {
  export interface ProvidedContext {
    /** The run's DynamoDB Local, which every test file's platform uses with a table of its own. */
    sharedDynamo: SharedDynamoLocal;
    /** The browser suite's production build of the web app, read-only for every journey. */
    webDist: string | null;
  }
}

/**
 * Once per run of the integration and browser suites, not once per test file: one DynamoDB Local (a JVM
 * start costs about 2 s of CPU), given to the files' platforms with `inject('sharedDynamo')`, each of
 * which makes and deletes its own table there, so no file sees another's data; and for the browser suite
 * one production build of the web app (`inject('webDist')`), which each journey serves on its own port.
 */
export default async function setup(project: TestProject): Promise<() => Promise<void>> {
  const web = project.name === 'e2e' ? await buildWeb() : undefined;
  try {
    // Started once for the whole run, with the JVM's default tiered compilation. Not yet shown to pay: on a
    // quiet 2-core machine integration took 689 s with a C1-only shared JVM and 872 s with this one (and the
    // approval race on a JVM of its own), against 481 s with a JVM per file before (fewer tests). To measure.
    const dynamo = await startDynamoLocal({ inMemory: true, jvm: 'throughput' });
    project.provide('sharedDynamo', { endpoint: dynamo.endpoint, version: dynamo.version });
    project.provide('webDist', web?.dir ?? null);
    return async () => {
      await dynamo.stop();
      await web?.remove();
    };
  } catch (e) {
    await web?.remove();
    throw e;
  }
}
