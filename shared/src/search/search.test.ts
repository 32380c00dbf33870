import { describe, expect, it } from 'vitest';
import { normalizeSearch, searchTerms } from './index';

describe('search terms', () => {
  it('fold Vietnamese: "Đồng Xoài" ~ "dong xoai", from each word on', () => {
    expect(searchTerms('Thành phố Đồng Xoài')).toEqual([
      'thanh pho dong xoai',
      'pho dong xoai',
      'dong xoai',
      'xoai',
    ]);
    expect(normalizeSearch('  ĐỒNG   xoài ')).toBe('dong xoai');
    expect(searchTerms('Thành phố Đồng Xoài').filter((t) => t.startsWith(normalizeSearch('Đồng')))).toEqual([
      'dong xoai',
    ]);
  });

  it('keep a decision number whole and drop punctuation', () => {
    expect(searchTerms('05/QĐ-UBND, về khen thưởng', 2)).toEqual([
      '05/qd-ubnd ve khen thuong',
      've khen thuong',
    ]);
    expect(normalizeSearch('Nguyễn Thị Lan!')).toBe('nguyen thi lan');
  });

  it('index at most the given number of starting words, and nothing shorter than two letters', () => {
    expect(searchTerms('a')).toEqual([]);
    expect(searchTerms('ab cd ef gh ij kl mn op qr st')).toHaveLength(8);
  });
});
