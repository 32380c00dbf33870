import { pdfaReport } from '@thidua/functions/kernel/pdf/pdfa-check';
import { type PdfLine, readPdf } from '@thidua/functions/kernel/pdf/read';
import { renderPdf } from '@thidua/functions/kernel/pdf/render';
import {
  commendationConfig2023,
  type DecisionEntry,
  findIssuingBody,
  type IssuingBody,
  tallyVotes,
} from '@thidua/shared/commendation';
import { strFromU8, unzipSync } from 'fflate';
import { describe, expect, it } from 'vitest';
import { awardeesXlsx } from './awardees-xlsx';
import { batchDocument } from './batch-doc';
import { decisionDocument } from './decision-doc';
import { batchDocx, decisionDocx, minutesDocx, revocationDocx } from './docx-files';
import { minColumnWidth, TEXT_WIDTH } from './layout';
import { minutesDocument } from './minutes-doc';
import { docxParagraphs, docxParagraphWeights, docxTableGrids, docxText, xlsxRows } from './read-office';
import { type RevocationDocInput, revocationDocument } from './revocation-doc';
import { signatureOf, signerOf } from './signer';

const config = commendationConfig2023('kh38-2023');
const body = findIssuingBody(config, 'ubnd-tinh') as IssuingBody;
const rule = config.ruleSets[0]?.awardTypes[2]?.voteRule;
if (!rule) throw new Error('config');

const entry = (i: number, over: Partial<DecisionEntry> = {}): DecisionEntry => ({
  nominationId: `n${i}`,
  unitId: 'tan-phu',
  unitName: 'Phường Tân Phú',
  nomineeKind: 'collective',
  nomineeName: `Công an phường số ${i}`,
  nomineeTitle: '',
  nomineeUnitName: 'Phường Tân Phú',
  awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
  awardTypeName: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
  outcome: 'awarded',
  reason: 'Đạt 3/3 phiếu đồng ý',
  agree: 3,
  denominatorCount: 3,
  agreePercent: 100,
  ...over,
});
const entries: DecisionEntry[] = [
  entry(1),
  entry(2, {
    nomineeKind: 'individual',
    nomineeName: 'Nguyễn Văn An',
    nomineeTitle: 'Trưởng Công an phường',
    nomineeUnitName: 'Công an phường Tân Bình',
  }),
  entry(3, { nomineeName: 'Công an xã Tiến Hưng', unitName: 'Xã Tiến Hưng', unitId: 'tien-hung' }),
  entry(4, { nomineeName: 'Không Đạt', outcome: 'not_awarded', reason: 'Không đạt: 1/3' }),
];

describe('quyết định khen thưởng (DOCX)', () => {
  it('reads like a decision: header, number, date, bases, articles, signature, annex with names and totals', async () => {
    const bytes = await decisionDocx({
      config,
      issuingBody: body,
      ruleBases: ['Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022'],
      numberText: '05/QĐ-UBND',
      signedOn: '2023-12-15',
      signature: { onBehalf: '', title: 'CHỦ TỊCH', name: 'Trần Tuệ Hiền' },
      minutesRef: 'Biên bản số 02/BB-HĐTĐKT ngày 14 tháng 12 năm 2023',
      entries,
    });
    const p = docxParagraphs(bytes);
    const text = p.join('\n');
    for (const line of [
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÌNH PHƯỚC',
      'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
      'Độc lập - Tự do - Hạnh phúc',
      'Số: 05/QĐ-UBND',
      'Bình Phước, ngày 15 tháng 12 năm 2023',
      'QUYẾT ĐỊNH',
      'CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC',
      'QUYẾT ĐỊNH:',
      'CHỦ TỊCH',
      'Trần Tuệ Hiền',
      'Nơi nhận:',
      '- Lưu: VT.',
      'DANH SÁCH',
    ]) {
      expect(p).toContain(line);
    }
    expect(text).toMatch(/Căn cứ Luật Tổ chức chính quyền địa phương/);
    expect(text).toMatch(/Căn cứ Kế hoạch số 38\/KH-UBND/);
    expect(text).toContain(
      'Điều 1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 02 tập thể và 01 cá nhân đã có thành tích xuất sắc',
    );
    expect(text).toContain('Điều 2.');
    expect(text).toContain('Điều 3.');
    expect(text).toContain(
      '(Kèm theo Quyết định số 05/QĐ-UBND ngày 15 tháng 12 năm 2023 của Chủ tịch Ủy ban nhân dân tỉnh Bình Phước)',
    );
    expect(p).toContain('Công an phường số 1');
    expect(p).toContain('Ông/Bà Nguyễn Văn An');
    expect(p).toContain('Trưởng Công an phường, Công an phường Tân Bình');
    expect(p).toContain('Tổng cộng: 02 tập thể và 01 cá nhân');
    expect(text).not.toContain('Không Đạt');
    // Times New Roman, 14 pt by default, A4.
    const xml = strFromU8(unzipSync(bytes)['word/styles.xml'] ?? new Uint8Array());
    expect(xml).toContain('Times New Roman');
    expect(strFromU8(unzipSync(bytes)['word/document.xml'] ?? new Uint8Array())).toContain('w:w="11907"');
  });
  it('lists one numbered line per award type when a session covers several', async () => {
    const bytes = await decisionDocx({
      config,
      issuingBody: body,
      ruleBases: [],
      numberText: '06/QĐ-UBND',
      signedOn: '2024-01-05',
      signature: { onBehalf: '', title: 'CHỦ TỊCH', name: 'Trần Tuệ Hiền' },
      minutesRef: 'Biên bản số 03/BB-HĐTĐKT',
      entries: [
        entry(1),
        entry(2, { awardTypeId: 'tap_the_lao_dong_xuat_sac', awardTypeName: 'Tập thể lao động xuất sắc' }),
      ],
    });
    const text = docxText(bytes);
    expect(text).toContain('Bình Phước, ngày 05 tháng 01 năm 2024');
    expect(text).toContain('1. Tặng Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh cho 01 tập thể;');
    expect(text).toContain('2. Tặng Tập thể lao động xuất sắc cho 01 tập thể;');
  });
});

describe('biên bản (DOCX)', () => {
  it('prints attendance, the public comments and the tallies — never who voted what', async () => {
    const agenda = entries.slice(0, 2).map((e) => ({ ...e, voteRule: rule }));
    const results = [
      { nominationId: 'n1', ...tallyVotes(rule, 3, ['agree', 'agree', 'disagree']) },
      { nominationId: 'n2', ...tallyVotes(rule, 3, ['agree', 'disagree', 'disagree']) },
    ];
    const bytes = await minutesDocx({
      config,
      issuingBody: body,
      numberText: '02/BB-HĐTĐKT',
      heldOn: '2023-12-14',
      sessionTitle: 'Khen thưởng phong trào năm 2023',
      memberCount: 3,
      presentNames: ['Lê Văn Một', 'Phạm Thị Hai', 'Đỗ Văn Ba'],
      agenda,
      results,
      comments: [
        {
          tenantId: 'binh-phuoc',
          id: 'c1',
          disclosureId: 'd1',
          nominationId: 'n1',
          authorName: 'Người dân',
          contact: 'secret@example.com',
          body: 'Tập thể này làm rất tốt.',
          receivedAt: '2023-12-05T03:00:00.000Z',
          nomineeName: 'Công an phường số 1',
        },
      ],
      earlyClosures: [],
      disclosures: [{ title: 'Danh sách đề nghị', opensOn: '2023-12-01', closesOn: '2023-12-15' }],
      chairName: 'Trần Tuệ Hiền',
      secretaryName: 'Nguyễn Thư Ký',
    });
    const p = docxParagraphs(bytes);
    const text = p.join('\n');
    expect(p).toContain('Số: 02/BB-HĐTĐKT');
    expect(p).toContain('BIÊN BẢN');
    expect(p).toContain('Bình Phước, ngày 14 tháng 12 năm 2023');
    expect(text).toContain('số thành viên tham gia bỏ phiếu: 3 (Lê Văn Một, Phạm Thị Hai, Đỗ Văn Ba)');
    expect(p).toContain('Tập thể này làm rất tốt.');
    expect(text).not.toContain('secret@example.com');
    expect(p).toContain('66,67%');
    expect(p).toContain('33,33%');
    expect(p).toContain('Đạt');
    expect(p).toContain('Không đạt');
    expect(text).toContain('Kết luận: 1/2 trường hợp đạt');
  });
});

/** Đồng Xoài's tờ trình of three entries, signed by its chair under TM. */
const dongXoaiBatch = () => ({
  config,
  batch: {
    unitName: 'Thành phố Đồng Xoài',
    entries: entries.slice(0, 3),
    reference: '45/TTr-UBND',
    summary: '',
  },
  recipient: 'Ủy ban nhân dân tỉnh Bình Phước',
  submittedOn: '2023-11-30',
  signature: { onBehalf: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Lê Văn Huyện' },
});

describe('tờ trình (DOCX)', () => {
  it("is the district's cover submission with its list and totals", async () => {
    const bytes = await batchDocx(dongXoaiBatch());
    const p = docxParagraphs(bytes);
    const text = p.join('\n');
    expect(p).toContain('THÀNH PHỐ ĐỒNG XOÀI');
    expect(p).toContain('Số: 45/TTr-UBND');
    expect(p).toContain('Đồng Xoài, ngày 30 tháng 11 năm 2023');
    expect(p).toContain('TỜ TRÌNH');
    expect(text).toContain('khen thưởng cho 02 tập thể và 01 cá nhân');
    expect(p).toContain('Công an xã Tiến Hưng');
    expect(p).toContain('Tổng cộng: 02 tập thể và 01 cá nhân');
  });
});

describe('danh sách khen thưởng (XLSX)', () => {
  it('holds one row per awardee with the decision number and date', () => {
    const rows = xlsxRows(awardeesXlsx({ numberText: '05/QĐ-UBND', signedOn: '2023-12-15', entries }));
    expect(rows[0]).toEqual([
      'STT',
      'Tên tập thể / Họ và tên',
      'Loại',
      'Chức vụ',
      'Đơn vị',
      'Hình thức khen thưởng',
      'Quyết định số',
      'Ngày ký',
    ]);
    expect(rows).toHaveLength(4);
    // A collective has no title: its column is left empty, the next ones stay in place.
    expect(rows[1]?.slice(2, 5)).toEqual(['Tập thể', '', rows[1]?.[4]]);
    expect(rows[1]?.[6]).toBe('05/QĐ-UBND');
    expect(rows[2]).toEqual([
      '2',
      'Nguyễn Văn An',
      'Cá nhân',
      'Trưởng Công an phường',
      'Công an phường Tân Bình',
      'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      '05/QĐ-UBND',
      '15/12/2023',
    ]);
    const files = unzipSync(awardeesXlsx({ numberText: '05/QĐ-UBND', signedOn: '2023-12-15', entries: [] }));
    expect(Object.keys(files)).toContain('xl/workbook.xml');
  });
});

/** The quyết định thu hồi of nominee 2 (its DOCX is read below, its PDF with the other PDFs). */
const revocationInput = (): RevocationDocInput => {
  const e = entry(2, { nomineeKind: 'individual', nomineeName: 'Nguyễn Văn An' });
  return {
    config,
    issuingBody: body,
    decisionSignedOn: '2023-12-15',
    revocation: {
      tenantId: 'binh-phuoc',
      id: 'r1',
      kind: 'revocation',
      decisionId: 'd1',
      decisionNumberText: '05/QĐ-UBND',
      nominationId: e.nominationId,
      issuingBodyId: 'ubnd-tinh',
      year: 2024,
      number: 3,
      numberText: '03/QĐ-UBND',
      signedOn: '2024-02-20',
      signedAt: '2024-02-20T03:00:00.000Z',
      signerId: 'chair',
      signerName: 'Trần Tuệ Hiền',
      reason: 'Kê khai thành tích không trung thực.',
      entry: e,
    },
  };
};

describe('quyết định thu hồi (DOCX)', () => {
  it('names the original decision, the awardee and the reason, under its own number', async () => {
    const bytes = await revocationDocx(revocationInput());
    const p = docxParagraphs(bytes);
    const text = p.join('\n');
    expect(p).toContain('Số: 03/QĐ-UBND');
    expect(p).toContain('Bình Phước, ngày 20 tháng 02 năm 2024');
    expect(text).toContain(
      'Về việc thu hồi Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh đã tặng cho Ông/Bà Nguyễn Văn An',
    );
    expect(text).toContain('Quyết định số 05/QĐ-UBND ngày 15 tháng 12 năm 2023');
    expect(text).toContain('Lý do: Kê khai thành tích không trung thực.');
    expect(p).toContain('Trần Tuệ Hiền');
  });
});

/** A session of three members on one nominee (2 agree, 1 disagrees): the minutes' common facts. */
const oneItemSession = () => ({
  config,
  issuingBody: body,
  numberText: '02/BB-HĐTĐKT',
  heldOn: '2023-12-14',
  sessionTitle: 'Phiên 1',
  memberCount: 3,
  presentNames: ['A', 'B', 'C'],
  agenda: entries.slice(0, 1).map((e) => ({ ...e, voteRule: rule })),
  results: [{ nominationId: 'n1', ...tallyVotes(rule, 3, ['agree', 'agree', 'disagree']) }],
  comments: [],
  earlyClosures: [],
  disclosures: [],
  chairName: 'Huỳnh Văn Quang',
  secretaryName: 'Nguyễn Thư Ký',
});

describe('layout facts (Decree 30/2020, read from the DOCX XML)', () => {
  const deputy = { onBehalf: '', delegatedBy: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Trần Tuệ Hiền' };
  it('a decision: both lines of the body bold, the number line, dated bases, KT. for a deputy, gender, wording by count', async () => {
    const decree152 = config.ruleSets.flatMap((r) => r.legalBases).find((b) => b.ref.includes('152/2025'));
    const bytes = await decisionDocx({
      config,
      issuingBody: body,
      ruleBases: decree152 ? [decree152.ref] : [],
      numberText: '06/QĐ-UBND',
      signedOn: '2026-01-05',
      signature: deputy,
      minutesRef: 'Biên bản số 03/BB-HĐTĐKT',
      entries: [
        entry(1, {
          nomineeKind: 'individual',
          nomineeName: 'Nguyễn Thị Hoa',
          nomineeGender: 'female',
          nomineeBirthDate: '1985-04-02',
        }),
      ],
    });
    const w = docxParagraphWeights(bytes);
    const weight = (t: string) => w.find((p) => p.text === t)?.bold;
    expect(weight('ỦY BAN NHÂN DÂN')).toBe(true);
    expect(weight('TỈNH BÌNH PHƯỚC')).toBe(true);
    expect(weight('Số: 06/QĐ-UBND')).toBe(false);
    const p = docxParagraphs(bytes);
    // Signature: "KT. CHỦ TỊCH" above "PHÓ CHỦ TỊCH", then the name.
    const kt = p.indexOf('KT. CHỦ TỊCH');
    expect(kt).toBeGreaterThan(0);
    expect(p.slice(kt, kt + 4).filter(Boolean)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Tuệ Hiền']);
    const text = p.join('\n');
    expect(text).toMatch(/Căn cứ Nghị định số 152\/2025\/NĐ-CP ngày \d{2} tháng \d{1,2} năm 2025/);
    expect(text).toContain('cho cá nhân có thành tích');
    expect(text).not.toContain('các tập thể, cá nhân');
    expect(p).toContain('Bà Nguyễn Thị Hoa, sinh năm 1985');
    expect(text).not.toContain('Ông/Bà');
  });
  it('the biên bản heads with the province (upright) over the council (bold); "Không đồng ý" never splits a word', async () => {
    const bytes = await minutesDocx({
      ...oneItemSession(),
      absentNames: ['D'],
      meeting: {
        place: 'Hội trường Ủy ban nhân dân tỉnh',
        startsAt: '08:00',
        endsAt: '10:30',
        chairName: 'Huỳnh Văn Quang',
        chairTitle: 'Chủ tịch Ủy ban nhân dân tỉnh, Chủ tịch Hội đồng',
        secretaryName: 'Lê Thư Ký',
        secretaryTitle: 'Phó Trưởng phòng Công an tỉnh',
      },
    });
    const text = docxText(bytes);
    for (const fact of [
      'Vào lúc 08 giờ 00, ngày 14 tháng 12 năm 2023, tại Hội trường Ủy ban nhân dân tỉnh, Hội đồng Thi đua - Khen thưởng tỉnh họp',
      'Chủ trì: Huỳnh Văn Quang, Chủ tịch Ủy ban nhân dân tỉnh, Chủ tịch Hội đồng.',
      'Thư ký: Lê Thư Ký, Phó Trưởng phòng Công an tỉnh.',
      'Vắng mặt: 1 (D).',
      'Cuộc họp kết thúc lúc 10 giờ 30 cùng ngày',
    ])
      expect(text).toContain(fact);
    const w = docxParagraphWeights(bytes);
    expect(w.find((p) => p.text === 'UBND TỈNH BÌNH PHƯỚC')?.bold).toBe(false);
    expect(w.find((p) => p.text === 'HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG TỈNH')?.bold).toBe(true);
    const grids = docxTableGrids(bytes);
    const tally = grids.find((g) => g.length === 7);
    expect(tally).toBeDefined();
    // The "Không đồng ý" column holds its longest word ("Không" in bold 13 pt) whole (it was 10%: too narrow).
    expect(tally?.[4]).toBeGreaterThanOrEqual(minColumnWidth(['Không']));
    expect(tally?.[4]).toBeGreaterThan(Math.round(0.1 * TEXT_WIDTH));
    expect((tally ?? []).reduce((a, b) => a + b, 0)).toBeLessThanOrEqual(TEXT_WIDTH);
  });
  it('the tờ trình is signed by the unit head under TM., both header lines bold', async () => {
    const bytes = await batchDocx({
      config,
      batch: { unitName: 'Thành phố Đồng Xoài', entries: entries.slice(1, 2), reference: '', summary: '' },
      recipient: 'Ủy ban nhân dân tỉnh Bình Phước',
      submittedOn: '2023-11-30',
      signature: { onBehalf: 'TM. ỦY BAN NHÂN DÂN', title: 'CHỦ TỊCH', name: 'Lê Văn Huyện' },
    });
    const w = docxParagraphWeights(bytes);
    expect(w.find((p) => p.text === 'ỦY BAN NHÂN DÂN')?.bold).toBe(true);
    expect(w.find((p) => p.text === 'THÀNH PHỐ ĐỒNG XOÀI')?.bold).toBe(true);
    const p = docxParagraphs(bytes);
    const tm = p.indexOf('TM. ỦY BAN NHÂN DÂN');
    expect(p.slice(tm, tm + 4).filter(Boolean)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lê Văn Huyện']);
  });
  it('signerOf picks the head in office, a named deputy, and refuses a unit without a head (422)', () => {
    const unit = {
      name: 'Xã A',
      officeHolders: [
        {
          id: 'h',
          role: 'head' as const,
          name: 'Ông Cũ',
          title: 'CHỦ TỊCH',
          from: '2016-01-01',
          to: '2021-06-30',
        },
        { id: 'h2', role: 'head' as const, name: 'Bà Mới', title: 'CHỦ TỊCH', from: '2021-07-01', to: null },
        {
          id: 'p',
          role: 'deputy' as const,
          name: 'Phó',
          title: 'PHÓ CHỦ TỊCH',
          from: '2021-07-01',
          to: null,
        },
      ],
    };
    expect(signerOf(unit, '2023-12-15').name).toBe('Bà Mới');
    expect(signerOf(unit, '2020-01-01').name).toBe('Ông Cũ');
    expect(signatureOf('', 'CHỦ TỊCH', signerOf(unit, '2023-12-15', 'p'))).toEqual({
      onBehalf: '',
      delegatedBy: 'CHỦ TỊCH',
      title: 'PHÓ CHỦ TỊCH',
      name: 'Phó',
    });
    expect(() => signerOf({ name: 'Sở X' }, '2023-12-15')).toThrow(
      expect.objectContaining({ status: 422, code: 'no_office_holder' }),
    );
    expect(() => signerOf(unit, '2020-01-01', 'p')).toThrow(
      expect.objectContaining({ code: 'no_office_holder' }),
    );
  });
});

// Rendering embeds four font subsets and PDF.js parses them back: seconds on a shared machine.
describe('the same documents as PDF (layout facts read back with PDF.js)', { timeout: 60_000 }, () => {
  const createdAt = new Date('2026-01-05T03:00:00Z');
  const deputy = { onBehalf: '', delegatedBy: 'CHỦ TỊCH', title: 'PHÓ CHỦ TỊCH', name: 'Trần Tuệ Hiền' };
  const decision = decisionDocument({
    config,
    issuingBody: body,
    ruleBases: ['Luật Thi đua, khen thưởng số 06/2022/QH15 ngày 15 tháng 6 năm 2022'],
    numberText: '06/QĐ-UBND',
    signedOn: '2026-01-05',
    signature: deputy,
    minutesRef: 'Biên bản số 03/BB-HĐTĐKT',
    entries,
  });
  const at = (lines: PdfLine[], text: string) => lines.find((l) => l.text === text);

  it('a decision: the header columns with their weights, the number line, dated bases, KT. signer block, the annex on page 2', async () => {
    const bytes = await renderPdf(decision, { createdAt });
    expect(new TextDecoder().decode(bytes.subarray(0, 5))).toBe('%PDF-');
    const pages = await readPdf(bytes);
    const [first = []] = pages;
    const annex = pages[pages.length - 1] ?? [];
    const left = at(first, 'ỦY BAN NHÂN DÂN');
    const national = at(first, 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(left?.bold).toBe(true);
    expect(at(first, 'TỈNH BÌNH PHƯỚC')?.bold).toBe(true);
    expect(national?.bold).toBe(true);
    expect(at(first, 'Độc lập - Tự do - Hạnh phúc')?.bold).toBe(true);
    // Issuing body at top left, national title at top right, on one line.
    expect(Math.abs((left?.y ?? 0) - (national?.y ?? 99))).toBeLessThanOrEqual(2);
    expect(left?.x ?? 999).toBeLessThan(national?.x ?? 0);
    const number = at(first, 'Số: 06/QĐ-UBND');
    expect(number?.bold).toBe(false);
    expect(at(first, 'Bình Phước, ngày 05 tháng 01 năm 2026')?.italic).toBe(true);
    expect(at(first, 'QUYẾT ĐỊNH')?.bold).toBe(true);
    const text = first.map((l) => l.text).join(' ');
    expect(text).toMatch(/Căn cứ Luật Thi đua, khen thưởng số 06\/2022\/QH15 ngày 15 tháng 6 năm 2022;/);
    expect(text).toContain('Điều 1.');
    // The signature block (never split from its "Nơi nhận", so possibly on the next page), in reading order.
    const signer = pages
      .flat()
      .filter((l) => ['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', 'Trần Tuệ Hiền'].includes(l.text) && l.x > 300);
    expect(signer.map((l) => [l.text, l.bold])).toEqual([
      ['KT. CHỦ TỊCH', true],
      ['PHÓ CHỦ TỊCH', true],
      ['Trần Tuệ Hiền', true],
    ]);
    expect(at(annex, 'DANH SÁCH')).toBeDefined();
    expect(annex.map((l) => l.text).join('\n')).toContain('Ông/Bà Nguyễn Văn An');
  });

  it('the biên bản and the tờ trình carry their header, number and signer as in the DOCX', async () => {
    const minutes = minutesDocument(oneItemSession());
    const [m = []] = await readPdf(await renderPdf(minutes, { createdAt }));
    expect(at(m, 'UBND TỈNH BÌNH PHƯỚC')?.bold).toBe(false);
    // The council's name wraps in the 36 % column as in Word: both of its lines bold.
    expect(m.filter((l) => /HỘI ĐỒNG THI ĐUA|KHEN THƯỞNG TỈNH$/u.test(l.text)).map((l) => l.bold)).toEqual([
      true,
      true,
    ]);
    expect(at(m, 'Số: 02/BB-HĐTĐKT')).toBeDefined();
    expect(at(m, 'BIÊN BẢN')?.bold).toBe(true);
    // "Không đồng ý" is a table header: its word "Không" is never broken across lines.
    expect(m.some((l) => /(^|\s)Khôn$/u.test(l.text))).toBe(false);

    const batch = batchDocument(dongXoaiBatch());
    const pages = await readPdf(await renderPdf(batch, { createdAt }));
    const t = pages[0] ?? [];
    // The unit's name wraps in the 36 % column (as in Word): its lines, left of the national title, all bold.
    const unitLines = t.filter((l) => l.y < 120 && l.x < 200 && l.text !== 'ỦY BAN NHÂN DÂN');
    expect(unitLines.map((l) => l.text).join(' ')).toBe('THÀNH PHỐ ĐỒNG XOÀI');
    expect(unitLines.every((l) => l.bold)).toBe(true);
    expect(at(t, 'Số: 45/TTr-UBND')).toBeDefined();
    expect(at(t, 'TỜ TRÌNH')).toBeDefined();
    const signer = pages
      .flat()
      .filter((l) => l.x > 300 && ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lê Văn Huyện'].includes(l.text));
    expect(signer.map((l) => l.text)).toEqual(['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Lê Văn Huyện']);
    expect(
      pages
        .flat()
        .map((l) => l.text)
        .join(' '),
    ).toContain('Tổng cộng: 02 tập thể và 01 cá nhân');
  });

  it('each of them is PDF/A-2b as far as its markers read (XMP pdfaid 2/B, sRGB OutputIntent, fonts embedded, /ID; ADR 0035)', async () => {
    const models = [
      decision,
      minutesDocument(oneItemSession()),
      batchDocument(dongXoaiBatch()),
      revocationDocument(revocationInput()),
    ];
    for (const model of models) {
      const r = await pdfaReport(await renderPdf(model, { createdAt }));
      expect(r.problems, model.title).toEqual([]);
      expect(r.fonts).toBeGreaterThanOrEqual(2);
    }
  });
});
