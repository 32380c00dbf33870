import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { checkRegister, formatNumber, nextNumber, sequenceId } from './numbering';

describe('decision numbers', () => {
  it('are written "05/QĐ-UBND" with a leading zero below 10', () => {
    expect(formatNumber(5, 'QĐ-UBND')).toBe('05/QĐ-UBND');
    expect(formatNumber(123, 'QĐ-UBND')).toBe('123/QĐ-UBND');
    expect(() => formatNumber(0, 'QĐ-UBND')).toThrow();
  });
  it('run per issuing body and per year', () => {
    expect(sequenceId({ kind: 'decision', issuingBodyId: 'ubnd-tinh', year: 2023 })).toBe(
      'decision#ubnd-tinh#2023',
    );
    expect(nextNumber(null)).toBe(1);
    expect(nextNumber(41)).toBe(42);
  });
  it('a compare-and-set counter gives consecutive numbers under any interleaving of signers', () => {
    // Model of the data layer: each signer reads the counter, then commits n+1 only if it is unchanged.
    fc.assert(
      fc.property(fc.array(fc.integer({ min: 0, max: 4 }), { minLength: 1, maxLength: 60 }), (schedule) => {
        let counter: number | null = null;
        const signers = Array.from({ length: 5 }, () => ({
          read: null as number | null,
          done: false,
          reading: true,
        }));
        const issued: number[] = [];
        for (const i of schedule) {
          const s = signers[i];
          if (!s || s.done) continue;
          if (s.reading) {
            s.read = counter;
            s.reading = false;
          } else if (s.read === counter) {
            counter = nextNumber(s.read);
            issued.push(counter);
            s.done = true;
          } else s.reading = true; // condition failed: re-read and retry
        }
        expect(checkRegister(issued).ok).toBe(true);
        expect(issued.length).toBe(counter ?? 0);
      }),
      { numRuns: 1000 },
    );
  });
  it('the register check finds gaps and duplicates', () => {
    expect(checkRegister([1, 2, 3])).toEqual({ ok: true, gaps: [], duplicates: [] });
    expect(checkRegister([1, 3, 3])).toEqual({ ok: false, gaps: [2], duplicates: [3] });
  });
});
