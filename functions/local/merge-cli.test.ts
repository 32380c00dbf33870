import { describe, expect, it } from 'vitest';
import { parseUnitMap } from './merge-cli';

describe('the unit map file of `npm run merge`', () => {
  it('reads from,to rows (comma or semicolon, quoted or not), skipping the header and blank lines', () => {
    const csv = 'from,to\r\ndong-xoai-tan-phu,phuong-binh-phuoc\n\n"so-tu-phap";"so-tu-phap"\nincomplete,\n';
    expect(parseUnitMap(csv)).toEqual([
      { from: 'dong-xoai-tan-phu', to: 'phuong-binh-phuoc' },
      { from: 'so-tu-phap', to: 'so-tu-phap' },
    ]);
  });
});
