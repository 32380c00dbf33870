import { describe, expect, it } from 'vitest';
import type { ApiWorld } from './api-world';
import { expectStatus } from './api-world';
import {
  COMMEND_CAMPAIGN,
  consolidateAndApprove,
  fileNomination,
  useCommendationWorld,
} from './commendations-world';

/**
 * Issue 12, point 8, on the commendation side: the nomination template (2023 seed) marks the nominee's
 * date of birth sensitive. The council, the chair and the administrator read the nominations the
 * province approved without it; the reviewers and the secretariat read it. Through the local platform.
 */
const world = useCommendationWorld();

describe('sensitive nominee facts in the commendation lists', () => {
  it('the council and the chair read approved nominations and the tờ trình without the nominee birth date; the reviewers with it', async () => {
    const w = world();
    const id = await fileNomination(w.as.communeSubmitter, {
      kind: 'individual',
      name: 'Nguyễn Văn Bình',
      position: 'Phó Trưởng Công an phường',
      gender: 'male',
      birthDate: '1985-04-02',
      awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
    });
    const batchId = await consolidateAndApprove(w, [id]);
    const approvedUrl = `/commendations/campaigns/${COMMEND_CAMPAIGN}/approved`;
    const stageUrl = `/commendations/campaigns/${COMMEND_CAMPAIGN}/nominations?stage=province_approved`;
    const recordOf = async (who: keyof ApiWorld['as']) => {
      const approved = expectStatus(await w.as[who].get(approvedUrl), 200);
      const item = (
        approved.items as { nominationId: string; record: Record<string, unknown> | null }[]
      ).find((i) => i.nominationId === id);
      const listed = expectStatus(await w.as[who].get(stageUrl), 200);
      const record = (listed.items as Record<string, unknown>[]).find((r) => r.nominationId === id);
      return { fromApproved: item?.record ?? null, fromStage: record ?? null };
    };

    const staff = await recordOf('secretariat');
    for (const r of [staff.fromApproved, staff.fromStage]) {
      expect(r).toMatchObject({ nomineeName: 'Nguyễn Văn Bình', nomineeBirthDate: '1985-04-02' });
    }
    for (const who of ['councilMember', 'chair', 'admin'] as const) {
      const seen = await recordOf(who);
      for (const r of [seen.fromApproved, seen.fromStage]) {
        // Who is proposed stays readable (the council votes on a name); the date of birth does not.
        expect(r, who).toMatchObject({ nomineeName: 'Nguyễn Văn Bình', nomineeGender: 'male' });
        expect(r, who).not.toHaveProperty('nomineeBirthDate');
        expect(JSON.stringify(r), who).not.toContain('1985');
      }
    }
    // The tờ trình's list of nominees, as the province reads it.
    const entryOf = async (who: keyof ApiWorld['as']) =>
      (expectStatus(await w.as[who].get(`/commendations/batches/${batchId}`), 200).entries as unknown[])[0];
    expect(await entryOf('secretariat')).toMatchObject({ nomineeBirthDate: '1985-04-02' });
    expect(await entryOf('districtReviewer')).toMatchObject({ nomineeBirthDate: '1985-04-02' });
    expect(await entryOf('chair')).not.toHaveProperty('nomineeBirthDate');
    expect(await entryOf('chair')).toMatchObject({ nomineeName: 'Nguyễn Văn Bình' });
  });
});
