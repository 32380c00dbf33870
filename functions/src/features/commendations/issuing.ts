import { type Decision, type SigningMode, vnDateWords } from '@thidua/shared/commendation';
import { DEFAULT_SIGNING_MODE } from '@thidua/shared/tenancy';
import type { TxItem } from '../../kernel/data/transact';
import { newId } from '../../kernel/ids';
import { unitEventOutbox } from '../notifications/outbox';
import { decisionSearchItems } from '../search/entries';
import type { CommendationDeps } from './context';

/**
 * What issuing a decision shares between its two paths (ADR 0032): numbered and issued at once where the
 * tenant explicitly signs on paper, or issued later by a verified digital signature (the documents group).
 */

/** One notice per unit concerned that a decision about its nominees was issued. */
export const decisionNotices = (
  d: Pick<CommendationDeps, 'commendations'>,
  decision: Pick<Decision, 'tenantId' | 'id' | 'numberText' | 'signedOn' | 'signedAt'>,
  unitIds: readonly string[],
  now: Date,
): TxItem[] =>
  unitIds.map((unitId) =>
    d.commendations.putNotification({
      tenantId: decision.tenantId,
      unitId,
      id: newId(now),
      kind: 'decision',
      refId: decision.id,
      title: `Quyết định số ${decision.numberText} ${vnDateWords(decision.signedOn)} về khen thưởng`,
      at: decision.signedAt,
    }),
  );

/** What numbering a decision says in its audit chain: signed on paper, or numbered awaiting its signature. */
export const numberingSummary = (mode: SigningMode, numberText: string, by = ''): string =>
  mode === 'paper'
    ? `Ký quyết định số ${numberText}${by} (bản gốc là bản giấy)`
    : `Lấy số ${numberText} cho quyết định${by}; chờ tệp PDF có chữ ký số`;

/** The tenant's signing mode: digital unless its administrator chose paper (audited setting). */
export const signingModeOf = async (
  d: Pick<CommendationDeps, 'tenantSettings'>,
  tenantId: string,
): Promise<SigningMode> => (await d.tenantSettings.signing(tenantId))?.mode ?? DEFAULT_SIGNING_MODE;

/**
 * The writes that make a decision public and tell its units, in the transaction that issues it: its
 * search entries, one notice per unit concerned, the bell and e-mail outbox (issue 16).
 */
export const publicationItems = (
  d: Pick<CommendationDeps, 'commendations' | 'config'>,
  decision: Decision,
  now: Date,
): TxItem[] => {
  const units = [...new Set(decision.entries.map((e) => e.unitId))];
  const title = `Quyết định số ${decision.numberText} ${vnDateWords(decision.signedOn)} về khen thưởng`;
  return [
    ...decisionSearchItems(d.commendations.ref.table, decision),
    ...decisionNotices(d, decision, units, now),
    ...unitEventOutbox(d.config.tableName, {
      tenantId: decision.tenantId,
      kind: 'decision_signed',
      eventId: decision.id,
      unitIds: units,
      title,
      at: decision.issuedAt ?? decision.signedAt,
    }),
  ];
};
