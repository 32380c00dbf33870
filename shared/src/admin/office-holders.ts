import type { OfficeHolder } from '../org/schema';

export interface OfficeHolderProblem {
  /** Index in the list and field: `3.to`. */
  path: string;
  message: string;
}

const overlaps = (a: OfficeHolder, b: OfficeHolder): boolean =>
  a.from <= (b.to ?? '9999-12-31') && b.from <= (a.to ?? '9999-12-31');

/**
 * What a unit's list of office holders must satisfy beyond each entry's shape: an end date not before the
 * start, ids used once, and one head at a time (a document names ONE signer "CHỦ TỊCH" on its date).
 */
export function checkOfficeHolders(holders: readonly OfficeHolder[]): OfficeHolderProblem[] {
  const problems: OfficeHolderProblem[] = [];
  const seen = new Set<string>();
  holders.forEach((h, i) => {
    if (h.to !== null && h.to < h.from)
      problems.push({ path: `${i}.to`, message: 'Ngày thôi giữ chức trước ngày bắt đầu' });
    if (seen.has(h.id)) problems.push({ path: `${i}.id`, message: 'Mã bị trùng' });
    seen.add(h.id);
    if (h.role !== 'head') return;
    const clash = holders.findIndex((o, j) => j < i && o.role === 'head' && overlaps(o, h));
    if (clash >= 0) {
      problems.push({
        path: `${i}.from`,
        message: `Trùng thời gian với người đứng đầu ở dòng ${clash + 1}: mỗi thời điểm chỉ có một người đứng đầu`,
      });
    }
  });
  return problems;
}
