import {
  type CommendationConfig,
  type DecisionEntry,
  type IssuingBody,
  type ListEntry,
  vnDateWords,
} from '@thidua/shared/commendation';
import { attachedTo, nomineePlace, nomineeTable } from './annex';

import {
  article,
  body,
  closing,
  type DocModel,
  document,
  type FileChild,
  header,
  legalBases,
  para,
  type Signature,
  title,
  vnNumber,
} from './layout';

export interface DecisionDocInput {
  config: Pick<CommendationConfig, 'movementTitle' | 'planBasis' | 'councilName' | 'secretariatName'>;
  issuingBody: IssuingBody;
  /** General bases of the rule set the decision is made under. */
  ruleBases: readonly string[];
  numberText: string;
  signedOn: string;
  /** The office holder who signs (head, or a deputy "KT."), never the user who clicked. */
  signature: Signature;
  /** "Biên bản số 03/BB-HĐTĐKT ngày ..." of the council session. */
  minutesRef: string;
  /** Whose proposal the decision answers, where no council voted (a head's decision): replaces the council line. */
  proposal?: string;
  entries: readonly DecisionEntry[];
  /** An unsigned draft for reading before signing: "DỰ THẢO" above the title, the number left blank. */
  draft?: boolean;
  /** The tenant signs on paper (ADR 0032): the electronic file says its original is the paper copy. */
  paperOriginal?: boolean;
}

/** What a decision issued without digital signature says of itself (Decree 30/2020 Art. 13). */
export const PAPER_ORIGINAL_NOTE =
  'Bản gốc của Quyết định này là bản giấy có chữ ký, đóng dấu, lưu tại văn thư; văn bản điện tử này là bản sao để công bố.';

const twoDigits = (n: number): string => (n < 10 ? `0${n}` : String(n));

/** "03 tập thể và 02 cá nhân". */
export const countPhrase = (entries: readonly Pick<ListEntry, 'nomineeKind'>[]): string => {
  const c = entries.filter((e) => e.nomineeKind === 'collective').length;
  const i = entries.length - c;
  return [c ? `${twoDigits(c)} tập thể` : '', i ? `${twoDigits(i)} cá nhân` : '']
    .filter(Boolean)
    .join(' và ');
};

/**
 * Whom a document is about, by count: "cá nhân" for one person, "tập thể" for one collective, "các cá nhân"
 * / "các tập thể" for several of one kind, "các tập thể, cá nhân" only for a mix.
 */
export const whomPhrase = (entries: readonly Pick<ListEntry, 'nomineeKind'>[]): string => {
  const c = entries.filter((e) => e.nomineeKind === 'collective').length;
  const i = entries.length - c;
  if (c && i) return 'các tập thể, cá nhân';
  if (c) return c === 1 ? 'tập thể' : 'các tập thể';
  return i === 1 ? 'cá nhân' : 'các cá nhân';
};

/**
 * "Ông Nguyễn Văn An" / "Bà …" from the dossier's gender. Dossiers made before the form asked for it
 * keep the neutral "Ông/Bà" the documents printed then.
 */
export const honorificName = (
  e: Pick<ListEntry, 'nomineeKind' | 'nomineeName' | 'nomineeGender'>,
): string => {
  if (e.nomineeKind === 'collective') return e.nomineeName;
  const h = e.nomineeGender === 'female' ? 'Bà' : e.nomineeGender === 'male' ? 'Ông' : 'Ông/Bà';
  return `${h} ${e.nomineeName}`;
};

/** Awardees grouped by award type, highest first, keeping the agenda order inside a group. */
const byAward = (entries: readonly DecisionEntry[]): DecisionEntry[][] => {
  const groups = new Map<string, DecisionEntry[]>();
  for (const e of entries) groups.set(e.awardTypeId, [...(groups.get(e.awardTypeId) ?? []), e]);
  return [...groups.values()];
};

const who = (e: ListEntry): string =>
  e.nomineeBirthDate ? `${honorificName(e)}, sinh năm ${e.nomineeBirthDate.slice(0, 4)}` : honorificName(e);

/** The annex: the awardees, collectives then individuals, per award type, with a total. */
export const annexRows = (awarded: readonly DecisionEntry[]): string[][] => {
  const rows: string[][] = [];
  let n = 0;
  for (const group of byAward(awarded)) {
    const award = group[0]?.awardTypeName ?? '';
    rows.push(['', `${award.toUpperCase()} (${countPhrase(group)})`, '', '']);
    for (const kind of ['collective', 'individual'] as const) {
      const part = group.filter((e) => e.nomineeKind === kind);
      if (!part.length) continue;
      rows.push(['', kind === 'collective' ? 'Tập thể' : 'Cá nhân', '', '']);
      for (const e of part) {
        n += 1;
        rows.push([String(n), who(e), nomineePlace(e), award]);
      }
    }
  }
  rows.push(['', `Tổng cộng: ${countPhrase(awarded)}`, '', '']);
  return rows;
};

export const decisionSubject = (
  config: DecisionDocInput['config'],
  awarded: readonly DecisionEntry[],
): string => {
  const awards = [...new Set(awarded.map((e) => e.awardTypeName))].join(', ');
  return `Về việc tặng ${awards} cho ${whomPhrase(awarded)} có thành tích xuất sắc trong ${config.movementTitle}`;
};

const capitalise = (s: string): string => `${s.charAt(0).toUpperCase()}${s.slice(1)}`;

/** "Chủ tịch Ủy ban nhân dân tỉnh Bình Phước". */
export const signerInWords = (b: IssuingBody): string => {
  const t = b.signerTitle.toLowerCase();
  return `${t.charAt(0).toUpperCase()}${t.slice(1)} ${b.name}`;
};

/** Article 1: one sentence for one award type, else a lead-in and one numbered line per award type. */
const articleOne = (d: DecisionDocInput, awarded: readonly DecisionEntry[]) => {
  const groups = byAward(awarded);
  const [only] = groups;
  if (groups.length === 1 && only) {
    return [
      article(
        1,
        `Tặng ${only[0]?.awardTypeName} cho ${countPhrase(only)} đã có thành tích xuất sắc trong ${d.config.movementTitle} (có danh sách kèm theo).`,
      ),
    ];
  }
  return [
    article(
      1,
      `Khen thưởng ${whomPhrase(awarded)} đã có thành tích xuất sắc trong ${d.config.movementTitle}, cụ thể:`,
    ),
    ...groups.map((g, i) => body(`${i + 1}. Tặng ${g[0]?.awardTypeName} cho ${countPhrase(g)};`)),
    body('(có danh sách kèm theo).'),
  ];
};

/** The quyết định khen thưởng with its annex (new page). Only awarded entries are printed. */
/** The document as blocks: rendered as DOCX here, as PDF by the documents group. */
export const decisionDocument = (d: DecisionDocInput): DocModel => {
  const awarded = d.entries.filter((e) => e.outcome === 'awarded');
  const b = d.issuingBody;
  const dateWords = vnDateWords(d.signedOn);
  const subject = decisionSubject(d.config, awarded);
  const main: FileChild[] = [
    header({
      bodyLines: b.headerLines,
      superiorLines: b.superiorLines,
      numberLine: `Số: ${d.numberText}`,
      placeDate: `${b.place}, ${dateWords}`,
    }),
    ...(d.draft ? [para('DỰ THẢO', { align: 'center', bold: true, before: 240, after: 0 })] : []),
    ...title('Quyết định', [subject]),
    para(b.authorityLine, { align: 'center', bold: true, before: 120, after: 240 }),
    ...legalBases([...b.competenceBases, ...d.ruleBases, d.config.planBasis]),
    body(
      d.proposal ??
        `Xét đề nghị của ${d.config.councilName} tại ${d.minutesRef} và của ${d.config.secretariatName} (cơ quan thường trực).`,
      { italics: true },
    ),
    para('QUYẾT ĐỊNH:', { align: 'center', bold: true, before: 240, after: 240 }),
    ...articleOne(d, awarded),
    article(2, 'Quyết định này có hiệu lực kể từ ngày ký.'),
    article(
      3,
      `Chánh Văn phòng Ủy ban nhân dân tỉnh, Thủ trưởng ${d.config.secretariatName} (cơ quan thường trực), Thủ trưởng các cơ quan, đơn vị có liên quan và ${whomPhrase(awarded)} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    ),
    closing(['Như Điều 3', d.config.councilName, 'Cổng thông tin điện tử tỉnh', 'Lưu: VT'], d.signature),
    ...(d.paperOriginal ? [para(PAPER_ORIGINAL_NOTE, { italics: true, before: 240, size: 12 })] : []),
  ];
  const annex: FileChild[] = [
    para('DANH SÁCH', { align: 'center', bold: true, after: 0 }),
    para(`${capitalise(whomPhrase(awarded))} được khen thưởng trong ${d.config.movementTitle}`, {
      align: 'center',
      bold: true,
      after: 0,
    }),
    attachedTo(`Quyết định số ${d.numberText} ${dateWords} của ${signerInWords(b)}`),
    nomineeTable(
      { header: 'Hình thức khen thưởng', widthPercent: 22 },
      { name: 37, place: 33 },
      annexRows(awarded),
    ),
    para(`Danh sách có ${vnNumber(awarded.length)} trường hợp.`, { italics: true, before: 120, size: 13 }),
  ];
  return document([main, annex], `Quyết định ${d.numberText}`);
};
