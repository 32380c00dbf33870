import { describe, expect, it } from 'vitest';
import { type Api, DEMO_TENANT } from '../support/platform';
import { expectStatus } from './api-world';
import { COMMEND_CAMPAIGN, consolidateAndApprove, councilWorld, fileNomination } from './commendations-world';

/**
 * Issue 17, points 3 and 4: the council and the signer decide with the file open (the dossier route), and
 * an issuing body whose văn thư keeps the register gets the number it gave — reserved through the
 * integration route or typed in at signing — never a number used twice (per body, year and series).
 */
const council = councilWorld();

const today = () => new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);

/** Files, forwards and approves one collective nominee for the steering committee's Giấy khen. */
const approvedNominee = async (name: string) => {
  const id = await fileNomination(council.world.as.communeSubmitter, {
    kind: 'collective',
    name,
    awardTypeId: 'giay_khen_bcd_tinh',
  });
  await consolidateAndApprove(council.world, [id]);
  return id;
};

/** A session of the steering committee (bcd-tinh) on one nominee, every member agreeing, closed. */
const countedSession = async (nominationId: string, title: string) => {
  const s = expectStatus(
    await council.world.as.secretariat.post('/commendations/sessions', {
      campaignId: COMMEND_CAMPAIGN,
      issuingBodyId: 'bcd-tinh',
      title,
      nominationIds: [nominationId],
      memberIds: council.memberIds,
      presidingName: 'Nguyễn Chủ Trì',
    }),
    201,
  );
  const sid = String(s.id);
  for (const m of council.members)
    expectStatus(
      await m.post(`/commendations/sessions/${sid}/ballots`, { choices: { [nominationId]: 'agree' } }),
      201,
    );
  expectStatus(await council.world.as.secretariat.post(`/commendations/sessions/${sid}/close`), 200);
  return sid;
};

describe('commendations: deciding with the file open, numbering by the body’s own register', () => {
  let commented = '';

  it('members and the chair read each nominee’s dossier and the public comments about them; no contact', async () => {
    commented = await approvedNominee('Tổ dân phố 3 phường Tân Phú');
    const d = expectStatus(
      await council.world.as.secretariat.post('/commendations/disclosures', {
        campaignId: COMMEND_CAMPAIGN,
        title: 'Danh sách đề nghị tặng Giấy khen',
        nominationIds: [commented],
      }),
      201,
    );
    const comment = 'Tổ dân phố 3 giữ gìn an ninh trật tự rất tốt, tôi đồng ý đề nghị khen.';
    expectStatus(
      await council.world.anonymous.post(`/public/${DEMO_TENANT}/disclosures/${String(d.id)}/comments`, {
        nominationId: commented,
        authorName: 'Trần Thị Dân',
        contact: 'dan@example.com',
        body: comment,
      }),
      201,
    );
    expectStatus(
      await council.world.anonymous.post(`/public/${DEMO_TENANT}/disclosures/${String(d.id)}/comments`, {
        body: 'Ý kiến chung về cả danh sách năm nay.',
      }),
      201,
    );
    expectStatus(
      await council.world.as.secretariat.post(`/commendations/disclosures/${String(d.id)}/close`, {
        reason: 'Hội đồng họp sớm theo chỉ đạo (thử nghiệm)',
        authority: {
          decidedBy: 'Trưởng Ban Chỉ đạo (thử nghiệm)',
          document: 'Công văn số 02/BCĐ (thử nghiệm)',
        },
        expectedVersion: d.version,
      }),
      200,
    );
    const s = expectStatus(
      await council.world.as.secretariat.post('/commendations/sessions', {
        campaignId: COMMEND_CAMPAIGN,
        issuingBodyId: 'bcd-tinh',
        title: 'Xét Giấy khen có hồ sơ mở',
        nominationIds: [commented],
        memberIds: council.memberIds,
        presidingName: 'Nguyễn Chủ Trì',
      }),
      201,
    );
    const member = council.members[0];
    if (!member) throw new Error('member');
    const file = expectStatus(await member.get(`/commendations/sessions/${String(s.id)}/dossier`), 200);
    const item = (file.items as Record<string, unknown>[])[0] ?? {};
    expect(item).toMatchObject({ nominationId: commented, nomineeName: 'Tổ dân phố 3 phường Tân Phú' });
    expect(String(item.achievementSummary)).toContain('phát hiện, xử lý nhiều vụ việc');
    expect(item.meeting).toMatchObject({ members: 9, votesFor: 9, votesAgainst: 0 });
    expect((item.files as { name: string }[]).map((f) => f.name).sort()).toEqual([
      'bao-cao-thanh-tich.pdf',
      'bien-ban.pdf',
      'to-trinh.pdf',
    ]);
    expect((item.comments as { body: string; authorName: string }[]).map((c) => c.body)).toEqual([comment]);
    expect((file.generalComments as { body: string }[]).map((c) => c.body)).toEqual([
      'Ý kiến chung về cả danh sách năm nay.',
    ]);
    expect(file.draftDecisionAvailable).toBe(false);
    expect(JSON.stringify(file)).not.toContain('dan@example.com');
    // The chair reads the same file; a commune officer reads nothing of it (same 404 as an unknown id).
    expectStatus(await council.world.as.chair.get(`/commendations/sessions/${String(s.id)}/dossier`), 200);
    expect(
      (await council.world.as.communeSubmitter.get(`/commendations/sessions/${String(s.id)}/dossier`)).status,
    ).toBe(404);
  });

  it('a body whose văn thư keeps the register: the number is reserved, then confirmed at signing; never twice', async () => {
    const config = expectStatus(
      await council.world.as.admin.get(`/commendations/campaigns/${COMMEND_CAMPAIGN}/config`),
      200,
    );
    const bodies = (config.issuingBodies as Record<string, unknown>[]).map((b) =>
      b.id === 'bcd-tinh' ? { ...b, registerMode: 'external' } : b,
    );
    expectStatus(
      await council.world.as.admin.put(`/commendations/campaigns/${COMMEND_CAMPAIGN}/config`, {
        ...config,
        issuingBodies: bodies,
      }),
      200,
    );
    const year = Number(today().slice(0, 4));
    const reserve = (as: Api, number: number, series = 'ordinary') =>
      as.post('/commendations/register/reservations', {
        campaignId: COMMEND_CAMPAIGN,
        issuingBodyId: 'bcd-tinh',
        number,
        year,
        series,
        ref: `QLVB-${number}`,
      });
    expectStatus(await reserve(council.world.as.secretariat, 15), 201);
    const twice = await reserve(council.world.as.secretariat, 15);
    expect(twice.status).toBe(409);
    expect(twice.text).toContain('number_taken');
    // The classified series is another register: its 15 is free.
    expectStatus(await reserve(council.world.as.secretariat, 15, 'classified'), 201);
    // Only the văn thư's office reserves; a body on the product's register refuses reservations.
    expect((await reserve(council.world.as.chair, 16)).status).toBe(403);
    const productBody = await council.world.as.secretariat.post('/commendations/register/reservations', {
      campaignId: COMMEND_CAMPAIGN,
      issuingBodyId: 'ubnd-tinh',
      number: 16,
      year,
      ref: 'QLVB-16',
    });
    expect(productBody.status).toBe(422);

    const sid = await countedSession(
      await approvedNominee('Tổ dân phố 5 phường Tân Phú'),
      'Xét Giấy khen (sổ của văn thư)',
    );
    const view = expectStatus(await council.world.as.chair.get(`/commendations/sessions/${sid}`), 200);
    expect(view.signing).toMatchObject({ registerMode: 'external', nextNumberText: '' });
    const bare = await council.world.as.chair.post(`/commendations/sessions/${sid}/decision`);
    expect(bare.status).toBe(422);
    expect(bare.text).toContain('register.number');
    const future = await council.world.as.chair.post(`/commendations/sessions/${sid}/decision`, {
      register: { number: 15, date: `${year + 1}-01-05` },
    });
    expect(future.status).toBe(422);
    expect(future.text).toContain('register.date');
    const signed = expectStatus(
      await council.world.as.chair.post(`/commendations/sessions/${sid}/decision`, {
        register: { number: 15, date: today() },
      }),
      201,
    );
    expect(signed).toMatchObject({ number: 15, numberText: '15/QĐ-BCĐ', signedOn: today() });

    // The same number again (typed in for another decision) is refused, reserved or not.
    const sid2 = await countedSession(
      await approvedNominee('Tổ dân phố 7 phường Tân Phú'),
      'Xét Giấy khen lần hai',
    );
    const dup = await council.world.as.chair.post(`/commendations/sessions/${sid2}/decision`, {
      register: { number: 15, date: today() },
    });
    expect(dup.status).toBe(409);
    expect(dup.text).toContain('number_taken');
    const typed = expectStatus(
      await council.world.as.chair.post(`/commendations/sessions/${sid2}/decision`, {
        register: { number: 4, date: today() },
      }),
      201,
    );
    expect(typed.numberText).toBe('04/QĐ-BCĐ');
    const register = expectStatus(
      await council.world.as.chair.get(`/commendations/register?year=${year}`),
      200,
    );
    const numbers = (register.entries as { issuingBodyId: string; number: number }[])
      .filter((e) => e.issuingBodyId === 'bcd-tinh')
      .map((e) => e.number)
      .sort((a, b) => a - b);
    expect(numbers).toEqual([4, 15]);
  });
});
