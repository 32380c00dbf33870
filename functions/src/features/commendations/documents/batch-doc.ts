import { type Batch, type CommendationConfig, countByAward, vnDateWords } from '@thidua/shared/commendation';
import { attachedTo, nomineePlace, nomineeTable } from './annex';
import { countPhrase } from './decision-doc';
import {
  body,
  closing,
  type DocModel,
  document,
  type FileChild,
  header,
  para,
  placeName,
  run,
  type Signature,
  title,
} from './layout';

export interface BatchDocInput {
  config: Pick<CommendationConfig, 'movementTitle' | 'planBasis' | 'secretariatName'>;
  batch: Pick<Batch, 'unitName' | 'entries' | 'reference' | 'summary'>;
  /** The province the tờ trình goes to: "Ủy ban nhân dân tỉnh Bình Phước". */
  recipient: string;
  submittedOn: string;
  /** The unit's office holder who signs (TM. ỦY BAN NHÂN DÂN), never the reviewer who sent it. */
  signature: Signature;
}

/** The district's tờ trình đề nghị khen thưởng, with its list. */
/** The document as blocks: rendered as DOCX here, as PDF by the documents group. */
export const batchDocument = (t: BatchDocInput): DocModel => {
  const unit = t.batch.unitName;
  const counts = countByAward(t.batch.entries);
  const children: FileChild[] = [
    header({
      bodyLines: ['ỦY BAN NHÂN DÂN', unit.toUpperCase()],
      numberLine: `Số: ${t.batch.reference || '      /TTr-UBND'}`,
      placeDate: `${placeName(unit)}, ${vnDateWords(t.submittedOn)}`,
    }),
    ...title('Tờ trình', [`Về việc đề nghị khen thưởng trong ${t.config.movementTitle}`]),
    para(
      [
        run('Kính gửi: ', { italics: true }),
        run(`${t.recipient} (qua ${t.config.secretariatName} - cơ quan thường trực).`),
      ],
      {
        align: 'center',
        after: 240,
      },
    ),
    body(`Căn cứ ${t.config.planBasis};`, { italics: true }),
    body(
      `Trên cơ sở kết quả bình xét của các đơn vị, Ủy ban nhân dân ${unit} kính trình ${t.recipient} xem xét, khen thưởng cho ${countPhrase(t.batch.entries)} có thành tích xuất sắc, cụ thể:`,
    ),
    ...counts.map((c, i) =>
      body(
        `${i + 1}. ${c.awardTypeName}: ${countPhrase([...Array(c.collective).fill({ nomineeKind: 'collective' }), ...Array(c.individual).fill({ nomineeKind: 'individual' })])}.`,
      ),
    ),
    ...(t.batch.summary ? [body(t.batch.summary)] : []),
    body('(Có danh sách và hồ sơ kèm theo)', { italics: true }),
    body(`Ủy ban nhân dân ${unit} kính trình ${t.recipient} xem xét, quyết định./.`),
    closing(['Như trên', 'Lưu: VT'], t.signature),
  ];
  const list: FileChild[] = [
    para('DANH SÁCH ĐỀ NGHỊ KHEN THƯỞNG', { align: 'center', bold: true, after: 0 }),
    attachedTo(`Tờ trình của Ủy ban nhân dân ${unit}`),
    nomineeTable({ header: 'Hình thức đề nghị', widthPercent: 28 }, { name: 32, place: 32 }, [
      ...t.batch.entries.map((e, i) => [String(i + 1), e.nomineeName, nomineePlace(e), e.awardTypeName]),
      ['', `Tổng cộng: ${countPhrase(t.batch.entries)}`, '', ''],
    ]),
  ];
  return document([children, list], `Tờ trình ${unit}`);
};
