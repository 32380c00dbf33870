import {
  type AgendaItem,
  type CommendationConfig,
  type IssuingBody,
  type ItemResult,
  type MeetingRecord,
  type PublicComment,
  vnDateShort,
  vnDateWords,
} from '@thidua/shared/commendation';

import {
  body,
  type DocModel,
  dataTable,
  document,
  type FileChild,
  header,
  para,
  run,
  title,
  twoSignatures,
  vnNumber,
} from './layout';

export interface MinutesDocInput {
  config: Pick<CommendationConfig, 'movementTitle' | 'councilName' | 'secretariatName'>;
  issuingBody: IssuingBody;
  numberText: string;
  /** The day of the meeting (the day the vote closed). */
  heldOn: string;
  sessionTitle: string;
  memberCount: number;
  /** Names of the members who cast a ballot (attendance); never what they voted. */
  presentNames: readonly string[];
  agenda: readonly AgendaItem[];
  results: readonly ItemResult[];
  comments: readonly (PublicComment & { nomineeName: string | null })[];
  /** Disclosures closed before their last day, with the reason. */
  earlyClosures: readonly { title: string; reason: string }[];
  disclosures: readonly { title: string; opensOn: string; closesOn: string }[];
  chairName: string;
  secretaryName: string;
  /** Members who did not vote: named as absent. */
  absentNames?: readonly string[];
  /** Time, place, chair and secretary as entered at the close; without it the minutes say what is known. */
  meeting?: MeetingRecord;
}

/** "08:30" → "08 giờ 30". */
const clock = (hhmm: string): string => hhmm.replace(':', ' giờ ');

const pct = (x: number): string => `${vnNumber(x, 2)}%`;

/** The council's biên bản: attendance, the public comments received, the secret-ballot tallies. */
/** The document as blocks: rendered as DOCX here, as PDF by the documents group. */
export const minutesDocument = (m: MinutesDocInput): DocModel => {
  const b = m.issuingBody;
  const byId = new Map(m.agenda.map((a) => [a.nominationId, a]));
  const passed = m.results.filter((r) => r.passed).length;
  const mt = m.meeting;
  // The abstention column only where someone abstained (the award type's rule allowed it).
  const abstained = m.results.some((r) => (r.abstain ?? 0) > 0);
  const children: FileChild[] = [
    header({
      // The council under its province: "UBND TỈNH BÌNH PHƯỚC" upright, the council bold.
      bodyLines: [b.shortName ?? b.headerLines.join(' '), m.config.councilName.toUpperCase()],
      superiorLines: 1,
      numberLine: `Số: ${m.numberText}`,
      placeDate: `${b.place}, ${vnDateWords(m.heldOn)}`,
    }),
    ...title('Biên bản', [`Họp ${m.config.councilName}`, `xét khen thưởng trong ${m.config.movementTitle}`]),
    body(
      mt
        ? `Vào lúc ${clock(mt.startsAt)}, ${vnDateWords(m.heldOn)}, tại ${mt.place}, ${m.config.councilName} họp xét khen thưởng: ${m.sessionTitle}.`
        : `Hôm nay, ${vnDateWords(m.heldOn)}, ${m.config.councilName} họp xét khen thưởng: ${m.sessionTitle}.`,
    ),
    para('I. THÀNH PHẦN', { bold: true, before: 120 }),
    ...(mt
      ? [
          body(`Chủ trì: ${mt.chairName}, ${mt.chairTitle}.`),
          body(`Thư ký: ${mt.secretaryName}, ${mt.secretaryTitle}.`),
        ]
      : []),
    body(
      `Tổng số thành viên Hội đồng: ${vnNumber(m.memberCount)}; số thành viên tham gia bỏ phiếu: ${vnNumber(m.presentNames.length)} (${m.presentNames.join(', ')}).`,
    ),
    ...(m.absentNames?.length
      ? [body(`Vắng mặt: ${vnNumber(m.absentNames.length)} (${m.absentNames.join(', ')}).`)]
      : []),
    para('II. Ý KIẾN NHÂN DÂN TRONG THỜI GIAN CÔNG KHAI', { bold: true, before: 120 }),
    ...m.disclosures.map((d) =>
      body(
        `Danh sách "${d.title}" được công khai từ ngày ${vnDateShort(d.opensOn)} đến ngày ${vnDateShort(d.closesOn)}.`,
      ),
    ),
    ...m.earlyClosures.map((c) =>
      body(`Danh sách "${c.title}" kết thúc công khai trước thời hạn. Lý do: ${c.reason}`),
    ),
    ...(m.comments.length === 0
      ? [body('Không nhận được ý kiến nào.')]
      : [
          body(`Cơ quan thường trực nhận được ${vnNumber(m.comments.length)} ý kiến:`),
          dataTable(
            [
              { header: 'STT', widthPercent: 8, align: 'center' },
              { header: 'Ngày nhận', widthPercent: 16, align: 'center' },
              { header: 'Người gửi', widthPercent: 20 },
              { header: 'Về trường hợp', widthPercent: 20 },
              { header: 'Nội dung', widthPercent: 36 },
            ],
            m.comments.map((c, i) => [
              String(i + 1),
              vnDateShort(c.receivedAt.slice(0, 10)),
              c.authorName || 'Không ghi tên',
              c.nomineeName ?? 'Chung',
              c.body,
            ]),
          ),
        ]),
    para('III. KẾT QUẢ BỎ PHIẾU KÍN', { bold: true, before: 120 }),
    body(
      `Hội đồng biểu quyết bằng phiếu kín đối với ${vnNumber(m.agenda.length)} trường hợp; số phiếu phát ra và thu về: ${vnNumber(m.presentNames.length)}. Kết quả:`,
    ),
    dataTable(
      [
        { header: 'STT', widthPercent: 7, align: 'center' },
        { header: 'Tập thể / cá nhân', widthPercent: 27 },
        { header: 'Hình thức đề nghị', widthPercent: 20 },
        { header: 'Đồng ý', widthPercent: 9, align: 'center' },
        { header: 'Không đồng ý', widthPercent: 10, align: 'center' },
        ...(abstained ? [{ header: 'Không biểu quyết', widthPercent: 10, align: 'center' as const }] : []),
        { header: 'Tỷ lệ', widthPercent: 10, align: 'center' },
        { header: 'Kết quả', widthPercent: 17, align: 'center' },
      ],
      m.results.map((r, i) => {
        const a = byId.get(r.nominationId);
        return [
          String(i + 1),
          a
            ? `${a.nomineeName}${a.nomineeKind === 'individual' && a.nomineeTitle ? `, ${a.nomineeTitle}` : ''} (${a.unitName})`
            : r.nominationId,
          a?.awardTypeName ?? '',
          vnNumber(r.agree),
          vnNumber(r.disagree),
          ...(abstained ? [vnNumber(r.abstain ?? 0)] : []),
          pct(r.agreePercent),
          r.passed ? 'Đạt' : 'Không đạt',
        ];
      }),
    ),
    body(
      [
        run(
          `Kết luận: ${vnNumber(passed)}/${vnNumber(m.results.length)} trường hợp đạt tỷ lệ phiếu theo quy định, đề nghị ${b.signerTitle.toLowerCase()} xem xét, quyết định khen thưởng.`,
        ),
      ],
      { before: 120 },
    ),
    body(
      mt
        ? `Cuộc họp kết thúc lúc ${clock(mt.endsAt)} cùng ngày; biên bản đã được thông qua trước Hội đồng./.`
        : 'Biên bản kết thúc cùng ngày, đã thông qua trước Hội đồng./.',
    ),
    twoSignatures(
      { onBehalf: '', title: 'THƯ KÝ', name: mt?.secretaryName ?? m.secretaryName },
      { onBehalf: '', title: 'CHỦ TRÌ', name: mt?.chairName ?? m.chairName },
    ),
  ];
  return document([children], `Biên bản ${m.numberText}`);
};
