import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { type DynamoLocalEmulator, startDynamoLocal } from '@thidua/functions/local/emulators';
import type { SharedDynamoLocal } from '@thidua/functions/local/platform';

/**
 * Hands the test files' platforms a DynamoDB Local, a fresh JVM every `platformsPerJvm` platforms.
 *
 * One JVM for the whole run grew slower with every file: DynamoDB Local describes a table's stream on
 * every write to it and on every GetRecords, and that costs more with every shard the JVM ever held,
 * deleted tables included (docs/testing.md, "Clean run after session 6's merges, and the shared DynamoDB
 * Local's stream"). A JVM per platform costs a start
 * (~2 s of CPU) each time. Between the two: a JVM serves a few platforms and is then retired; the next one
 * is started while the last platform of the current one runs, so no file waits for it. A retired JVM
 * stops once every platform that leased it has given it back (or when the run ends).
 *
 * A small HTTP service on 127.0.0.1, because the files run in their own processes: `POST /lease` answers
 * `{ lease, endpoint, version }`, `POST /release?lease=…` gives it back.
 */
export interface DynamoBroker {
  url: string;
  stop(): Promise<void>;
}

/** What the broker uses of a started DynamoDB Local. */
type JvmHandle = Pick<DynamoLocalEmulator, 'endpoint' | 'version' | 'stop'>;

interface Jvm {
  emulator: Promise<JvmHandle>;
  leased: number;
  open: number;
  retired: boolean;
}

export interface DynamoBrokerOptions {
  platformsPerJvm: number;
  /** Starts a JVM (tests of the broker pass their own). */
  startJvm?: () => Promise<JvmHandle>;
}

export async function startDynamoBroker(options: DynamoBrokerOptions): Promise<DynamoBroker> {
  const startJvm = options.startJvm ?? (() => startDynamoLocal({ inMemory: true, jvm: 'throughput' }));
  const jvms: Jvm[] = [];
  const start = (): Jvm => {
    const emulator = startJvm();
    // A JVM that failed to start is reported to the platform that leases it, not as an unhandled rejection.
    emulator.catch(() => undefined);
    const jvm = { emulator, leased: 0, open: 0, retired: false };
    jvms.push(jvm);
    return jvm;
  };
  const leases = new Map<string, Jvm>();
  let current = start();
  let next: Jvm | undefined;
  let sequence = 0;
  // The first JVM is started with the broker: global setup waits for it, as it waited for the one JVM.
  await current.emulator;

  const stopIfDone = (jvm: Jvm) => {
    if (jvm.retired && jvm.open === 0) void jvm.emulator.then((e) => e.stop()).catch(() => undefined);
  };

  const lease = async (): Promise<SharedDynamoLocal & { lease: string }> => {
    if (current.leased >= options.platformsPerJvm) {
      current.retired = true;
      stopIfDone(current);
      current = next ?? start();
      next = undefined;
    }
    const jvm = current;
    jvm.leased += 1;
    jvm.open += 1;
    if (jvm.leased >= options.platformsPerJvm && !next) next = start();
    try {
      const e = await jvm.emulator;
      const id = String(++sequence);
      leases.set(id, jvm);
      return { lease: id, endpoint: e.endpoint, version: e.version };
    } catch (error) {
      jvm.open -= 1;
      throw error;
    }
  };

  const release = (id: string) => {
    const jvm = leases.get(id);
    if (!jvm) return;
    leases.delete(id);
    jvm.open -= 1;
    stopIfDone(jvm);
  };

  const server: Server = createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://127.0.0.1');
    const answer = (status: number, body: unknown) => {
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(JSON.stringify(body));
    };
    if (req.method === 'POST' && url.pathname === '/lease') {
      lease().then(
        (l) => answer(200, l),
        (error: unknown) => answer(500, { message: error instanceof Error ? error.message : String(error) }),
      );
    } else if (req.method === 'POST' && url.pathname === '/release') {
      release(url.searchParams.get('lease') ?? '');
      answer(204, null);
    } else {
      answer(404, { message: 'not found' });
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;

  return {
    url: `http://127.0.0.1:${port}`,
    stop: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await Promise.all(jvms.map((j) => j.emulator.then((e) => e.stop()).catch(() => undefined)));
    },
  };
}

/** Leases a DynamoDB Local from the run's broker; `release` gives it back (idempotent). */
export async function leaseDynamo(
  brokerUrl: string,
): Promise<{ shared: SharedDynamoLocal; release: () => Promise<void> }> {
  const response = await fetch(`${brokerUrl}/lease`, { method: 'POST' });
  const body = (await response.json()) as {
    lease?: string;
    endpoint?: string;
    version?: string;
    message?: string;
  };
  if (!response.ok || !body.lease || !body.endpoint || !body.version) {
    throw new Error(`DynamoDB Local broker: ${body.message ?? `status ${response.status}`}`);
  }
  const id = body.lease;
  let released = false;
  return {
    shared: { endpoint: body.endpoint, version: body.version },
    release: async () => {
      if (released) return;
      released = true;
      await fetch(`${brokerUrl}/release?lease=${encodeURIComponent(id)}`, { method: 'POST' }).catch(
        () => undefined,
      );
    },
  };
}
