import { describe, expect, it } from 'vitest';
import { TransactionRefused } from '../../kernel/data/transact';
import { Conflict } from '../../kernel/http/errors';
import { withNextNumber } from './register';

const lost = () => new TransactionRefused([{ code: 'ConditionalCheckFailed', item: undefined }]);

describe('withNextNumber', () => {
  it('reads and writes again while the number was taken, and answers the attempt that won', async () => {
    let attempts = 0;
    const answer = await withNextNumber(async () => {
      attempts++;
      if (attempts < 3) throw lost();
      return `01/QĐ-UBND (attempt ${attempts})`;
    });
    expect(answer).toBe('01/QĐ-UBND (attempt 3)');
  });

  it('answers 409 numbering_busy after eight lost attempts, and asks `refused` after each', async () => {
    let attempts = 0;
    let asked = 0;
    const busy = await withNextNumber(
      async () => {
        attempts++;
        throw lost();
      },
      async () => {
        asked++;
      },
    ).catch((e: unknown) => e);
    expect(busy).toBeInstanceOf(Conflict);
    expect(busy).toMatchObject({ status: 409, code: 'numbering_busy' });
    expect([attempts, asked]).toEqual([8, 8]);
  });

  it('lets `refused` answer a refusal that is not a lost number, and never retries another error', async () => {
    const decided = new Conflict('Hồ sơ đã có quyết định khen thưởng', undefined, 'already_decided');
    let attempts = 0;
    await expect(
      withNextNumber(
        async () => {
          attempts++;
          throw lost();
        },
        async () => {
          throw decided;
        },
      ),
    ).rejects.toBe(decided);
    const broken = new Error('network');
    await expect(
      withNextNumber(async () => {
        attempts++;
        throw broken;
      }),
    ).rejects.toBe(broken);
    expect(attempts).toBe(2);
  });
});
