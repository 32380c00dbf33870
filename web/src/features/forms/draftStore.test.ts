import { describe, expect, it } from 'vitest';
import type { KeyValueStorage } from '../../auth/session';
import { canonical, DraftStore, reconcile } from './draftStore';

class MemoryStorage implements KeyValueStorage {
  map = new Map<string, string>();
  full = false;
  getItem(k: string) {
    return this.map.get(k) ?? null;
  }
  setItem(k: string, v: string) {
    if (this.full) throw new Error('QuotaExceededError');
    this.map.set(k, v);
  }
  removeItem(k: string) {
    this.map.delete(k);
  }
}

const server = { version: 3, data: { figures: { crimes: 4 } } };

describe('local draft copies', () => {
  it('round-trips per submission and ignores garbage', () => {
    const storage = new MemoryStorage();
    const store = new DraftStore(storage);
    store.write({
      submissionId: 's1',
      baseVersion: 3,
      values: { a: { b: 1 } },
      savedAt: '2023-01-01T00:00:00.000Z',
    });
    expect(store.read('s1')?.values).toEqual({ a: { b: 1 } });
    expect(store.read('s2')).toBeNull();
    storage.setItem('thidua.draft.s3', '{not json');
    expect(store.read('s3')).toBeNull();
    store.clear('s1');
    expect(store.read('s1')).toBeNull();
  });

  it("keeps each user's copies apart", () => {
    const storage = new MemoryStorage();
    new DraftStore(storage, 'user-a').write({
      submissionId: 's1',
      baseVersion: 1,
      values: { a: {} },
      savedAt: '',
    });
    expect(new DraftStore(storage, 'user-b').read('s1')).toBeNull();
    expect(new DraftStore(storage, 'user-a').read('s1')?.baseVersion).toBe(1);
  });

  it('reports a full storage instead of throwing', () => {
    const storage = new MemoryStorage();
    storage.full = true;
    const ok = new DraftStore(storage).write({ submissionId: 's', baseVersion: 1, values: {}, savedAt: '' });
    expect(ok).toBe(false);
  });
});

describe('reconcile local and server', () => {
  it('starts from the server when nothing is local or both agree', () => {
    expect(reconcile(null, server).kind).toBe('server');
    const same = {
      submissionId: 's',
      baseVersion: 2,
      values: { figures: { crimes: 4, note: '' } },
      savedAt: '',
    };
    expect(reconcile(same, server).kind).toBe('server');
  });

  it('restores unsaved edits made on the current version', () => {
    const local = { submissionId: 's', baseVersion: 3, values: { figures: { crimes: 5 } }, savedAt: '' };
    expect(reconcile(local, server)).toEqual({ kind: 'restore', values: { figures: { crimes: 5 } } });
  });

  it('asks when the server moved on since the local edits', () => {
    const local = { submissionId: 's', baseVersion: 2, values: { figures: { crimes: 5 } }, savedAt: '' };
    expect(reconcile(local, server).kind).toBe('choose');
  });

  it('compares data regardless of key order and empty values', () => {
    expect(canonical({ b: 1, a: { y: '', x: [1] } })).toBe(canonical({ a: { x: [1] }, b: 1, c: {} }));
  });
});
