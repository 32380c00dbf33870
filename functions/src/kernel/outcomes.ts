import type { ApplyOutcome, StoredSubmission } from '../features/submissions/repository';
import type { SaveOutcome } from './data/outcomes';
import { Conflict, NotFound } from './http/errors';

/**
 * What the data layer's write outcomes mean for a caller of the API. A refusal is a 409/404 whose code
 * the web app and the idempotent replay (http/idempotency.ts) rely on.
 */

/** Another condition of the transaction refused it: a replay of this request, or a change since. */
const duplicateRequest = (): Conflict =>
  new Conflict('Yêu cầu trùng lặp hoặc dữ liệu đã thay đổi; hãy tải lại', undefined, 'duplicate_request');

/** A submission's write: a taken slot, a lost race (with the state that won, as `present` shows it). */
export const requireApplied = (outcome: ApplyOutcome, present: (s: StoredSubmission) => unknown): void => {
  switch (outcome.kind) {
    case 'written':
      return;
    case 'already_exists':
      throw new Conflict('Đơn vị đã có báo cáo cho biểu mẫu và kỳ này', outcome.current, 'already_exists');
    case 'conflict':
      throw new Conflict(
        'Báo cáo vừa được người khác cập nhật; hãy tải lại để xem trạng thái mới',
        outcome.current ? present(outcome.current) : undefined,
        'version_conflict',
      );
    case 'condition_failed':
      throw duplicateRequest();
  }
};

/** How a refused save is told: `exists` for a create, `missing` for a replace. */
export interface SaveRefusals {
  exists: string;
  missing: string;
  /** What a 409 `already_exists` carries as `current`. */
  current?: unknown;
}

export const requireSaved = (outcome: SaveOutcome, refusals: SaveRefusals): void => {
  switch (outcome.kind) {
    case 'written':
      return;
    case 'already_exists':
      throw new Conflict(refusals.exists, refusals.current, 'already_exists');
    case 'not_found':
      throw new NotFound(refusals.missing);
    case 'condition_failed':
      throw duplicateRequest();
  }
};
