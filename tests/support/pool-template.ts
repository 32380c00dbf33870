import { cp, mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { ensureUserPool } from '@thidua/functions/local/bootstrap';
import { emulatorClients } from '@thidua/functions/local/clients';
import { startCognito } from '@thidua/functions/local/emulators';
import { createPoolUser } from '@thidua/functions/local/pool-users';
import { DEMO_PASSWORD, DEMO_TENANT, demoUsers } from '@thidua/functions/local/seed-data';

/**
 * The demo user pool, made once per test run instead of once per test file: cognito-local takes about
 * four calls per demo user (create, password, group, the seed's check), one after the other, which every
 * platform paid at its start. The run's global setup makes the pool (bootstrap's own `ensureUserPool`,
 * the seed's own `createPoolUser`) in a folder of its own, stops cognito-local and keeps its state;
 * each platform that seeds the demo world copies that state into its own folder before its cognito-local
 * starts (`PlatformOptions.poolTemplate`), so every file still has a pool of its own to change. The
 * signing key is not copied: each platform's cognito-local signs with a key of its own.
 */
export interface PoolTemplate {
  /** The folder to pass as `poolTemplate`. */
  dir: string;
  remove(): Promise<void>;
}

export async function makePoolTemplate(): Promise<PoolTemplate> {
  const work = await mkdtemp(join(tmpdir(), 'thidua-pool-'));
  const remove = () => rm(work, { recursive: true, force: true });
  try {
    const cognito = await startCognito({ directory: join(work, 'cognito') });
    const clients = emulatorClients({
      cognitoEndpoint: cognito.endpoint,
      // Not used: only the pool is made here.
      dynamoEndpoint: cognito.endpoint,
      s3Endpoint: cognito.endpoint,
    });
    try {
      const { userPoolId } = await ensureUserPool(clients.cognito);
      for (const user of demoUsers) {
        await createPoolUser(clients.cognito, userPoolId, {
          ...user,
          tenantId: DEMO_TENANT,
          password: DEMO_PASSWORD,
        });
      }
    } finally {
      clients.destroy();
      await cognito.stop();
    }
    // cognito-local's state (`.cognito/db`) and the gate's; not the signing key nor the config of that start.
    const dir = join(work, 'template');
    await cp(join(work, 'cognito', '.cognito', 'db'), join(dir, '.cognito', 'db'), { recursive: true });
    await cp(join(work, 'cognito', 'gate-state.json'), join(dir, 'gate-state.json')).catch(
      (error: NodeJS.ErrnoException) => {
        if (error.code !== 'ENOENT') throw error;
      },
    );
    return { dir, remove };
  } catch (error) {
    await remove();
    throw error;
  }
}
