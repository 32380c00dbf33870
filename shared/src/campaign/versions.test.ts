import { describe, expect, it } from 'vitest';
import { campaign2023 } from './campaign-2023';
import { changedFields, planPublication } from './versions';

describe('changedFields', () => {
  it('names the top-level fields and the forms (by key) that changed', () => {
    const after = {
      ...campaign2023,
      requireUnitSignOff: true,
      forms: campaign2023.forms.map((f) => (f.formKey === 'periodic_report' ? { ...f, cutOffDay: 14 } : f)),
    };
    expect(changedFields(campaign2023, after)).toEqual(['requireUnitSignOff', 'forms.periodic_report']);
  });

  it('sees a form removed and one added, and nothing when nothing changed', () => {
    const [first, ...rest] = campaign2023.forms;
    if (!first) throw new Error('fixture');
    const after = { ...campaign2023, forms: [...rest, { ...first, formKey: 'monthly_report' }] };
    expect(changedFields(campaign2023, after)).toEqual(['forms.monthly_report', 'forms.registration']);
    expect(changedFields(campaign2023, structuredClone(campaign2023))).toEqual([]);
  });

  it('calls everything new in a first version', () => {
    expect(changedFields(null, campaign2023)).toEqual(['*']);
  });
});

describe('planPublication', () => {
  it('creates version 1 of a new campaign and replaces an existing one', () => {
    expect(planPublication({ exists: false, latestVersion: null, baseVersion: 0 })).toEqual({
      ok: true,
      version: 1,
      mode: 'create',
    });
    // The seeded 2023 campaign exists without versions: its first publication is version 1.
    expect(planPublication({ exists: true, latestVersion: null, baseVersion: 0 })).toEqual({
      ok: true,
      version: 1,
      mode: 'replace',
    });
    expect(planPublication({ exists: true, latestVersion: 3, baseVersion: 3 })).toEqual({
      ok: true,
      version: 4,
      mode: 'replace',
    });
  });

  it('refuses an edit started from a version someone has since replaced', () => {
    expect(planPublication({ exists: true, latestVersion: 4, baseVersion: 3 })).toEqual({
      ok: false,
      latest: 4,
    });
    expect(planPublication({ exists: true, latestVersion: null, baseVersion: 2 })).toEqual({
      ok: false,
      latest: 0,
    });
  });
});
