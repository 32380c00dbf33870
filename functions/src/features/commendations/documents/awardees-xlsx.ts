import { type Decision, vnDateShort } from '@thidua/shared/commendation';
import { buildXlsx } from '@thidua/shared/xlsx';

/** The Excel list of a decision's awardees. */
export const awardeesXlsx = (d: Pick<Decision, 'numberText' | 'signedOn' | 'entries'>): Uint8Array =>
  buildXlsx(
    [
      {
        name: 'Danh sách khen thưởng',
        widths: [6, 36, 10, 24, 32, 36, 16, 12],
        rows: [
          [
            'STT',
            'Tên tập thể / Họ và tên',
            'Loại',
            'Chức vụ',
            'Đơn vị',
            'Hình thức khen thưởng',
            'Quyết định số',
            'Ngày ký',
          ],
          ...d.entries
            .filter((e) => e.outcome === 'awarded')
            .map((e, i) => [
              i + 1,
              e.nomineeName,
              e.nomineeKind === 'collective' ? 'Tập thể' : 'Cá nhân',
              e.nomineeTitle,
              e.nomineeKind === 'individual' ? e.nomineeUnitName || e.unitName : e.unitName,
              e.awardTypeName,
              d.numberText,
              vnDateShort(d.signedOn),
            ]),
        ],
      },
    ],
    // An annex of a decision: the decision's typeface.
    { font: { name: 'Times New Roman', size: 12 } },
  );
