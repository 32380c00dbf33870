import { mkdtempSync, rmSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type ChainKey, chainKey, fileKey, useChainKey } from './chain-key';
import { headRef, SEAL_PENDING, sealDigest, sealTransaction } from './chain-seal';
import type { TxItem } from './transact';

const dir = mkdtempSync(join(tmpdir(), 'thidua-chain-key-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const event = (pk: string, seq: number, pending: boolean): TxItem => ({
  Put: {
    TableName: 't',
    Item: {
      pk,
      sk: `EV#${seq}`,
      seq,
      hash: String(seq).repeat(64).slice(0, 64),
      ...(pending ? { seal: SEAL_PENDING } : {}),
    },
  },
});

/** A key that counts its MAC calls. */
const counting = (inner: ChainKey) => {
  let calls = 0;
  const key: ChainKey = {
    id: inner.id,
    mac: (m) => {
      calls += 1;
      return inner.mac(m);
    },
    verify: inner.verify,
  };
  return { key, calls: () => calls };
};

describe('the seal of a transaction', () => {
  it('asks for ONE MAC whatever the number of events and chains, listing every chain head', async () => {
    const k = counting(fileKey(join(dir, 'a.key')));
    const items = [
      { Update: { TableName: 't', Key: { pk: 'x', sk: 'y' }, UpdateExpression: 'SET a = :a' } },
      event('T#t#SUB#1', 4, false),
      event('T#t#SUB#1', 5, true),
      event('T#t#AUDIT#batch#b', 1, true),
      event('T#t#AUDIT#session#s', 9, true),
    ] as TxItem[];
    const sealed = await sealTransaction(items, () => k.key);
    expect(k.calls()).toBe(1);
    const seals = sealed.map((i) => i.Put?.Item?.seal);
    expect(seals[0]).toBeUndefined();
    expect(seals[1]).toBeUndefined();
    const heads = [
      headRef('T#t#AUDIT#batch#b', 1, '1'.repeat(64)),
      headRef('T#t#AUDIT#session#s', 9, '9'.repeat(64)),
      headRef('T#t#SUB#1', 5, '5'.repeat(64)),
    ];
    for (const s of seals.slice(2)) expect(s).toMatchObject({ heads });
    const mac = (seals[2] as { mac: string }).mac;
    expect(await k.key.verify(sealDigest(heads), mac)).toBe(true);
    // The input is not changed: a retry of the same items seals again.
    expect(items[2]?.Put?.Item?.seal).toBe(SEAL_PENDING);
  });

  it('leaves a transaction without audit events alone, with no MAC call', async () => {
    const k = counting(fileKey(join(dir, 'a.key')));
    const items = [event('T#t#SUB#1', 1, false)];
    expect(await sealTransaction(items, () => k.key)).toBe(items);
    expect(k.calls()).toBe(0);
  });
});

describe('the chain key', () => {
  it('a local key file (0600) verifies its own MACs and refuses another key, changed heads and a bad MAC', async () => {
    const a = fileKey(join(dir, 'k1.key'));
    const b = fileKey(join(dir, 'k2.key'));
    expect(statSync(join(dir, 'k1.key')).mode & 0o777).toBe(0o600);
    const digest = sealDigest(['T#t#SUB#1|1|abc']);
    const mac = await a.mac(digest);
    expect(await fileKey(join(dir, 'k1.key')).verify(digest, mac)).toBe(true);
    expect(await b.verify(digest, mac)).toBe(false);
    expect(await a.verify(sealDigest(['T#t#SUB#1|2|abc']), mac)).toBe(false);
    expect(await a.verify(digest, 'AAAA')).toBe(false);
  });

  it('inside Lambda, a function without a configured key refuses to invent one', () => {
    useChainKey(undefined);
    expect(() => chainKey({ AWS_LAMBDA_FUNCTION_NAME: 'thidua-audit' })).toThrow('AUDIT_MAC_KEY_ID');
    expect(chainKey({ AUDIT_MAC_KEY_ID: 'alias/x', AWS_REGION: 'ap-southeast-1' }).id).toBe('kms:alias/x');
    useChainKey(undefined);
  });
});
