import {
  commendationConfig2023,
  type DecisionEntry,
  findIssuingBody,
  type IssuingBody,
  issuingBodyOn,
  ruleSetOn,
} from '@thidua/shared/commendation';
import { describe, expect, it } from 'vitest';
import { decisionDocx } from './docx-files';
import { docxText } from './read-office';

/**
 * A decision takes the issuing body and the bases in force on its date (issue 13, point 5): the same
 * configuration prints Bình Phước and the 2015 law in 2023, and the merged province of Đồng Nai, the
 * 2025 law and Decree 152/2025 in 2026.
 */
const entry: DecisionEntry = {
  nominationId: 'n1',
  unitId: 'u1',
  unitName: 'Phường Bình Phước',
  awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
  awardTypeName: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
  nomineeKind: 'collective',
  nomineeName: 'Công an phường Bình Phước',
  nomineeTitle: '',
  nomineeUnitName: 'Phường Bình Phước',
  outcome: 'awarded',
  reason: '',
  agree: 3,
  denominatorCount: 3,
  agreePercent: 100,
};

const decisionOn = async (province: string, signedOn: string): Promise<string> => {
  const config = commendationConfig2023('c', province);
  const body = issuingBodyOn(findIssuingBody(config, 'ubnd-tinh') as IssuingBody, signedOn);
  return docxText(
    await decisionDocx({
      config,
      issuingBody: body,
      ruleBases: (ruleSetOn(config, signedOn)?.legalBases ?? []).map((b) => b.ref),
      numberText: '01/QĐ-UBND',
      signedOn,
      signature: { onBehalf: '', title: 'CHỦ TỊCH', name: 'Nguyễn Minh Khang' },
      minutesRef: 'Biên bản số 01/BB-HĐTĐKT',
      entries: [entry],
    }),
  );
};

describe('a decision prints the body and the bases in force on its date', () => {
  it('2026, the merged province: Đồng Nai, the 2025 Law on Local Government, Law 06/2022, Decree 152/2025', async () => {
    const text = await decisionOn('Đồng Nai', '2026-12-15');
    expect(text).toContain('TỈNH ĐỒNG NAI');
    expect(text).toContain('Đồng Nai, ngày 15 tháng 12 năm 2026');
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH ĐỒNG NAI');
    expect(text).toContain('Căn cứ Luật Tổ chức chính quyền địa phương ngày 16 tháng 6 năm 2025;');
    expect(text).toContain('Căn cứ Luật Thi đua, khen thưởng số 06/2022/QH15');
    expect(text).toContain('Căn cứ Nghị định số 152/2025/NĐ-CP ngày 14 tháng 6 năm 2025');
    expect(text).not.toMatch(/TỈNH BÌNH PHƯỚC|tỉnh Bình Phước|2015|91\/2017|98\/2023/);
  });

  it('2023, Bình Phước: the 2015 Law on Local Government, the 2003 law and Decree 91/2017', async () => {
    const text = await decisionOn('Bình Phước', '2023-12-20');
    expect(text).toContain('TỈNH BÌNH PHƯỚC');
    expect(text).toContain('Căn cứ Luật Tổ chức chính quyền địa phương ngày 19 tháng 6 năm 2015');
    expect(text).toContain('Căn cứ Nghị định số 91/2017/NĐ-CP');
    expect(text).not.toMatch(/2025|152\/2025|06\/2022/);
  });
});
