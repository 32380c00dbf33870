import { QueryCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT, emulatorClients } from '../support/platform';
import { expectStatus } from './api-world';
import { COMMEND_CAMPAIGN, consolidateAndApprove, councilWorld, fileNomination } from './commendations-world';

/**
 * The guards of the commendation process, each checked where it is enforced: the secret ballot in the
 * table itself, numbering under a burst of signatures, the public comment limits.
 */
const cw = councilWorld();

const sessionItems = async (sessionId: string): Promise<Record<string, unknown>[]> => {
  const c = emulatorClients(cw.world.platform);
  try {
    const r = await c.dynamo.send(
      new QueryCommand({
        TableName: cw.world.platform.tableName,
        KeyConditionExpression: 'pk = :pk',
        ExpressionAttributeValues: { ':pk': { S: `T#${DEMO_TENANT}#SESSION#${sessionId}` } },
      }),
    );
    return (r.Items ?? []).map((i) => unmarshall(i));
  } finally {
    c.destroy();
  }
};

describe('commendation guards', () => {
  const nominations: string[] = [];
  let disclosureId = '';

  it('prepares five province-approved nominations on one public list', async () => {
    for (let i = 0; i < 5; i++) {
      nominations.push(
        await fileNomination(cw.world.as.communeSubmitter, {
          kind: 'individual',
          name: `Cán bộ số ${i + 1}`,
          position: 'Cán bộ Công an phường',
          awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
        }),
      );
    }
    await consolidateAndApprove(cw.world, nominations);
    const d = expectStatus(
      await cw.world.as.secretariat.post('/commendations/disclosures', {
        campaignId: COMMEND_CAMPAIGN,
        title: 'Danh sách đề nghị khen thưởng cá nhân',
        nominationIds: nominations,
      }),
      201,
    );
    disclosureId = String(d.id);
  });

  it('public comments are limited per address and day, and their contact never leaves the secretariat', async () => {
    const post = (n: number) =>
      cw.world.anonymous.post(`/public/${DEMO_TENANT}/disclosures/${disclosureId}/comments`, {
        authorName: 'Người dân',
        contact: '0912 345 678',
        body: `Ý kiến góp ý số ${n} về danh sách.`,
      });
    for (let i = 1; i <= 5; i++) expectStatus(await post(i), 201);
    const sixth = await post(6);
    expect(sixth.status).toBe(429);
    expect(sixth.text).toContain('rate_limited');
    const pub = expectStatus(
      await cw.world.anonymous.get(`/public/${DEMO_TENANT}/disclosures/${disclosureId}`),
      200,
    );
    expect(JSON.stringify(pub)).not.toContain('0912');
    const staff = expectStatus(
      await cw.world.as.secretariat.get(`/commendations/disclosures/${disclosureId}`),
      200,
    );
    expect((staff.comments as unknown[]).length).toBe(5);
    expect((staff.disclosure as Record<string, unknown>).commentCount).toBe(5);
    const unknownList = await cw.world.anonymous.post(`/public/${DEMO_TENANT}/disclosures/nope/comments`, {
      body: 'Xin chào các bạn',
    });
    expect(unknownList.status).toBe(404);
  });

  it('naming another address in CloudFront-Viewer-Address opens no new allowance (the gateway sets it, as CloudFront does)', async () => {
    for (const forged of ['203.0.113.7:443', '198.51.100.1:1, 203.0.113.8:2']) {
      const r = await cw.world.anonymous.post(
        `/public/${DEMO_TENANT}/disclosures/${disclosureId}/comments`,
        { authorName: 'Người dân', body: 'Ý kiến từ một địa chỉ giả.' },
        { 'cloudfront-viewer-address': forged },
      );
      expect(r.status, forged).toBe(429);
    }
  });

  it('the table itself cannot tell who voted what: papers carry no voter, voter records carry no choice', async () => {
    const staff = expectStatus(
      await cw.world.as.secretariat.get(`/commendations/disclosures/${disclosureId}`),
      200,
    );
    expectStatus(
      await cw.world.as.secretariat.post(`/commendations/disclosures/${disclosureId}/close`, {
        reason: 'Thử nghiệm: kết thúc sớm',
        authority: {
          decidedBy: 'Chủ tịch UBND tỉnh (thử nghiệm)',
          document: 'Công văn số 01/UBND-NC (thử nghiệm)',
        },
        expectedVersion: (staff.disclosure as Record<string, unknown>).version,
      }),
      200,
    );
    const [first] = nominations;
    if (!first) throw new Error('nomination');
    const s = expectStatus(
      await cw.world.as.secretariat.post('/commendations/sessions', {
        campaignId: COMMEND_CAMPAIGN,
        issuingBodyId: 'ubnd-tinh',
        title: 'Phiên kiểm tra bỏ phiếu kín',
        nominationIds: [first],
        memberIds: cw.memberIds,
      }),
      201,
    );
    const sid = String(s.id);
    const choices = ['agree', 'disagree', 'agree'] as const;
    // All three in the same instant: the votes contend for the session's counter and must all land.
    const votes = await Promise.all(
      cw.members.map((m, i) =>
        m.post(`/commendations/sessions/${sid}/ballots`, { choices: { [first]: choices[i] } }),
      ),
    );
    for (const v of votes) expectStatus(v, 201);
    const items = await sessionItems(sid);
    const papers = items.filter((i) => String(i.sk).startsWith('BALLOT#'));
    const voters = items.filter((i) => String(i.sk).startsWith('VOTER#'));
    expect(papers).toHaveLength(3);
    expect(voters).toHaveLength(3);
    for (const p of papers) {
      expect(Object.keys(p).sort()).toEqual(['choices', 'pk', 'sk', 'type']);
      for (const id of cw.memberIds) expect(JSON.stringify(p)).not.toContain(id);
    }
    for (const v of voters) expect(JSON.stringify(v)).not.toMatch(/agree|choices/);
    // Paper ids are random (not time-ordered), so their order says nothing about the order of voting.
    for (const p of papers) expect(String(p.sk)).toMatch(/^BALLOT#[0-9a-f-]{36}$/);
    const closed = expectStatus(
      await cw.world.as.secretariat.post(`/commendations/sessions/${sid}/close`),
      200,
    );
    expect((closed.results as Record<string, unknown>[])[0]).toMatchObject({
      agree: 2,
      disagree: 1,
      passed: true,
    });
    expectStatus(await cw.world.as.chair.post(`/commendations/sessions/${sid}/decision`), 201);
  });

  it('four decisions signed in the same instant take the next four numbers, none twice, none skipped', async () => {
    const rest = nominations.slice(1);
    const sessions = [];
    for (const [i, n] of rest.entries()) {
      const s = expectStatus(
        await cw.world.as.secretariat.post('/commendations/sessions', {
          campaignId: COMMEND_CAMPAIGN,
          issuingBodyId: 'ubnd-tinh',
          title: `Phiên số ${i + 2}`,
          nominationIds: [n],
          memberIds: cw.memberIds,
        }),
        201,
      );
      for (const m of cw.members)
        expectStatus(
          await m.post(`/commendations/sessions/${String(s.id)}/ballots`, { choices: { [n]: 'agree' } }),
          201,
        );
      expectStatus(await cw.world.as.secretariat.post(`/commendations/sessions/${String(s.id)}/close`), 200);
      sessions.push(String(s.id));
    }
    const signed = await Promise.all(
      sessions.map((id) => cw.world.as.chair.post(`/commendations/sessions/${id}/decision`)),
    );
    const numbers = signed.map((r) => expectStatus(r, 201).number as number).sort((a, b) => a - b);
    expect(numbers).toEqual([2, 3, 4, 5]);
    const year =
      new Date().getUTCFullYear() +
      (new Date().getUTCMonth() === 11 && new Date().getUTCDate() === 31 ? 0 : 0);
    const register = expectStatus(await cw.world.as.chair.get(`/commendations/register?year=${year}`), 200);
    const check = (register.checks as Record<string, unknown>[]).find((c) => c.issuingBodyId === 'ubnd-tinh');
    expect(check).toMatchObject({ ok: true, gaps: [], duplicates: [] });
    const pub = expectStatus(await cw.world.anonymous.get(`/public/${DEMO_TENANT}/decisions`), 200);
    expect((pub.items as unknown[]).length).toBe(5);
  });

  it('only the chair signs and revokes; only members vote; a district reviewer sees no council at all', async () => {
    expect(
      (await cw.world.as.districtReviewer.get(`/commendations/campaigns/${COMMEND_CAMPAIGN}/sessions`))
        .status,
    ).toBe(404);
    expect((await cw.world.as.communeSubmitter.get('/commendations/my-sessions')).status).toBe(404);
    expect((await cw.world.as.districtReviewer.get('/commendations/register?year=2026')).status).toBe(404);
    const m0 = cw.members[0];
    if (!m0) throw new Error('member');
    const mine = expectStatus(await m0.get('/commendations/my-sessions'), 200);
    expect(mine.items).toEqual([]);
  });
});
