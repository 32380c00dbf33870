/**
 * The decision's issue lifecycle (issue 17 point 5): random sequences of numbering under either signing
 * mode and signature attachments, against a model — a digital decision is issued by exactly its first
 * verified signature and never changes afterwards; a paper decision is issued when numbered and takes no
 * signature; a refusal changes nothing; only an issued decision is public.
 */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionStateOf, type IssueAction, isIssued, issueTransition, numberedAs } from './issue';
import type { Decision, DecisionSignature, SigningMode } from './records';

const base: Decision = {
  tenantId: 'demo',
  id: 'dec-1',
  kind: 'award',
  campaignId: 'c1',
  sessionId: 's1',
  issuingBodyId: 'ubnd-tinh',
  year: 2026,
  number: 5,
  numberText: '05/QĐ-UBND',
  signedOn: '2026-12-06',
  signedAt: '2026-12-06T02:00:00.000Z',
  signerId: 'u-chair',
  signerName: 'Huỳnh Văn Quang',
  signerTitle: 'CHỦ TỊCH',
  title: 'Về việc tặng Bằng khen',
  entries: [
    {
      nominationId: 'n1',
      nomineeKind: 'collective',
      nomineeName: 'Công an phường Tân Phú',
      unitId: 'u1',
      unitName: 'Phường Tân Phú',
      awardTypeId: 'bang_khen',
      awardTypeName: 'Bằng khen',
      outcome: 'awarded',
      reason: '',
      agree: 3,
      denominatorCount: 3,
      agreePercent: 100,
    },
  ] as Decision['entries'],
  documentKey: 'demo/decision/dec-1.docx',
  xlsxKey: 'demo/awardees/dec-1.xlsx',
};

const signature = (i: number): DecisionSignature => ({
  pdfKey: `demo/decision/dec-1.signed-${i}.pdf`,
  sha256: i.toString(16).padStart(64, '0'),
  signerName: `Người ký ${i}`,
  signerSubject: `CN=Người ký ${i}`,
  issuer: 'CN=Root',
  serialNumber: String(i),
  signedAt: '2026-12-06T03:00:00.000Z',
  via: i % 2 === 0 ? 'upload' : 'server',
  verifiedAt: '2026-12-06T03:01:00.000Z',
  verifiedBy: 'u-chair',
});

const deepFreeze = <T>(o: T): T => {
  if (typeof o === 'object' && o !== null && !Object.isFrozen(o)) {
    Object.freeze(o);
    for (const v of Object.values(o)) deepFreeze(v);
  }
  return o;
};

describe('decision issue lifecycle (property)', () => {
  it('a digital decision is issued by its first verified signature only; paper by numbering; refusals change nothing', () => {
    fc.assert(
      fc.property(
        fc.constantFrom<SigningMode>('digital', 'paper'),
        fc.integer({ min: 0, max: 6 }),
        (mode, n) => {
          let decision: Decision = deepFreeze({ ...base, ...numberedAs(mode) });
          // Model: digital waits; paper is issued at once.
          expect(isIssued(decision)).toBe(mode === 'paper');
          let issuedBy: number | null = null;
          for (let i = 0; i < n; i++) {
            const action: IssueAction = { type: 'attach_signature', signature: signature(i), at: `t${i}` };
            const before = JSON.stringify(decision);
            const r = issueTransition(decision, action);
            if (mode === 'paper') {
              expect(r).toMatchObject({ ok: false, error: { code: 'not_digital', status: 409 } });
            } else if (issuedBy === null) {
              expect(r.ok).toBe(true);
              if (!r.ok) return;
              expect(r.decision).toMatchObject({
                state: 'issued',
                signature: signature(i),
                issuedAt: `t${i}`,
              });
              // Everything numbered stays as numbered.
              expect({ ...r.decision, state: 0, signature: 0, issuedAt: 0 }).toEqual({
                ...decision,
                state: 0,
                signature: 0,
                issuedAt: 0,
              });
              decision = deepFreeze(r.decision);
              issuedBy = i;
            } else {
              expect(r).toMatchObject({ ok: false, error: { code: 'already_issued', status: 409 } });
            }
            if (!r.ok) expect(JSON.stringify(decision)).toBe(before);
          }
          expect(decisionStateOf(decision)).toBe(
            mode === 'paper' || issuedBy !== null ? 'issued' : 'awaiting_signature',
          );
          if (mode === 'digital' && issuedBy !== null)
            expect(decision.signature).toEqual(signature(issuedBy));
        },
      ),
      { numRuns: 500 },
    );
  });

  it('a decision stored before this lifecycle (no state) counts as issued and takes no signature', () => {
    expect(isIssued(base)).toBe(true);
    expect(
      issueTransition(base, { type: 'attach_signature', signature: signature(1), at: 't' }),
    ).toMatchObject({
      ok: false,
      error: { code: 'already_issued' },
    });
  });
});
