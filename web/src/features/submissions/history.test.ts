import { describe, expect, it } from 'vitest';
import { lastEvent, previousData, returnedVersion } from './history';
import type { HistoryEvent } from './service';

const ev = (action: HistoryEvent['action'], version: number, reason: string | null = null): HistoryEvent => ({
  submissionId: 's1',
  action,
  actorId: 'u',
  actorUnitId: 'dx',
  actorRoles: ['submitter'],
  at: '2023-03-01T00:00:00.000Z',
  from: { state: 'draft', level: null },
  to: { state: 'draft', level: null },
  reason,
  seq: version,
  version,
});

describe('history helpers', () => {
  it('finds the returned version only once the submission came back', () => {
    const base = [ev('create', 1), ev('save', 2), ev('submit', 3), ev('return', 4, 'Thiếu số liệu')];
    expect(returnedVersion(base)).toBeNull();
    expect(returnedVersion([...base, ev('save', 5), ev('submit', 6)])).toBe(3);
    expect(returnedVersion([ev('create', 1), ev('submit', 2)])).toBeNull();
    expect(lastEvent(base, 'return')?.reason).toBe('Thiếu số liệu');
  });

  it('rebuilds the previous data from a list of changes at any depth', () => {
    const now = { figures: { crimes: 5, sessions: [{ place: 'A', people: 30 }], added: 1 } };
    const before = previousData(now, [
      { path: 'figures.crimes', before: 3, after: 5 },
      { path: 'figures.sessions.0.people', before: 20, after: 30 },
      { path: 'figures.added', before: undefined, after: 1 },
      { path: 'general.reporter', before: 'Lê B', after: undefined },
    ]);
    expect(before).toEqual({
      figures: { crimes: 3, sessions: [{ place: 'A', people: 20 }] },
      general: { reporter: 'Lê B' },
    });
    expect(now.figures.crimes).toBe(5);
  });
});
