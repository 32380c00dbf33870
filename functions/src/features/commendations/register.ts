import {
  type CommendationConfig,
  findIssuingBody,
  formatNumber,
  type GivenNumber,
  givenNumberIssues,
  type IssuingBody,
  issuingBodyOfUnit,
  issuingBodyOn,
  type NumberSequence,
  planRegisterClaim,
  planReservation,
  type RegisterMode,
  type RegisterSeries,
  sequenceId,
  splitUnitBodyId,
  vnDate,
} from '@thidua/shared/commendation';
import type { Identity } from '@thidua/shared/org';
import { requireAllowed } from '../../kernel/access';
import { TransactionRefused, type TxItem } from '../../kernel/data/transact';
import { AppError, Conflict, RuleViolation } from '../../kernel/http/errors';
import { type CommendationDeps, commendationConfigOf, provinceResource } from './context';
import { type Seal, writeOnce } from './tx';

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
  const [{ config, campaign }, merged] = await Promise.all([
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
  const body = await concreteBody(d, tenantId, config, issuingBodyId);
  if (!body) throw new AppError(500, 'config', 'Thiếu cơ quan ban hành');
  return { config, campaign, body: issuingBodyOn(body, on) };
};

/**
 * The configured body a stored id names: `ubnd-xa__<unit>` is the unit-scoped body made concrete for that
 * unit (its names filled from the unit's), any other id the configured body itself.
 */
export const concreteBody = async (
  d: Pick<CommendationDeps, 'units'>,
  tenantId: string,
  config: CommendationConfig,
  issuingBodyId: string,
): Promise<IssuingBody | null> => {
  const { bodyId, unitId } = splitUnitBodyId(issuingBodyId);
  const body = findIssuingBody(config, bodyId);
  if (!body || unitId === null) return body;
  const unit = await d.units.get(tenantId, unitId);
  return unit ? issuingBodyOfUnit(body, unit) : null;
};

/** A register's next number, read at one moment, and the counter write that takes it. */
export interface RegisterNumber {
  /** The document's date (Vietnam time, or the date the văn thư gave) and its year, the register's year. */
  on: string;
  year: number;
  number: number;
  /** "05/QĐ-UBND". */
  numberText: string;
  /**
   * The writes that take the number (the counter from the value read, the number's slot if absent or
   * reserved): they go IN the transaction that writes the numbered document (`ref`), so a lost race
   * refuses the whole write (retry) and a number is never used twice.
   */
  claim(ref: string, at: string): TxItem[];
}

/** The register mode of a body: the product's unless it says its văn thư keeps it. */
export const registerModeOf = (body: Pick<IssuingBody, 'registerMode'>): RegisterMode =>
  body.registerMode ?? 'product';

/**
 * The number a document of `body` takes: the next of the product's register for the year of `now`, or —
 * where the body's văn thư keeps the register — the number and date it gave (`given`), reserved
 * beforehand or not. A missing or superfluous `given` is 422 naming `register`; a number already issued
 * is 409 `number_taken`. Minutes are always the council's own register (the product's).
 */
export const nextInRegister = async (
  d: CommendationDeps,
  tenantId: string,
  kind: NumberSequence['kind'],
  body: IssuingBody,
  now: Date,
  given?: GivenNumber,
): Promise<RegisterNumber> => {
  const mode = kind === 'minutes' ? 'product' : registerModeOf(body);
  if (mode === 'external' && !given)
    throw new RuleViolation(
      `${body.name} tự quản lý sổ đăng ký văn bản: nhập số và ngày do văn thư cấp`,
      [{ path: 'register.number', message: 'Nhập số văn bản do văn thư cấp' }],
      'register_number_required',
    );
  if (mode === 'product' && given)
    throw new RuleViolation(
      'Số văn bản do hệ thống cấp theo sổ đăng ký: không nhập số',
      [{ path: 'register', message: 'Cơ quan ban hành dùng sổ đăng ký của hệ thống' }],
      'register_number_not_expected',
    );
  const today = vnDate(now);
  if (given) {
    const issues = givenNumberIssues(given, today);
    if (issues.length > 0)
      throw new RuleViolation('Số, ngày văn bản không hợp lệ', issues, 'register_number');
  }
  const on = given?.date ?? today;
  const year = Number(on.slice(0, 4));
  const seq: NumberSequence = { kind, issuingBodyId: body.id, year };
  const sequence = sequenceId(seq);
  const [current, slot] = await Promise.all([
    d.commendations.counter(tenantId, sequence),
    given ? d.commendations.slot(tenantId, sequence, given.number) : undefined,
  ]);
  if (slot?.state === 'issued')
    throw new Conflict(
      `Số ${formatNumber(slot.number, body.decisionSymbol)} năm ${year} đã được dùng`,
      undefined,
      'number_taken',
    );
  const plan = planRegisterClaim(
    seq,
    mode,
    current,
    given ? { number: given.number, reserved: slot?.state === 'reserved' } : undefined,
  );
  if (!plan) throw new AppError(500, 'register', 'Sổ đăng ký không cấp được số');
  return {
    on,
    year,
    number: plan.number,
    numberText: formatNumber(plan.number, kind === 'minutes' ? body.minutesSymbol : body.decisionSymbol),
    claim: (ref, at) => d.commendations.registerItems(tenantId, plan.writes, ref, at),
  };
};

/** How often a signer retries when another decision took the number it read. */
const NUMBER_ATTEMPTS = 8;

/**
 * Runs one numbered write — read, take `nextInRegister`, write the document's transaction — again while
 * its transaction is refused: another signer took the number it read, so the next attempt reads again and
 * takes the next. `refused` may answer a refusal that is not a lost number (throw). The register has no
 * gap and no duplicate; after every attempt lost, 409 `numbering_busy`.
 */
export const withNextNumber = async <T>(
  attempt: () => Promise<T>,
  refused?: () => Promise<void>,
): Promise<T> => {
  for (let i = 0; i < NUMBER_ATTEMPTS; i++) {
    try {
      return await attempt();
    } catch (err) {
      if (!(err instanceof TransactionRefused)) throw err;
      await refused?.();
    }
  }
  throw new Conflict('Nhiều quyết định đang được ký cùng lúc, vui lòng thử lại', undefined, 'numbering_busy');
};

/** What a reservation answers. */
export interface Reserved {
  sequence: string;
  number: number;
  numberText: string;
  state: 'reserved';
}

/**
 * The integration route's use case: the văn thư (signed in as a secretariat account, or its
 * document-management system with an API key — `reserveInRegister`) reserves a number of a body that
 * keeps its own register; signing later confirms it.
 */
export const reserveNumber = async (
  d: CommendationDeps,
  identity: Identity,
  input: ReservationInput,
  now: Date,
  seal: Seal<Reserved>,
) => {
  requireAllowed(identity, 'create', await provinceResource(d, identity.tenantId, 'register'));
  return reserveInRegister(d, identity.tenantId, input, now, async (r) => seal(r));
};

export interface ReservationInput {
  campaignId: string;
  issuingBodyId: string;
  number: number;
  year: number;
  series: RegisterSeries;
  ref: string;
}

/**
 * A reservation once its caller is authorized: the slot is written only if absent, with the counter moved
 * past it, in one transaction with what `close` adds (the request's answer, the caller's audit event).
 */
export const reserveInRegister = async (
  d: CommendationDeps,
  tenantId: string,
  input: ReservationInput,
  now: Date,
  close: (result: Reserved) => Promise<TxItem[]>,
): Promise<Reserved> => {
  const { body } = await storedIssuingBody(d, tenantId, input.campaignId, input.issuingBodyId, now);
  if (registerModeOf(body) !== 'external')
    throw new RuleViolation(
      `${body.name} dùng sổ đăng ký của hệ thống: không giữ số từ bên ngoài`,
      [{ path: 'issuingBodyId', message: 'Cơ quan ban hành không tự quản lý sổ đăng ký' }],
      'register_not_external',
    );
  const seq: NumberSequence = {
    kind: 'decision',
    issuingBodyId: body.id,
    year: input.year,
    series: input.series,
  };
  const sequence = sequenceId(seq);
  const current = await d.commendations.counter(tenantId, sequence);
  const result: Reserved = {
    sequence,
    number: input.number,
    numberText: formatNumber(input.number, body.decisionSymbol),
    state: 'reserved',
  };
  await writeOnce(
    d,
    [
      ...d.commendations.registerItems(
        tenantId,
        planReservation(seq, input.number, current),
        `reserved#${input.ref}`,
        now.toISOString(),
      ),
      ...(await close(result)),
    ],
    'Sổ đăng ký',
    () =>
      new Conflict(
        `Số ${result.numberText} năm ${input.year} đã được giữ hoặc đã dùng`,
        undefined,
        'number_taken',
      ),
  );
  return result;
};
