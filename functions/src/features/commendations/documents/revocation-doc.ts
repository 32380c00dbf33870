import {
  type CommendationConfig,
  type IssuingBody,
  type Revocation,
  vnDateWords,
} from '@thidua/shared/commendation';
import { honorificName, signerInWords, whomPhrase } from './decision-doc';
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
} from './layout';

export interface RevocationDocInput {
  config: Pick<CommendationConfig, 'secretariatName'>;
  issuingBody: IssuingBody;
  revocation: Revocation;
  decisionSignedOn: string;
  /** The office holder who signs; without it, the head's title over the recorded signer's name. */
  signature?: Signature;
  /** Whose proposal the act answers; default the province's secretariat (the standing body). */
  proposal?: string;
}

/** The quyết định thu hồi: the original decision is named, never altered. */
/** The document as blocks: rendered as DOCX here, as PDF by the documents group. */
export const revocationDocument = (x: RevocationDocInput): DocModel => {
  const b = x.issuingBody;
  const r = x.revocation;
  const who = honorificName(r.entry);
  const original = `Quyết định số ${r.decisionNumberText} ${vnDateWords(x.decisionSignedOn)} của ${signerInWords(b)}`;
  const children: FileChild[] = [
    header({
      bodyLines: b.headerLines,
      superiorLines: b.superiorLines,
      numberLine: `Số: ${r.numberText}`,
      placeDate: `${b.place}, ${vnDateWords(r.signedOn)}`,
    }),
    ...title('Quyết định', [`Về việc thu hồi ${r.entry.awardTypeName} đã tặng cho ${who}`]),
    para(b.authorityLine, { align: 'center', bold: true, before: 120, after: 240 }),
    ...legalBases([
      ...b.competenceBases,
      'Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022',
      ...(r.legalBasis ? [r.legalBasis] : []),
      original,
    ]),
    body(x.proposal ?? `Xét đề nghị của ${x.config.secretariatName} (cơ quan thường trực).`, {
      italics: true,
    }),
    para('QUYẾT ĐỊNH:', { align: 'center', bold: true, before: 240, after: 240 }),
    article(
      1,
      `Thu hồi ${r.entry.awardTypeName} đã tặng cho ${who} (${r.entry.unitName}) tại ${original}. Lý do: ${r.reason}`,
    ),
    article(
      2,
      'Quyết định này có hiệu lực kể từ ngày ký. Các nội dung khác của Quyết định nêu tại Điều 1 giữ nguyên hiệu lực.',
    ),
    article(
      3,
      `Thủ trưởng ${x.config.secretariatName}, các cơ quan, đơn vị và ${whomPhrase([r.entry])} có tên tại Điều 1 chịu trách nhiệm thi hành Quyết định này./.`,
    ),
    closing(
      ['Như Điều 3', 'Lưu: VT'],
      x.signature ?? { onBehalf: b.signatureOnBehalf, title: b.signerTitle, name: r.signerName },
    ),
  ];
  return document([children], `Quyết định ${r.numberText}`);
};
