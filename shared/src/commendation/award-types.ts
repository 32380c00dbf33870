import * as z from 'zod';
import { CalendarDate, Id } from '../common';
import { CertificateBlank } from './certificate';
import { RegisterMode } from './numbering';

/**
 * Award types and the rules attached to them are configuration, never constants in code: every number
 * below carries the legal basis it comes from and the dates it is in force, because the law changed
 * (Law 06/2022/QH15 in force 1/1/2024; Decree 98/2023/NĐ-CP replaced by Decree 152/2025/NĐ-CP from
 * 1/7/2025) and a dossier opened under one rule set keeps it.
 */

export const LegalBasis = z.object({
  /** Short reference as written in a "Căn cứ" line: `Luật Thi đua, khen thưởng số 06/2022/QH15`. */
  ref: z.string().min(1).max(300),
  /** Article or clause the number comes from, if any: `Điều 23`. */
  article: z.string().max(200).default(''),
  effectiveFrom: CalendarDate,
  effectiveTo: CalendarDate.nullable(),
  /** True when the figure has not been checked against the official text: configuration to verify. */
  toVerify: z.boolean().default(false),
  /** What kind of text it is, for finding the bases of a kind in force on a day (`law_tdkt`, `law_lolg`). */
  tag: z
    .string()
    .regex(/^[a-z][a-z0-9_]{1,39}$/)
    .optional(),
  /** What was checked and against which public text, or what remains to check (shown with "cần đối chiếu"). */
  note: z.string().max(1000).optional(),
});
export type LegalBasis = z.infer<typeof LegalBasis>;

export const NomineeKind = z.enum(['collective', 'individual']);
export type NomineeKind = z.infer<typeof NomineeKind>;

export const NomineeGender = z.enum(['male', 'female']);
export type NomineeGender = z.infer<typeof NomineeGender>;

export const AwardFor = z.enum(['collective', 'individual', 'both']);
export type AwardFor = z.infer<typeof AwardFor>;

/** Parts of a nomination dossier the rules may require. */
export const dossierParts = ['to_trinh', 'bao_cao_thanh_tich', 'bien_ban', 'evidence'] as const;
export const DossierPart = z.enum(dossierParts);
export type DossierPart = z.infer<typeof DossierPart>;

export const dossierPartNames: Record<DossierPart, string> = {
  to_trinh: 'Tờ trình đề nghị khen thưởng',
  bao_cao_thanh_tich: 'Báo cáo thành tích',
  bien_ban: 'Biên bản họp xét khen thưởng',
  evidence: 'Tài liệu minh chứng',
};

/**
 * How the council decides: agree votes as a share of the denominator must reach the threshold, and the
 * members who voted as a share of all members must reach the quorum.
 */
export const VoteRule = z.object({
  thresholdPercent: z.number().min(0).max(100),
  /** `gte`: at least the threshold; `gt`: strictly more (e.g. "trên 50%"). */
  comparison: z.enum(['gte', 'gt']).default('gte'),
  quorumPercent: z.number().min(0).max(100),
  denominator: z.enum(['present', 'all_members']),
  /**
   * Whether a member may abstain ("không biểu quyết") on this award type, as the council's rules say. An
   * abstention is a paper cast (the member is present) that is neither agree nor disagree.
   */
  allowAbstain: z.boolean().optional(),
  legalBasis: LegalBasis,
});
export type VoteRule = z.infer<typeof VoteRule>;

export const Prerequisite = z.object({
  kind: z.literal('consecutive_years'),
  /** Any of these titles counts (e.g. a lower title of the same line). */
  titleIds: z.array(Id).min(1),
  years: z.number().int().min(1).max(10),
  /** The run of years must end in the year before the campaign year (the usual rule) or in it. */
  endingIn: z.enum(['previous_year', 'campaign_year']).default('previous_year'),
  legalBasis: LegalBasis,
});
export type Prerequisite = z.infer<typeof Prerequisite>;

export const QuotaCap = z.discriminatedUnion('kind', [
  z.object({
    kind: z.literal('share_of'),
    /** Cap = floor(percent × number of nominations for these lower titles in the scope). */
    percent: z.number().min(0).max(100),
    ofTitleIds: z.array(Id).min(1),
    scope: z.enum(['campaign', 'proposing_unit']),
    legalBasis: LegalBasis,
  }),
  z.object({
    kind: z.literal('absolute'),
    max: z.number().int().min(0),
    scope: z.enum(['campaign', 'proposing_unit']),
    legalBasis: LegalBasis,
  }),
]);
export type QuotaCap = z.infer<typeof QuotaCap>;

/** One dated edition of an issuing body: what it was called and on which bases it acted, from/to. */
export const IssuingBodyEdition = z.object({
  effectiveFrom: CalendarDate,
  /** Last day in force (inclusive); null while in force. */
  effectiveTo: CalendarDate.nullable(),
  headerLines: z.array(z.string().min(1)).min(1).max(3).optional(),
  superiorLines: z.number().int().min(0).max(2).optional(),
  shortName: z.string().min(1).optional(),
  name: z.string().min(1).optional(),
  place: z.string().min(1).optional(),
  authorityLine: z.string().min(1).optional(),
  /** Its competence bases, each dated and tagged; printed in order as the first "Căn cứ" lines. */
  bases: z.array(LegalBasis),
});
export type IssuingBodyEdition = z.infer<typeof IssuingBodyEdition>;

/** Who issues the decision: drives the header of the documents and the decision number sequence. */
export const IssuingBody = z.object({
  id: Id,
  /** Header lines at the top left, in capitals, e.g. ["ỦY BAN NHÂN DÂN", "TỈNH BÌNH PHƯỚC"]. */
  headerLines: z.array(z.string().min(1)).min(1).max(3),
  /** How many first header lines name the directly superior body (printed upright, not bold). */
  superiorLines: z.number().int().min(0).max(2).default(0),
  /** The short name heading its council's documents above the council: "UBND TỈNH BÌNH PHƯỚC". */
  shortName: z.string().min(1).optional(),
  /** Name as used in sentences: "Ủy ban nhân dân tỉnh Bình Phước". */
  name: z.string().min(1),
  /** Symbol after the number of a decision: `QĐ-UBND` → "Số: 123/QĐ-UBND". */
  decisionSymbol: z.string().regex(/^[A-ZĐ0-9-]+$/),
  /** Symbol of the council's minutes: `BB-HĐTĐKT`. */
  minutesSymbol: z.string().regex(/^[A-ZĐ0-9-]+$/),
  /**
   * Who keeps its register of documents (Decree 30/2020, Art. 15): `product` (absent) — this product
   * numbers its decisions; `external` — its văn thư gives number and date (entered at signing or reserved
   * through the register's integration route). See `planRegisterClaim`.
   */
  registerMode: RegisterMode.optional(),
  /** Place name for the date line: "Bình Phước, ngày ...". */
  place: z.string().min(1),
  /** Signature block: "TM. ỦY BAN NHÂN DÂN" / "CHỦ TỊCH". */
  signatureOnBehalf: z.string(),
  signerTitle: z.string().min(1),
  /** The authority line under a decision's title: "CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC". */
  authorityLine: z.string().min(1),
  /** Legal bases for the body's competence, printed as the first "Căn cứ" lines. */
  competenceBases: z.array(z.string().min(1)),
  /**
   * A body of every unit of a level (each commune's UBND, each department): configured once, made
   * concrete for the issuing unit by `issuingBodyOfUnit` — `{unit}` / `{UNIT}` in its names and lines
   * become the unit's name as written / in capitals — with a register of its own (`<id>__<unitId>`).
   */
  unitScoped: z.boolean().optional(),
  /** The level it issues at (`province`, `commune`, `department`), as data for lists and the screens. */
  level: z
    .string()
    .regex(/^[a-z][a-z_]{1,31}$/)
    .optional(),
  /**
   * The body as it was on a day: names, header and the competence bases change (a province merged, a law
   * replaced). The edition in force on a document's date overrides the fields above (`issuingBodyOn`).
   */
  editions: z.array(IssuingBodyEdition).optional(),
});
export type IssuingBody = z.infer<typeof IssuingBody>;

export const AwardType = z.object({
  id: Id,
  name: z.string().min(1).max(200),
  /** Higher rank = higher title; used to order lists and annexes. */
  rank: z.number().int(),
  /** Level of the issuing authority, as data (`province`, `steering_committee`, `grassroots` ...). */
  level: z.string().regex(/^[a-z][a-z_]{1,31}$/),
  for: AwardFor,
  /** False for titles that only serve as prerequisites and are not awarded through this product. */
  awardedHere: z.boolean().default(true),
  issuingBodyId: Id.nullable(),
  legalBases: z.array(LegalBasis),
  effectiveFrom: CalendarDate,
  effectiveTo: CalendarDate.nullable(),
  voteRule: VoteRule.nullable(),
  /**
   * Who decides (Law 06/2022/QH15: the head decides, with the advice of the unit's emulation council where
   * its rules require one): `council` (absent) — a council session votes, then the head signs; `head` —
   * the head of the issuing unit decides on the proposals alone (Giấy khen, Lao động tiên tiến…).
   */
  decidedBy: z.enum(['council', 'head']).optional(),
  /** Working days the proposed list stays public before the council meets; 0 = no disclosure. */
  disclosureWorkingDays: z.number().int().min(0).max(60),
  prerequisites: z.array(Prerequisite).default([]),
  quotas: z.array(QuotaCap).default([]),
  requiredDossierParts: z.array(DossierPart).default([]),
});
export type AwardType = z.infer<typeof AwardType>;

/** A rule set: what was in force during a period. A dossier keeps the rule set it was opened under. */
export const RuleSet = z.object({
  id: Id,
  name: z.string(),
  effectiveFrom: CalendarDate,
  effectiveTo: CalendarDate.nullable(),
  /** General bases printed on the decisions made under this rule set. */
  legalBases: z.array(LegalBasis),
  awardTypes: z.array(AwardType).min(1),
});
export type RuleSet = z.infer<typeof RuleSet>;

/** The commendation configuration of one campaign. */
export const CommendationConfig = z.object({
  campaignId: Id,
  year: z.number().int().min(2000).max(2100),
  /** The movement as named in documents: "phong trào thi đua thực hiện công tác ... năm 2023". */
  movementTitle: z.string().min(1),
  /** The plan that launched it, printed among the "Căn cứ" lines. */
  planBasis: z.string().min(1),
  councilName: z.string().min(1),
  /** The standing agency that prepares the dossiers ("Công an tỉnh"). */
  secretariatName: z.string().min(1),
  ruleSets: z.array(RuleSet).min(1),
  /** Award types offered by this campaign (ids into the rule set). */
  offeredAwardTypeIds: z.array(Id).min(1),
  issuingBodies: z.array(IssuingBody).min(1),
  /** Public holidays (days off) per year, `yyyy-MM-dd`. Configured yearly: Tết moves. */
  holidays: z.array(CalendarDate),
  /** Whether nominations held by an intermediate level must go up consolidated in one batch. */
  consolidateAtIntermediateLevels: z.boolean().default(true),
  /** The pre-printed blanks certificates are printed on, with the place of each field (mm). */
  certificateBlanks: z.array(CertificateBlank).optional(),
});
export type CommendationConfig = z.infer<typeof CommendationConfig>;

const inRange = (from: string, to: string | null, on: string): boolean =>
  from <= on && (to === null || on <= to);

/** The rule set in force on a date (the date the dossier was opened). */
export const ruleSetOn = (config: CommendationConfig, on: string): RuleSet | null =>
  config.ruleSets.find((r) => inRange(r.effectiveFrom, r.effectiveTo, on)) ?? null;

/** An award type as the given rule set defines it, if it exists in that rule set. */
export const findAwardType = (ruleSet: RuleSet, awardTypeId: string): AwardType | null =>
  ruleSet.awardTypes.find((a) => a.id === awardTypeId) ?? null;

export const findIssuingBody = (config: CommendationConfig, id: string): IssuingBody | null =>
  config.issuingBodies.find((b) => b.id === id) ?? null;

/** The bases of a list in force on a day (effectiveTo inclusive). */
export const basesInForce = (bases: readonly LegalBasis[], on: string): LegalBasis[] =>
  bases.filter((b) => inRange(b.effectiveFrom, b.effectiveTo, on));

/**
 * An issuing body as it was on `on` (a document's date): the edition in force overrides its names and
 * header, and its bases in force on that day become the competence lines. `bases` carries them with
 * their tags and verification marks (for the screen's "cần đối chiếu"). A body without editions is as
 * configured. No edition in force on the day: the body's own fields (an older configuration).
 */
export const issuingBodyOn = (body: IssuingBody, on: string): IssuingBody & { bases: LegalBasis[] } => {
  const edition = (body.editions ?? []).find((e) => inRange(e.effectiveFrom, e.effectiveTo, on));
  if (!edition) return { ...body, bases: [] };
  const { effectiveFrom: _f, effectiveTo: _t, bases: all, ...fields } = edition;
  const bases = basesInForce(all, on);
  const defined = Object.fromEntries(Object.entries(fields).filter(([, v]) => v !== undefined));
  return { ...body, ...defined, competenceBases: bases.map((b) => b.ref), bases };
};

/** `ubnd-xa__<unit>`: the id — and register — of a unit-scoped body made concrete for one unit. */
export const unitBodyId = (bodyId: string, unitId: string): string => `${bodyId}__${unitId}`;

/** The configured body and the unit a stored issuing-body id names (no unit: not unit-scoped). */
export const splitUnitBodyId = (id: string): { bodyId: string; unitId: string | null } => {
  const at = id.indexOf('__');
  return at < 0 ? { bodyId: id, unitId: null } : { bodyId: id.slice(0, at), unitId: id.slice(at + 2) };
};

const fill = (text: string, unitName: string): string =>
  text.replaceAll('{unit}', unitName).replaceAll('{UNIT}', unitName.toLocaleUpperCase('vi'));

/**
 * A unit-scoped body (each commune's UBND) made concrete for one issuing unit: its names and lines name
 * the unit, and its id — hence its register — is the unit's own. A body that is not unit-scoped is
 * returned unchanged.
 */
export const issuingBodyOfUnit = (body: IssuingBody, unit: { id: string; name: string }): IssuingBody => {
  if (!body.unitScoped) return body;
  const f = (t: string) => fill(t, unit.name);
  const opt = (t: string | undefined) => (t === undefined ? undefined : f(t));
  return {
    ...body,
    id: unitBodyId(body.id, unit.id),
    headerLines: body.headerLines.map(f),
    ...(body.shortName ? { shortName: f(body.shortName) } : {}),
    name: f(body.name),
    place: f(body.place),
    signatureOnBehalf: f(body.signatureOnBehalf),
    signerTitle: f(body.signerTitle),
    authorityLine: f(body.authorityLine),
    competenceBases: body.competenceBases.map(f),
    editions: body.editions?.map((e) => ({
      ...e,
      ...(e.headerLines ? { headerLines: e.headerLines.map(f) } : {}),
      shortName: opt(e.shortName),
      name: opt(e.name),
      place: opt(e.place),
      authorityLine: opt(e.authorityLine),
    })),
  };
};

/** Who decides an award type: its council (the default) or the head of the issuing unit alone. */
export const decidedByOf = (a: Pick<AwardType, 'decidedBy'>): 'council' | 'head' => a.decidedBy ?? 'council';

/** A title's name in any rule set of the configuration (prerequisite titles are named in messages). */
export const titleName = (config: CommendationConfig, titleId: string): string => {
  for (const rs of config.ruleSets) {
    const a = rs.awardTypes.find((x) => x.id === titleId);
    if (a) return a.name;
  }
  return titleId;
};

export const awardTypeAllows = (awardType: Pick<AwardType, 'for'>, kind: NomineeKind): boolean =>
  awardType.for === 'both' || awardType.for === kind;

export const isInForce = (awardType: AwardType, on: string): boolean =>
  inRange(awardType.effectiveFrom, awardType.effectiveTo, on);

const normTitle = (s: string): string =>
  s.normalize('NFC').toLocaleLowerCase('vi').replace(/\s+/g, ' ').trim();

/**
 * The configured title a free-text entry names ("Chiến sĩ thi đua cơ sở năm 2022" → its id), longest
 * name first so "Chiến sĩ thi đua cấp tỉnh" is not read as a shorter title. Null when none matches.
 */
export const matchTitle =
  (config: CommendationConfig) =>
  (text: string): string | null => {
    const t = normTitle(text);
    const all = config.ruleSets.flatMap((r) => r.awardTypes).sort((a, b) => b.name.length - a.name.length);
    return all.find((a) => a.id === text.trim() || t.includes(normTitle(a.name)))?.id ?? null;
  };
