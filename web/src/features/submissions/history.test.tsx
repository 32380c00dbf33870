import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { I18nProvider } from '../../i18n';
import { HistoryTimeline } from './components/HistoryTimeline';
import { comparedVersion, historyLines, lastEvent, previousData, returnedVersion } from './history';
import type { HistoryEvent } from './service';

const ev = (action: HistoryEvent['action'], version: number, reason: string | null = null): HistoryEvent => ({
  submissionId: 's1',
  action,
  actorId: 'u',
  actorUnitId: 'dx',
  actorRoles: ['submitter'],
  actorName: null,
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

describe('history lines', () => {
  const at = (minutes: number) => new Date(Date.UTC(2023, 2, 1, 1, 0) + minutes * 60_000).toISOString();
  const event = (action: HistoryEvent['action'], minutes: number, actorId = 'u'): HistoryEvent => ({
    ...ev(action, minutes + 1),
    actorId,
    at: at(minutes),
  });

  it('folds a sitting of autosaves by one person into one line, before and after a submission', () => {
    const lines = historyLines([
      event('create', 0),
      event('save', 1),
      event('save', 5),
      event('save', 9),
      event('save', 14),
      event('submit', 15),
      event('save', 30),
    ]);
    expect(lines.map((l) => [l.event.action, l.saves])).toEqual([
      ['create', 1],
      ['save', 4],
      ['submit', 1],
      ['save', 1],
    ]);
    expect(lines[1]).toMatchObject({ firstAt: at(1), event: { at: at(14) } });
  });

  it('keeps saves of different people, or hours apart, on their own lines', () => {
    const lines = historyLines([event('save', 0, 'a'), event('save', 1, 'b'), event('save', 2, 'b')]);
    expect(lines.map((l) => [l.event.actorId, l.saves])).toEqual([
      ['a', 1],
      ['b', 2],
    ]);
    expect(historyLines([event('save', 0), event('save', 3 * 60)]).map((l) => l.saves)).toEqual([1, 1]);
  });

  it('shows one "Lưu nháp (4 lần)" line and the names of the people beside their roles', () => {
    const events = [
      { ...event('create', 0), actorName: 'Võ Thị Phương' },
      ...[1, 5, 9, 14].map((m) => ({ ...event('save', m), actorName: 'Võ Thị Phương' })),
      {
        ...event('submit', 15),
        actorName: 'Võ Thị Phương',
        from: { state: 'draft' as const, level: null },
        to: { state: 'under_review' as const, level: 0 },
      },
    ];
    const html = renderToStaticMarkup(
      <I18nProvider>
        <HistoryTimeline events={events} chain={[]} unitName="Phường Tân Phú" />
      </I18nProvider>,
    );
    expect(html.match(/Lưu nháp/g)).toHaveLength(1);
    expect(html).toContain('Lưu nháp (4 lần)');
    expect(html).toContain('<strong>Võ Thị Phương</strong> · Cán bộ');
  });
});

describe('the "resubmitted after a return" comparison', () => {
  const resubmitted = [
    ev('create', 1),
    ev('submit', 2),
    ev('return', 3, 'Sai số liệu'),
    ev('save', 4),
    ev('submit', 5),
  ];

  it('is shown while the resubmission waits for a decision', () => {
    expect(comparedVersion('under_review', resubmitted)).toBe(2);
    expect(comparedVersion('awaiting_signoff', resubmitted)).toBe(2);
  });

  it('is gone once the submission is finally approved or rejected', () => {
    expect(comparedVersion('approved', [...resubmitted, ev('approve', 6), ev('approve', 7)])).toBeNull();
    expect(comparedVersion('rejected', [...resubmitted, ev('reject', 6, 'Không đạt')])).toBeNull();
  });
});
