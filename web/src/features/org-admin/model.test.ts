import { applyUnitChange, type Unit } from '@thidua/shared/org';
import { describe, expect, it } from 'vitest';
import { historyLines, kindLabel, matching, moveTargets } from './model';

const unit = (id: string, parentId: string | null, path: string[], name = id): Unit => ({
  tenantId: 't',
  id,
  kind: parentId === null ? 'province' : 'commune',
  name,
  parentId,
  path,
  openedOn: '2020-01-01',
  closedOn: null,
  successorId: null,
});

describe('units screen model', () => {
  const p = unit('p', null, [], 'Tỉnh Đồng Nai');
  const d = { ...unit('d', 'p', ['p'], 'Huyện Một'), kind: 'district' };
  const c = unit('c', 'd', ['p', 'd'], 'Xã Tân Phú');

  it('reads the dated history oldest first, parents by name', () => {
    const r = applyUnitChange([p, d, c], { type: 'move', unitId: 'c', parentId: 'p', from: '2025-07-01' });
    if (!r.ok) throw new Error('move refused');
    const moved = r.changed.find((u) => u.id === 'c') as Unit;
    const names: Record<string, string> = { p: p.name, d: d.name };
    const lines = historyLines(moved, (id) => names[id] ?? id, '(gốc)');
    expect(lines.filter((l) => l.what === 'parent')).toEqual([
      { what: 'parent', value: 'Huyện Một', validFrom: '2020-01-01', validTo: '2025-07-01' },
      { what: 'parent', value: 'Tỉnh Đồng Nai', validFrom: '2025-07-01', validTo: null },
    ]);
    expect(lines.find((l) => l.what === 'kind')?.value).toBe('Cấp xã');
    expect(kindLabel('cluster_lead')).toBe('cluster_lead');
  });

  it('never offers to move a unit under itself, its subtree or its current parent', () => {
    const rows = [p, d, c].map((u) => ({ unit: u }));
    expect(moveTargets(rows, d).map((u) => u.id)).toEqual([]);
    expect(moveTargets(rows, c).map((u) => u.id)).toEqual(['p']);
  });

  it('filters names without accents or case', () => {
    expect(matching([p, d, c], 'tan phu').map((u) => u.id)).toEqual(['c']);
    expect(matching([p, d, c], 'ĐỒNG').map((u) => u.id)).toEqual(['p']);
    expect(matching([p, d, c], ' ')).toHaveLength(3);
  });
});
