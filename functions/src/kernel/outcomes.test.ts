import { describe, expect, it } from 'vitest';
import { AppError, Conflict } from './http/errors';
import { requireApplied, requireSaved } from './outcomes';

const refusal = (f: () => void): { status: number; code: string; current: unknown } => {
  try {
    f();
  } catch (err) {
    if (!(err instanceof AppError)) throw err;
    return { status: err.status, code: err.code, current: err instanceof Conflict ? err.current : undefined };
  }
  throw new Error('no refusal');
};

describe('write outcomes as answers', () => {
  const refusals = { exists: 'Đơn vị đã tồn tại', missing: 'Không tìm thấy đơn vị' };

  it('a written save answers nothing; a refused one tells exists, missing and a replay apart', () => {
    expect(() => requireSaved({ kind: 'written' }, refusals)).not.toThrow();
    expect(refusal(() => requireSaved({ kind: 'already_exists', current: undefined }, refusals))).toEqual({
      status: 409,
      code: 'already_exists',
      current: undefined,
    });
    expect(refusal(() => requireSaved({ kind: 'not_found' }, refusals))).toMatchObject({
      status: 404,
      code: 'not_found',
    });
    expect(refusal(() => requireSaved({ kind: 'condition_failed', reason: 'x' }, refusals))).toMatchObject({
      status: 409,
      code: 'duplicate_request',
    });
  });

  it('a submission that lost a race answers 409 version_conflict with the winner as the caller sees it', () => {
    const winner = { id: 's1', version: 4 } as never;
    expect(
      refusal(() => requireApplied({ kind: 'conflict', current: winner }, () => ({ shown: 4 }))),
    ).toEqual({
      status: 409,
      code: 'version_conflict',
      current: { shown: 4 },
    });
    expect(
      refusal(() => requireApplied({ kind: 'already_exists', current: { submissionId: 's0' } }, () => null)),
    ).toEqual({ status: 409, code: 'already_exists', current: { submissionId: 's0' } });
  });
});
