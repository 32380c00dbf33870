import { describe, expect, it } from 'vitest';
import type { Role } from '../org/schema';
import { identity } from '../testing/worlds';
import { authorizeCommentAnswer, authorizeFieldComment, type CommentedSubmission } from './comments';

const at = (unitId: string, ...roles: Role[]) => identity(`${roles.join('+')}@${unitId}`, unitId, roles);
const chain = [{ unitId: 'dong-xoai' }, { unitId: 'bp' }];
const s = (state: string, level: number | null = null): CommentedSubmission => ({
  unitId: 'tan-phu',
  state,
  level,
  chain,
});

describe('authorizeFieldComment: the reviewer of the level on turn comments on fields', () => {
  it('allows the reviewing unit on turn, not the next level, the author or a read-only role', () => {
    expect(authorizeFieldComment(at('dong-xoai', 'reviewer'), s('under_review', 0)).allowed).toBe(true);
    expect(authorizeFieldComment(at('bp', 'reviewer'), s('under_review', 0)).allowed).toBe(false);
    expect(authorizeFieldComment(at('bp', 'secretariat'), s('under_review', 1)).allowed).toBe(true);
    expect(authorizeFieldComment(at('bp', 'chair'), s('under_review', 1)).allowed).toBe(false);
    expect(authorizeFieldComment(at('tan-phu', 'submitter'), s('under_review', 0)).allowed).toBe(false);
  });
  it('refuses outside review (a draft, a returned or approved report)', () => {
    for (const state of ['draft', 'returned', 'approved', 'awaiting_signoff'])
      expect(authorizeFieldComment(at('dong-xoai', 'reviewer'), s(state)).allowed).toBe(false);
  });
});

describe('authorizeCommentAnswer: the author unit answers while the report is back with it', () => {
  it('allows its submitter and head on a returned report, not a reviewer', () => {
    expect(authorizeCommentAnswer(at('tan-phu', 'submitter'), s('returned')).allowed).toBe(true);
    expect(authorizeCommentAnswer(at('tan-phu', 'unit_head'), s('returned')).allowed).toBe(true);
    expect(authorizeCommentAnswer(at('dong-xoai', 'reviewer'), s('returned')).allowed).toBe(false);
    expect(authorizeCommentAnswer(at('tan-phu', 'council_member'), s('returned')).allowed).toBe(false);
  });
  it('refuses while under review or decided, and on a report flagged "Mật"', () => {
    expect(authorizeCommentAnswer(at('tan-phu', 'submitter'), s('under_review', 0)).allowed).toBe(false);
    expect(authorizeCommentAnswer(at('tan-phu', 'submitter'), s('approved')).allowed).toBe(false);
    expect(
      authorizeCommentAnswer(at('tan-phu', 'submitter'), { ...s('returned'), classified: true }).allowed,
    ).toBe(false);
  });
});
