import { GetCommand, QueryCommand } from '@aws-sdk/lib-dynamodb';
import type { AuditSubjectKind } from '@thidua/shared/api';
import type { Campaign } from '@thidua/shared/campaign';
import type {
  Batch,
  CommendationConfig,
  CouncilSession,
  Decision,
  Disclosure,
  NomineeImport,
  Revocation,
} from '@thidua/shared/commendation';
import type { FormTemplate } from '@thidua/shared/forms';
import type { Unit, User } from '@thidua/shared/org';
import type { Key, TableRef } from '../../kernel/data/entity';
import { campaignEntity, templateVersionEntity, unitEntity, userEntity } from '../../kernel/data/keys';
import { apiKeyEntity, type StoredApiKey } from '../api-keys/repository';
import {
  batchEntity,
  configEntity,
  decisionEntity,
  disclosureEntity,
  nomineeImportEntity,
  type Participation,
  revocationEntity,
  sessionEntity,
  voterEntity,
} from '../commendations/keys';
import { type StoredTenantSecurity, tenantSecurityEntity } from '../security/repository';
import {
  decisionSigningEntity,
  type StoredDecisionSigning,
  type StoredTenantContact,
  tenantContactEntity,
} from '../settings/repository';

/**
 * What the audit trail knows of each kind of subject other than a submission: its chain's id, campaign
 * and label, the item the change stores, how to read that item back, and which of its attributes the
 * chain certifies. The chain records the SHA-256 of those attributes after each event, computed from the
 * very item the transaction writes; verification reads the item again and compares.
 */
export interface SubjectDefinition<V> {
  id(v: V): string;
  campaignId(v: V): string | null;
  label(v: V): string;
  /** The stored item the change writes for `v` (as the entity builds it). */
  item(v: V): Record<string, unknown>;
  /** The stored item now, as stored (undefined: there is none). */
  load(ref: TableRef, tenantId: string, subjectId: string): Promise<Record<string, unknown> | undefined>;
  /** The certified attributes of a stored item; throws `CorruptItem` naming it when it does not parse. */
  audited(raw: Record<string, unknown>): unknown;
}

/** Counters bumped by other actions (a vote, a public comment) are certified by those actions' own chains. */
const without = (value: unknown, volatile: readonly string[]): unknown => {
  if (volatile.length === 0 || typeof value !== 'object' || value === null) return value;
  const out: Record<string, unknown> = { ...(value as Record<string, unknown>) };
  for (const k of volatile) delete out[k];
  return out;
};

const getRaw = async (ref: TableRef, key: Key) =>
  (await ref.client.send(new GetCommand({ TableName: ref.table, Key: key, ConsistentRead: true }))).Item;

interface Keyed<W> {
  key(a: never): Key;
  item(w: W): Record<string, unknown>;
  parse(raw: Record<string, unknown>): unknown;
}

/** A subject that is one item with a key built from the tenant and its id. */
const itemSubject = <V, W = V>(
  entity: Keyed<W>,
  o: {
    id: (v: V) => string;
    keyOf: (tenantId: string, id: string) => unknown;
    campaignId: (v: V) => string | null;
    label: (v: V) => string;
    stored?: (v: V) => W;
    volatile?: readonly string[];
  },
): SubjectDefinition<V> => ({
  id: o.id,
  campaignId: o.campaignId,
  label: o.label,
  item: (v) => entity.item(o.stored ? o.stored(v) : (v as unknown as W)),
  load: (ref, tenantId, id) => getRaw(ref, entity.key(o.keyOf(tenantId, id) as never)),
  audited: (raw) => without(entity.parse(raw), o.volatile ?? []),
});

const byId = (tenantId: string, id: string) => ({ tenantId, id });
/** Ids of subjects that live inside another's partition: `<parent>~<own>` (ids never hold `~` or `#`). */
const pair = (id: string): [string, string] => {
  const i = id.indexOf('~');
  return i < 0 ? [id, ''] : [id.slice(0, i), id.slice(i + 1)];
};

export type VoteSubject = Participation & { tenantId: string; sessionId: string; campaignId: string };
export type RevocationSubject = Revocation & { campaignId: string };
export type TemplateSubject = FormTemplate & { tenantId: string };
export type NomineeImportSubject = NomineeImport & { tenantId: string };
export type AwardRulesSubject = CommendationConfig & { tenantId: string };

export interface SubjectValues {
  batch: Batch;
  disclosure: Disclosure;
  session: CouncilSession;
  vote: VoteSubject;
  decision: Decision;
  revocation: RevocationSubject;
  user: User;
  unit: Unit;
  campaign: Campaign;
  template: TemplateSubject;
  award_rules: AwardRulesSubject;
  tenant_settings: StoredTenantContact;
  tenant_security: StoredTenantSecurity;
  nominee_import: NomineeImportSubject;
  tenant_signing: StoredDecisionSigning;
  api_key: StoredApiKey;
}
export type GenericKind = keyof SubjectValues & AuditSubjectKind;

export const subjects: { [K in GenericKind]: SubjectDefinition<SubjectValues[K]> } = {
  batch: itemSubject(batchEntity, {
    id: (b) => b.id,
    keyOf: byId,
    campaignId: (b) => b.campaignId,
    label: (b) => `Tờ trình ${b.reference || b.id} — ${b.unitName}`,
  }),
  disclosure: itemSubject(disclosureEntity, {
    id: (d) => d.id,
    keyOf: byId,
    campaignId: (d) => d.campaignId,
    label: (d) => d.title,
    volatile: ['commentCount'],
  }),
  session: itemSubject(sessionEntity, {
    id: (s) => s.id,
    keyOf: byId,
    campaignId: (s) => s.campaignId,
    label: (s) => s.title,
    // Each vote is a chain of its own (no contention between members voting at once).
    volatile: ['ballotCount'],
  }),
  vote: itemSubject(voterEntity, {
    id: (v) => `${v.sessionId}~${v.userId}`,
    keyOf: (tenantId, id) => {
      const [sessionId, userId] = pair(id);
      return { tenantId, sessionId, userId };
    },
    campaignId: (v) => v.campaignId,
    label: (v) => `Phiếu của ${v.name}`,
    // THAT a member voted, never what: the anonymous paper is not part of any chain.
    stored: (v) => ({
      tenantId: v.tenantId,
      sessionId: v.sessionId,
      userId: v.userId,
      name: v.name,
      votedAt: v.votedAt,
    }),
  }),
  decision: itemSubject(decisionEntity, {
    id: (d) => d.id,
    keyOf: byId,
    campaignId: (d) => d.campaignId,
    label: (d) => d.title,
  }),
  revocation: itemSubject(revocationEntity, {
    id: (r) => `${r.decisionId}~${r.id}`,
    keyOf: (tenantId, id) => {
      const [decisionId, own] = pair(id);
      return { tenantId, decisionId, id: own };
    },
    campaignId: (r) => r.campaignId,
    label: (r) => `Thu hồi theo ${r.decisionNumberText}`,
    stored: ({ campaignId: _c, ...r }) => r,
  }),
  user: itemSubject(userEntity, {
    id: (u) => u.id,
    keyOf: byId,
    campaignId: () => null,
    label: (u) => `${u.name} (${u.email})`,
  }),
  unit: itemSubject(unitEntity, {
    id: (u) => u.id,
    keyOf: byId,
    campaignId: () => null,
    label: (u) => u.name,
  }),
  campaign: itemSubject(campaignEntity, {
    id: (c) => c.id,
    keyOf: byId,
    campaignId: (c) => c.id,
    label: (c) => c.title,
  }),
  award_rules: itemSubject(configEntity, {
    id: (c) => c.campaignId,
    keyOf: (tenantId, campaignId) => ({ tenantId, campaignId }),
    campaignId: (c) => c.campaignId,
    label: (c) => `Quy tắc khen thưởng ${c.year}`,
  }),
  // One chain per tenant: its settings item (the secretariat's contact), whole.
  tenant_settings: itemSubject(tenantContactEntity, {
    id: () => 'contact',
    keyOf: (tenantId) => ({ tenantId }),
    campaignId: () => null,
    label: (c) => `Liên hệ cơ quan thường trực: ${c.name}`,
  }),
  // One chain per tenant: which roles must sign in with a second factor.
  tenant_security: itemSubject(tenantSecurityEntity, {
    id: () => 'security',
    keyOf: (tenantId) => ({ tenantId }),
    campaignId: () => null,
    label: () => 'Chính sách xác thực hai lớp của tỉnh',
  }),
  // One chain per import of a nominee list: the import record as finished (rows, nominations made).
  nominee_import: itemSubject(nomineeImportEntity, {
    id: (x) => x.id,
    keyOf: byId,
    campaignId: (x) => x.campaignId,
    label: (x) => `Nhập danh sách đề nghị từ Excel: ${x.rowCount} đối tượng`,
  }),
  // One chain per tenant: how its decisions are signed (digital or, explicitly, paper).
  tenant_signing: itemSubject(decisionSigningEntity, {
    id: () => 'signing',
    keyOf: (tenantId) => ({ tenantId }),
    campaignId: () => null,
    label: (s) => (s.mode === 'digital' ? 'Ký quyết định bằng chữ ký số' : 'Ký quyết định trên bản giấy'),
  }),
  // Each use of a key is an event of its chain; when it was last used is bookkeeping, not certified.
  api_key: itemSubject(apiKeyEntity, {
    id: (k) => k.id,
    keyOf: byId,
    campaignId: () => null,
    label: (k) => `Khóa API «${k.name}»`,
    volatile: ['lastUsedAt'],
  }),
  // Versions never change: the chain certifies the newest one (each version is an event).
  template: {
    id: (t) => t.id,
    campaignId: () => null,
    label: (t) => `${t.title} (${t.id}, phiên bản ${t.version})`,
    item: (t) => templateVersionEntity.item(t),
    async load(ref, tenantId, id) {
      const r = await ref.client.send(
        new QueryCommand({
          TableName: ref.table,
          KeyConditionExpression: 'pk = :pk AND begins_with(sk, :v)',
          ExpressionAttributeValues: {
            ':pk': templateVersionEntity.partition({ tenantId, id }),
            ':v': templateVersionEntity.sortKey.prefix,
          },
          ScanIndexForward: false,
          Limit: 1,
          ConsistentRead: true,
        }),
      );
      return r.Items?.[0];
    },
    audited: (raw) => templateVersionEntity.parse(raw),
  },
};
