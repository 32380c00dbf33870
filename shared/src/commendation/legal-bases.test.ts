import { describe, expect, it } from 'vitest';
import { basesInForce, findIssuingBody, issuingBodyOn, ruleSetOn } from './award-types';
import { commendationConfig2023 } from './config-2023';
import { legalBasisCatalogue, lolg2015, lolg2025 } from './legal-bases';

/** Issuing bodies and legal bases are dated data: a document takes what was in force on its date. */
describe('dated issuing bodies and legal bases', () => {
  const dongNai = commendationConfig2023('kh-2026-dn', 'Đồng Nai');
  const binhPhuoc = commendationConfig2023('kh38-2023');
  const ubnd = (c: typeof dongNai) => {
    const b = findIssuingBody(c, 'ubnd-tinh');
    if (!b) throw new Error('no body');
    return b;
  };

  it('heads a 2026 decision of the merged province "ỦY BAN NHÂN DÂN / TỈNH ĐỒNG NAI" on the 2025 law', () => {
    const b = issuingBodyOn(ubnd(dongNai), '2026-12-15');
    expect(b.headerLines).toEqual(['ỦY BAN NHÂN DÂN', 'TỈNH ĐỒNG NAI']);
    expect(b.authorityLine).toBe('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI');
    expect(b.place).toBe('Đồng Nai');
    expect(b.competenceBases).toEqual([lolg2025.ref]);
    expect(b.bases.map((x) => x.tag)).toEqual(['law_lolg']);
  });

  it('cites the 2015 law for a 2023 decision and switches on 1/7/2025', () => {
    expect(issuingBodyOn(ubnd(binhPhuoc), '2023-12-15').competenceBases).toEqual([lolg2015.ref]);
    expect(issuingBodyOn(ubnd(binhPhuoc), '2025-06-30').competenceBases).toEqual([lolg2015.ref]);
    expect(issuingBodyOn(ubnd(binhPhuoc), '2025-07-01').competenceBases).toEqual([lolg2025.ref]);
    expect(issuingBodyOn(ubnd(binhPhuoc), '2023-12-15').headerLines).toEqual([
      'ỦY BAN NHÂN DÂN',
      'TỈNH BÌNH PHƯỚC',
    ]);
  });

  it('picks the rule set and its bases by date: Law 2003 + Decree 91 (2023), Decree 98 (2024), Decree 152 (2026)', () => {
    const refs = (on: string) => (ruleSetOn(dongNai, on)?.legalBases ?? []).map((b) => b.ref);
    expect(refs('2023-12-15').join()).toMatch(
      /Luật Thi đua, khen thưởng ngày 26 tháng 11 năm 2003.*91\/2017/,
    );
    expect(refs('2024-06-01').join()).toMatch(/06\/2022\/QH15.*98\/2023/);
    expect(refs('2026-12-15').join()).toMatch(/06\/2022\/QH15.*152\/2025/);
  });

  it('a body without editions is as configured (older stored configurations)', () => {
    const { editions: _e, ...plain } = ubnd(binhPhuoc);
    expect(issuingBodyOn(plain, '2026-01-01')).toEqual({ ...plain, bases: [] });
  });

  it('every basis not checked against a public text says what remains to check', () => {
    for (const b of legalBasisCatalogue) {
      expect(b.tag, b.ref).toMatch(/^[a-z_]+$/);
      if (b.toVerify) expect(b.note?.length ?? 0, b.ref).toBeGreaterThan(20);
    }
    expect(
      basesInForce(legalBasisCatalogue, '2026-12-01')
        .map((b) => b.tag)
        .sort(),
    ).toEqual(
      [
        'decree_documents',
        'decree_tdkt',
        'law_lolg',
        'law_tdkt',
        'resolution_communes',
        'resolution_merger',
      ].sort(),
    );
  });
});
