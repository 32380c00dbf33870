import { buildSubmissionSchema } from '@thidua/shared/forms';
import { describe, expect, it } from 'vitest';
import { domIdFor, resolveErrorTarget } from './paths';
import { everyFieldDefinition as def } from './testing/fixture';

describe('errors land on the control that caused them', () => {
  it('maps API body paths (data.section.field) to form names', () => {
    expect(resolveErrorTarget(def, 'data.figures.crimes')).toEqual({
      name: 'figures.crimes',
      label: 'Số vụ phạm tội',
    });
    expect(resolveErrorTarget(def, 'figures.crimes')?.name).toBe('figures.crimes');
  });
  it('maps table cells, score parts and list items', () => {
    expect(resolveErrorTarget(def, 'data.figures.sessions.1.people')?.name).toBe('figures.sessions.1.people');
    expect(resolveErrorTarget(def, 'data.figures.sessions')?.name).toBe('figures.sessions');
    expect(resolveErrorTarget(def, 'data.figures.c1.selfScore')?.name).toBe('figures.c1.selfScore');
    expect(resolveErrorTarget(def, 'data.figures.c1')?.name).toBe('figures.c1.selfScore');
    expect(resolveErrorTarget(def, 'data.general.topics.1')?.name).toBe('general.topics');
    expect(resolveErrorTarget(def, 'data.figures.evidence.0')?.name).toBe('figures.evidence');
  });
  it('returns null outside the form', () => {
    expect(resolveErrorTarget(def, 'expectedVersion')).toBeNull();
    expect(resolveErrorTarget(def, 'data.nope.x')).toBeNull();
  });
  it('every path the shared validator reports resolves to a control', () => {
    const schema = buildSubmissionSchema(def, { mode: 'submit' });
    const r = schema.safeParse({
      general: { hasHotspot: true, topics: ['x'], reportDate: '31/02/2023' },
      figures: { crimes: 'abc', sessions: [{ place: '', people: -1 }], c1: { selfScore: 11 } },
    });
    expect(r.success).toBe(false);
    const paths = r.error?.issues.map((i) => i.path.join('.')) ?? [];
    expect(paths.length).toBeGreaterThan(5);
    for (const p of paths) expect(resolveErrorTarget(def, p), p).not.toBeNull();
  });
  it('derives safe DOM ids', () => {
    expect(domIdFor('figures.sessions.1.people')).toBe('fld-figures-sessions-1-people');
  });
});
