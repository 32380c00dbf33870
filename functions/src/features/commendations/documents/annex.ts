import type { ListEntry } from '@thidua/shared/commendation';
import { dataTable, type FileChild, para, run } from './layout';

/** "(Kèm theo …)": the line under an annexed list's title that names the document it goes with. */
export const attachedTo = (document: string): FileChild =>
  para([run(`(Kèm theo ${document})`, { italics: true })], { align: 'center', after: 240 });

/** Where a nominee works, as the lists print it: the position, then the unit (a collective: its own unit). */
export const nomineePlace = (e: ListEntry): string =>
  [e.nomineeTitle, e.nomineeKind === 'individual' ? e.nomineeUnitName : e.unitName]
    .filter(Boolean)
    .join(', ');

/**
 * The annexed list of nominees of a tờ trình or a decision: number, name, position and unit, award, the
 * last row (the total) in bold. Each document words the award column and shares the width its own way.
 */
export const nomineeTable = (
  award: { header: string; widthPercent: number },
  widths: { name: number; place: number },
  rows: readonly (readonly string[])[],
): FileChild =>
  dataTable(
    [
      { header: 'STT', widthPercent: 8, align: 'center' },
      { header: 'Tên tập thể / Họ và tên', widthPercent: widths.name },
      { header: 'Chức vụ, đơn vị', widthPercent: widths.place },
      award,
    ],
    rows,
    true,
  );
