import {
  findIssuingBody,
  formatNumber,
  type IssuingBody,
  issuingBodyOn,
  type NumberSequence,
  nextNumber,
  sequenceId,
  vnDate,
} from '@thidua/shared/commendation';
import type { TxItem } from '../../kernel/data/transact';
import { AppError, RuleViolation } from '../../kernel/http/errors';
import { type CommendationDeps, commendationConfigOf } from './context';

/**
 * The issuing body a stored session or decision names, as it was on the document's day (`now` in
 * Vietnam: its names and the competence bases in force then), with the campaign's configuration. The id
 * was checked against the configuration when it was stored, so a missing body is a configuration error.
 * A province absorbed into another issues nothing dated from the merger on: 422 `tenant_merged` (its
 * successor's bodies do; `issuing: false` for a preview that only reads).
 */
export const storedIssuingBody = async (
  d: CommendationDeps,
  tenantId: string,
  campaignId: string,
  issuingBodyId: string,
  now: Date,
  options: { issuing?: boolean } = {},
) => {
  const on = vnDate(now);
  const [{ config }, merged] = await Promise.all([
    commendationConfigOf(d, tenantId, campaignId),
    options.issuing === false ? undefined : d.mergers.consentOf(tenantId),
  ]);
  if (merged?.state === 'merged' && merged.effectiveFrom <= on) {
    throw new RuleViolation(
      `Tỉnh đã hợp nhất vào đơn vị hành chính mới từ ngày ${merged.effectiveFrom}: văn bản mới do cơ quan của tỉnh hợp nhất ban hành`,
      [],
      'tenant_merged',
    );
  }
  const body = findIssuingBody(config, issuingBodyId);
  if (!body) throw new AppError(500, 'config', 'Thiếu cơ quan ban hành');
  return { config, body: issuingBodyOn(body, on) };
};

/** A register's next number, read at one moment, and the counter write that takes it. */
export interface RegisterNumber {
  /** The document's date (Vietnam time) and its year, the register's year. */
  on: string;
  year: number;
  number: number;
  /** "05/QĐ-UBND". */
  numberText: string;
  /**
   * Moves the counter from the value read to `number`, conditioned on that value: it goes IN the
   * transaction that writes the numbered document, so a lost race refuses the whole write (retry).
   */
  claim: TxItem;
}

/** The next number of an issuing body's register (decisions or minutes) for the year of `now`. */
export const nextInRegister = async (
  d: CommendationDeps,
  tenantId: string,
  kind: NumberSequence['kind'],
  body: IssuingBody,
  now: Date,
): Promise<RegisterNumber> => {
  const on = vnDate(now);
  const year = Number(on.slice(0, 4));
  const seq = sequenceId({ kind, issuingBodyId: body.id, year });
  const current = await d.commendations.counter(tenantId, seq);
  const n = nextNumber(current);
  return {
    on,
    year,
    number: n,
    numberText: formatNumber(n, kind === 'minutes' ? body.minutesSymbol : body.decisionSymbol),
    claim: d.commendations.counterItem(tenantId, seq, current, n),
  };
};
