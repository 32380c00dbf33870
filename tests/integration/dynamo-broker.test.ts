import { describe, expect, it } from 'vitest';
import { leaseDynamo, startDynamoBroker } from '../support/dynamo-broker';

/**
 * The test run's DynamoDB Local broker (tests/support/dynamo-broker.ts) with stand-in JVMs: a JVM serves
 * `platformsPerJvm` platforms, the next one is started before it is needed, and a retired JVM stops only
 * once every platform that leased it has given it back — a file's platform never loses its database.
 */
describe('DynamoDB Local broker', () => {
  const fakeJvms = () => {
    const jvms: { endpoint: string; stopped: boolean }[] = [];
    const startJvm = async () => {
      const jvm = { endpoint: `http://localhost:${9000 + jvms.length}`, stopped: false };
      jvms.push(jvm);
      const stop = async () => {
        jvm.stopped = true;
      };
      return { endpoint: jvm.endpoint, version: 'fake', stop };
    };
    return { jvms, startJvm };
  };
  const settle = () => new Promise((resolve) => setTimeout(resolve, 20));

  it('lends one JVM to a few platforms, then the next, and stops a JVM only when all gave it back', async () => {
    const { jvms, startJvm } = fakeJvms();
    const broker = await startDynamoBroker({ platformsPerJvm: 2, startJvm });
    try {
      const a = await leaseDynamo(broker.url);
      expect(jvms).toHaveLength(1);
      const b = await leaseDynamo(broker.url);
      // The second platform of the first JVM: the next JVM starts now, while this one still serves.
      expect(jvms).toHaveLength(2);
      expect([a.shared.endpoint, b.shared.endpoint]).toEqual([jvms[0]?.endpoint, jvms[0]?.endpoint]);
      await a.release();
      const c = await leaseDynamo(broker.url);
      expect(c.shared.endpoint).toBe(jvms[1]?.endpoint);
      await settle();
      // b still holds the first JVM.
      expect(jvms[0]?.stopped).toBe(false);
      await b.release();
      await b.release();
      await settle();
      expect(jvms[0]?.stopped).toBe(true);
      expect(jvms[1]?.stopped).toBe(false);
      await c.release();
      expect(jvms).toHaveLength(2);
    } finally {
      await broker.stop();
    }
    expect(jvms.every((j) => j.stopped)).toBe(true);
  });

  it('tells the platform why when a JVM cannot start', async () => {
    let calls = 0;
    const broker = await startDynamoBroker({
      platformsPerJvm: 1,
      startJvm: async () => {
        calls += 1;
        if (calls > 1) throw new Error('Java 17 not found');
        return { endpoint: 'http://localhost:9000', version: 'fake', stop: async () => undefined };
      },
    });
    try {
      await leaseDynamo(broker.url);
      await expect(leaseDynamo(broker.url)).rejects.toThrow(/Java 17 not found/);
    } finally {
      await broker.stop();
    }
  });
});
