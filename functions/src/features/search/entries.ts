import { fieldValue, NOMINATION_FORM_KEY, NOMINEE_NAME_FIELDS } from '@thidua/shared/commendation';
import { type SearchHit, searchTerms } from '@thidua/shared/search';
import type { Submission } from '@thidua/shared/workflow';
import type { TxItem } from '../../kernel/data/transact';
import { type SearchScope, searchEntryEntity } from './keys';

/**
 * The search entries of the things people look for (ADR 0023), built for the transaction that writes
 * the thing: one item per folded term and scope. A report is found by its unit, period and form; a
 * nomination also by its nominee; a decision by its number and subject.
 */

type Entry = SearchHit & { tenantId: string; scope: SearchScope; term: string };

const entryKey = (e: Entry) => ({
  tenantId: e.tenantId,
  scope: e.scope,
  term: e.term,
  kind: e.kind,
  id: e.id,
});

/** The scopes a submission is found from: its own unit, and "below" each of the units above it. */
const submissionScopes = (s: Pick<Submission, 'unitId' | 'unitPath'>): SearchScope[] => [
  `UNIT#${s.unitId}`,
  ...s.unitPath.map((u): SearchScope => `BELOW#${u}`),
];

const entries = (
  tenantId: string,
  scopes: readonly SearchScope[],
  terms: readonly string[],
  hit: SearchHit,
): Entry[] => scopes.flatMap((scope) => terms.map((term) => ({ ...hit, tenantId, scope, term })));

/** A nomination's nominee as typed (a person's full name or a collective's name); null for other forms. */
const nomineeOf = (s: Submission): string | null => {
  if (s.formKey !== NOMINATION_FORM_KEY || s.classified) return null;
  for (const ref of NOMINEE_NAME_FIELDS) {
    const v = fieldValue(s.data, ref);
    if (typeof v === 'string' && v.trim() !== '') return v.trim();
  }
  return null;
};

const nomineeEntries = (s: Submission): Entry[] => {
  const name = nomineeOf(s);
  if (name === null) return [];
  return entries(s.tenantId, submissionScopes(s), searchTerms(name, 4), {
    kind: 'nominee',
    id: s.id,
    title: name,
    detail: `${s.unitName} · ${s.period}`,
    submissionId: s.id,
    unitId: s.unitId,
  });
};

/**
 * The entries a submission's write adds and removes: at creation its unit, period and form (`formTitle`,
 * the template's title); a nomination's nominee whenever the name changes (and none while "Mật").
 */
export const submissionSearchItems = (
  table: string,
  before: Submission | null,
  after: Submission,
  formTitle?: string,
): TxItem[] => {
  const items: TxItem[] = [];
  if (before === null) {
    const text = `${after.unitName} ${after.period} ${formTitle ?? ''}`;
    for (const e of entries(after.tenantId, submissionScopes(after), searchTerms(text), {
      kind: 'submission',
      id: after.id,
      title: after.unitName,
      detail: `${formTitle ?? after.formKey} · ${after.period}`,
      submissionId: after.id,
      unitId: after.unitId,
    }))
      items.push(searchEntryEntity.put(table, e));
  }
  const old = before === null ? [] : nomineeEntries(before);
  const now = nomineeEntries(after);
  // A key stays (same term): put again only if what it shows changed; a key gone is deleted.
  const key = (e: Entry) => JSON.stringify(entryKey(e));
  const shown = (e: Entry) => JSON.stringify([key(e), e.title, e.detail]);
  const kept = new Set(now.map(key));
  const had = new Set(old.map(shown));
  for (const e of old) if (!kept.has(key(e))) items.push(searchEntryEntity.delete(table, entryKey(e)));
  for (const e of now) if (!had.has(shown(e))) items.push(searchEntryEntity.put(table, e));
  return items;
};

/** A signed decision, found by everyone of the tenant (decisions are published) by number and subject. */
export const decisionSearchItems = (
  table: string,
  d: { tenantId: string; id: string; numberText: string; title: string; signedOn: string },
): TxItem[] =>
  entries(d.tenantId, ['ALL'], searchTerms(`${d.numberText} ${d.title}`, 4), {
    kind: 'decision',
    id: d.id,
    title: `Quyết định số ${d.numberText}`,
    detail: d.title,
  }).map((e) => searchEntryEntity.put(table, e));
