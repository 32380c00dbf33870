import { GetObjectCommand, ListObjectsV2Command, PutObjectCommand, type S3Client } from '@aws-sdk/client-s3';
import * as z from 'zod';
import type { ChainKey } from '../../kernel/data/chain-key';
import type { TableRef } from '../../kernel/data/entity';
import { canonicalJson, sha256 } from './chain';
import { listChains } from './chains';

/**
 * Anchors: every chain head of a tenant, written periodically outside the table — to an S3 bucket with
 * Object Lock on AWS (an anchor cannot be overwritten or deleted before its retention ends), to the
 * local S3 locally. A chain recomputed inside the table after an anchor no longer passes through the
 * anchored head. Each anchor is MAC'd with the chain key, so a forged anchor is refused too.
 */
export const Anchor = z.object({
  tenantId: z.string(),
  at: z.string(),
  /** Chain partition → its head when anchored, and its scope (a campaign, or `-` for the tenant's own). */
  heads: z.record(z.string(), z.object({ seq: z.number().int(), hash: z.string(), scope: z.string() })),
  /** SHA-256 of the canonical JSON of tenant, time and heads: the tenant's digest of all heads. */
  digest: z.string(),
  mac: z.string(),
});
export type Anchor = z.infer<typeof Anchor>;

export interface AnchorStore {
  /** The S3 client, created on first use (as the functions' other S3 users do). */
  s3: () => Promise<S3Client>;
  bucket: string;
}

const prefixOf = (tenantId: string) => `anchors/${tenantId}/`;
const keyOf = (tenantId: string, at: string) => `${prefixOf(tenantId)}${at.slice(0, 10)}/${at}.json`;
const digestOf = (a: Pick<Anchor, 'tenantId' | 'at' | 'heads'>) =>
  sha256(canonicalJson({ tenantId: a.tenantId, at: a.at, heads: a.heads }));

/** Writes the anchor of one tenant now; answers it. */
export const anchorTenant = async (
  ref: TableRef,
  store: AnchorStore,
  key: ChainKey,
  tenantId: string,
  now: Date,
): Promise<Anchor> => {
  const heads: Anchor['heads'] = {};
  for (const c of await listChains(ref, tenantId, 'all')) {
    if (c.readable) heads[c.chain] = { seq: c.seq, hash: c.hash, scope: c.campaignId ?? '-' };
  }
  const at = now.toISOString();
  const digest = digestOf({ tenantId, at, heads });
  const anchor: Anchor = { tenantId, at, heads, digest, mac: await key.mac(Buffer.from(digest, 'hex')) };
  await (await store.s3()).send(
    new PutObjectCommand({
      Bucket: store.bucket,
      Key: keyOf(tenantId, at),
      Body: JSON.stringify(anchor),
      ContentType: 'application/json',
    }),
  );
  return anchor;
};

export type LatestAnchor =
  | { kind: 'none' }
  | { kind: 'valid'; anchor: Anchor }
  | { kind: 'invalid'; key: string; problem: string };

const DAYS_LOOKED_BACK = 7;

/** The newest anchor of a tenant (looked for day by day, newest first), checked: its MAC, its name. */
export const latestAnchor = async (
  store: AnchorStore,
  key: ChainKey,
  tenantId: string,
  now: Date,
): Promise<LatestAnchor> => {
  for (let d = 0; d < DAYS_LOOKED_BACK; d++) {
    const day = new Date(now.getTime() - d * 86_400_000).toISOString().slice(0, 10);
    const listed = await (await store.s3()).send(
      new ListObjectsV2Command({ Bucket: store.bucket, Prefix: `${prefixOf(tenantId)}${day}/` }),
    );
    const newest = (listed.Contents ?? [])
      .map((o) => o.Key ?? '')
      .filter((k) => k.endsWith('.json'))
      .sort()
      .at(-1);
    if (!newest) continue;
    const object = await (await store.s3()).send(new GetObjectCommand({ Bucket: store.bucket, Key: newest }));
    const parsed = Anchor.safeParse(JSON.parse((await object.Body?.transformToString('utf8')) ?? 'null'));
    if (!parsed.success) return { kind: 'invalid', key: newest, problem: 'Mốc neo không đọc được' };
    const a = parsed.data;
    // The name carries the time: an old anchor copied under a newer name is refused.
    if (keyOf(tenantId, a.at) !== newest || a.tenantId !== tenantId || digestOf(a) !== a.digest)
      return { kind: 'invalid', key: newest, problem: 'Mốc neo không khớp với tên hoặc nội dung' };
    if (!(await key.verify(Buffer.from(a.digest, 'hex'), a.mac)))
      return { kind: 'invalid', key: newest, problem: 'Chữ ký (MAC) của mốc neo không hợp lệ' };
    return { kind: 'valid', anchor: a };
  }
  return { kind: 'none' };
};
