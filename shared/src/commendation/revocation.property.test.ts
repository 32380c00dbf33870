/**
 * Revoking an award, whoever decided it (issue 17, point 6): random sequences of revocations of random
 * lines of a council's or a head's decision, with reasons and legal bases present or blank, checked
 * against a model written from the rules — only an awarded line is revoked, at most once; every
 * revocation states a reason; a head's decision is revoked only with the legal basis cited; a refusal
 * changes nothing and names its code and status.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { awardTransition } from './decision';
import { lifecycleErrorStatus } from './lifecycle';
import type { DecisionEntry, NominationStage } from './records';

const RUNS = 2_000;

const entry = (n: number, awarded: boolean): DecisionEntry => ({
  nominationId: `nom-${n}`,
  unitId: 'ward',
  unitName: 'Phường Tân Phú',
  nomineeKind: 'individual',
  nomineeName: `Người ${n}`,
  nomineeTitle: 'Tổ trưởng',
  nomineeUnitName: 'Tổ dân phố 1',
  awardTypeId: 'giay_khen_chu_tich_ubnd_xa',
  awardTypeName: 'Giấy khen',
  outcome: awarded ? 'awarded' : 'not_awarded',
  reason: '',
  agree: 0,
  denominatorCount: 0,
  agreePercent: 0,
});

const text = fc.constantFrom('', '  ', 'ab', 'Kê khai sai thành tích', 'Điều 90 Luật TĐKT 2022');
const filled = (s: string | undefined) => (s ?? '').trim().length >= 3;

describe('revoking an award of a council or a head decision', () => {
  // 2.8 s alone; over 5 s under the full suite's load: the same minute as the lifecycle properties.
  it(`${RUNS} random sequences: awarded lines revoked at most once, a head's only with its legal basis`, {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'council' | 'head' | undefined>('council', 'head', undefined),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.array(
          fc.record({
            line: fc.nat(6),
            reason: text,
            legalBasis: fc.option(text, { nil: undefined }),
          }),
          { maxLength: 20 },
        ),
        (decidedBy, awarded, ops) => {
          const decision = {
            entries: awarded.map((a, n) => entry(n, a)),
            ...(decidedBy ? { decidedBy } : {}),
          };
          Object.freeze(decision);
          const stage = new Map<string, NominationStage>(
            decision.entries.map((e) => [e.nominationId, e.outcome]),
          );
          for (const op of ops) {
            const id = `nom-${op.line}`;
            const before = stage.get(id) ?? 'not_awarded';
            const r = awardTransition({
              decision,
              stage: before,
              action: { type: 'revoke', nominationId: id, reason: op.reason, legalBasis: op.legalBasis },
            });
            const inDecision = decision.entries.some((e) => e.nominationId === id && e.outcome === 'awarded');
            const expected =
              !inDecision || before === 'not_awarded'
                ? 'not_awarded'
                : before === 'revoked'
                  ? 'already_revoked'
                  : !filled(op.reason)
                    ? 'reason_required'
                    : decidedBy === 'head' && !filled(op.legalBasis)
                      ? 'legal_basis_required'
                      : null;
            if (r.ok) {
              expect(expected).toBeNull();
              expect(r.entry.nominationId).toBe(id);
              stage.set(id, r.stage);
            } else {
              expect(r.error.code).toBe(expected);
              expect(r.error.status).toBe(lifecycleErrorStatus[r.error.code]);
              expect(r.error.message.length).toBeGreaterThan(0);
              expect(stage.get(id) ?? 'not_awarded').toBe(before);
            }
          }
          // Lines not awarded never change; awarded ones are awarded or revoked.
          for (const e of decision.entries) {
            const now = stage.get(e.nominationId);
            if (e.outcome === 'not_awarded') expect(now).toBe('not_awarded');
            else expect(['awarded', 'revoked']).toContain(now);
          }
        },
      ),
      { numRuns: RUNS },
    );
  });

  it('names the field a head decision’s revocation lacks', () => {
    const r = awardTransition({
      decision: { entries: [entry(0, true)], decidedBy: 'head' },
      stage: 'awarded',
      action: { type: 'revoke', nominationId: 'nom-0', reason: 'Kê khai sai thành tích' },
    });
    expect(!r.ok && r.error).toMatchObject({
      code: 'legal_basis_required',
      status: 422,
      details: [{ path: 'body.legalBasis' }],
    });
  });

  it(`${RUNS} random revocations of a decision awaiting its digital signature: all refused, 409 not_issued`, {
    timeout: 60_000,
  }, () => {
    fc.assert(
      fc.property(
        fc.constantFrom<'council' | 'head'>('council', 'head'),
        fc.array(fc.boolean(), { minLength: 1, maxLength: 5 }),
        fc.nat(6),
        fc.constantFrom<NominationStage>('awarded', 'revoked', 'not_awarded'),
        text,
        fc.option(text, { nil: undefined }),
        (decidedBy, awarded, line, stage, reason, legalBasis) => {
          const decision = Object.freeze({
            entries: awarded.map((a, n) => entry(n, a)),
            decidedBy,
            state: 'awaiting_signature' as const,
          });
          const r = awardTransition({
            decision,
            stage,
            action: { type: 'revoke', nominationId: `nom-${line}`, reason, legalBasis },
          });
          expect(r).toMatchObject({ ok: false, error: { code: 'not_issued', status: 409 } });
        },
      ),
      { numRuns: RUNS },
    );
  });
});
