import { describe, expect, it } from 'vitest';
import { finalStates, isEditable, unitOnTurn } from './transition';
import { type SubmissionState, submissionStates } from './types';

const chain = [
  { unitId: 'district', unitName: 'Huyện', unitKind: 'district' as const },
  { unitId: 'province', unitName: 'Tỉnh', unitKind: 'province' as const },
];
const at = (state: SubmissionState, level: number | null = null) => ({
  state,
  level,
  chain,
  unitId: 'commune',
  unitName: 'Xã',
});

describe('unitOnTurn (the inbox a submission sits in)', () => {
  it('is the reviewing unit at the current level while under review', () => {
    expect(unitOnTurn(at('under_review', 0))).toEqual({ unitId: 'district', unitName: 'Huyện' });
    expect(unitOnTurn(at('under_review', 1))).toEqual({ unitId: 'province', unitName: 'Tỉnh' });
  });

  it('is the author unit while its head must sign off', () => {
    expect(unitOnTurn(at('awaiting_signoff'))).toEqual({ unitId: 'commune', unitName: 'Xã' });
  });

  it('is nobody for an editable submission (the author’s own work) or a final one', () => {
    for (const state of submissionStates) {
      if (isEditable(state) || (finalStates as readonly SubmissionState[]).includes(state)) {
        expect(unitOnTurn(at(state)), state).toBeNull();
      }
    }
  });
});
