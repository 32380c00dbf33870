import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { docxText, xlsxRows } from '@thidua/functions/features/commendations/documents/read-office';
import { createNominationGuard } from '@thidua/functions/features/commendations/guard';
import { createSubmissionRepository } from '@thidua/functions/features/submissions/repository';
import { describe, expect, it } from 'vitest';
import { type Api, DEMO_TENANT, emulatorClients } from '../support/platform';
import { expectStatus } from './api-world';
import {
  COMMEND_CAMPAIGN,
  completeNomination,
  consolidateAndApprove,
  consolidateAndSend,
  councilWorld,
  draftBatch,
  draftNomination,
  fileNomination,
  NOMINATION_PERIOD,
} from './commendations-world';

const cw = councilWorld();

const download = async (url: string): Promise<Uint8Array> => {
  const r = await fetch(url);
  expect(r.status).toBe(200);
  return new Uint8Array(await r.arrayBuffer());
};

/** Discloses the nominations, then ends the window early (the tests cannot wait 5 working days). */
const discloseAndEnd = async (ids: string[], title: string) => {
  const d = expectStatus(
    await cw.world.as.secretariat.post('/commendations/disclosures', {
      campaignId: COMMEND_CAMPAIGN,
      title,
      nominationIds: ids,
    }),
    201,
  );
  return d;
};
const endDisclosure = async (d: Record<string, unknown>) =>
  expectStatus(
    await cw.world.as.secretariat.post(`/commendations/disclosures/${String(d.id)}/close`, {
      reason: 'Hội đồng họp sớm theo chỉ đạo (thử nghiệm)',
      authority: {
        decidedBy: 'Chủ tịch UBND tỉnh (thử nghiệm)',
        document: 'Công văn số 01/UBND-NC (thử nghiệm)',
      },
      expectedVersion: d.version,
    }),
    200,
  );

const openSession = async (ids: string[], title: string) =>
  expectStatus(
    await cw.world.as.secretariat.post('/commendations/sessions', {
      campaignId: COMMEND_CAMPAIGN,
      issuingBodyId: 'ubnd-tinh',
      title,
      nominationIds: ids,
      memberIds: cw.memberIds,
      presidingName: 'Nguyễn Chủ Trì',
    }),
    201,
  );

const voteAll = async (sessionId: string, nominationId: string, choices: ('agree' | 'disagree')[]) => {
  for (const [i, choice] of choices.entries()) {
    const m = cw.members[i];
    if (!m) throw new Error('member');
    expectStatus(
      await m.post(`/commendations/sessions/${sessionId}/ballots`, { choices: { [nominationId]: choice } }),
      201,
    );
  }
};

describe('commendations: commune → district batch → province → disclosure → council → decision → public', () => {
  let nominationA = '';
  let decisionA: Record<string, unknown> = {};

  it('the district consolidates its commune’s nomination into one tờ trình that the province approves', async () => {
    nominationA = await fileNomination(cw.world.as.communeSubmitter, {
      kind: 'collective',
      name: 'Công an phường Tân Phú',
      awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
    });
    const candidates = expectStatus(
      await cw.world.as.districtReviewer.get(`/commendations/campaigns/${COMMEND_CAMPAIGN}/batch-candidates`),
      200,
    );
    expect((candidates.items as { id: string }[]).map((c) => c.id)).toContain(nominationA);
    const candidate = (candidates.items as Record<string, unknown>[]).find((c) => c.id === nominationA);
    expect(candidate).toMatchObject({
      nomineeName: 'Công an phường Tân Phú',
      awardTypeName: 'Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
      batchId: null,
    });
    // Another district sees nothing of it and cannot consolidate it.
    const other = await cw.world.as.otherDistrictReviewer.post('/commendations/batches', {
      campaignId: COMMEND_CAMPAIGN,
      nominationIds: [nominationA],
    });
    expect(other.status).toBe(422);

    const batchId = await consolidateAndApprove(cw.world, [nominationA]);
    const doc = expectStatus(
      await cw.world.as.districtReviewer.get(`/commendations/batches/${batchId}/document`),
      200,
    );
    const text = docxText(await download(String(doc.url)));
    expect(text).toContain('TỜ TRÌNH');
    expect(text).toContain('THÀNH PHỐ ĐỒNG XOÀI');
    expect(text).toContain('Số: 12/TTr-UBND');
    expect(text).toContain('Công an phường Tân Phú');
    expect(text).toContain('Tổng cộng: 01 tập thể');
    const sub = expectStatus(await cw.world.as.communeSubmitter.get(`/submissions/${nominationA}`), 200);
    expect(sub.state ?? (sub.submission as Record<string, unknown>)?.state).toBe('approved');
  });

  it('discloses the list publicly, takes a comment, and keeps the council waiting until the window ends', async () => {
    const d = await discloseAndEnd([nominationA], 'Danh sách đề nghị tặng Bằng khen năm 2026');
    expect(d.workingDays).toBe(5);
    const list = expectStatus(await cw.world.anonymous.get(`/public/${DEMO_TENANT}/disclosures`), 200);
    const pub = (list.items as Record<string, unknown>[]).find((x) => x.id === d.id);
    expect(pub?.status).toBe('open');
    expect(JSON.stringify(pub)).toContain('Công an phường Tân Phú');
    expect(JSON.stringify(pub)).not.toContain('meeting');

    const tooLong = await cw.world.anonymous.post(
      `/public/${DEMO_TENANT}/disclosures/${String(d.id)}/comments`,
      {
        body: 'x'.repeat(2001),
      },
    );
    expect(tooLong.status).toBe(400);
    expectStatus(
      await cw.world.anonymous.post(`/public/${DEMO_TENANT}/disclosures/${String(d.id)}/comments`, {
        nominationId: nominationA,
        authorName: 'Một người dân',
        contact: 'nguoidan@example.com',
        body: 'Công an phường Tân Phú làm việc rất tận tình, tôi đồng ý khen thưởng.',
      }),
      201,
    );
    const staff = expectStatus(
      await cw.world.as.secretariat.get(`/commendations/disclosures/${String(d.id)}`),
      200,
    );
    expect((staff.comments as { body: string }[]).map((c) => c.body)).toEqual([
      'Công an phường Tân Phú làm việc rất tận tình, tôi đồng ý khen thưởng.',
    ]);
    // The commune officer is not the secretariat.
    expect(
      (await cw.world.as.communeSubmitter.get(`/commendations/disclosures/${String(d.id)}`)).status,
    ).toBe(404);

    const early = await cw.world.as.secretariat.post('/commendations/sessions', {
      campaignId: COMMEND_CAMPAIGN,
      issuingBodyId: 'ubnd-tinh',
      title: 'Phiên họp sớm',
      nominationIds: [nominationA],
      memberIds: cw.memberIds,
    });
    expect(early.status).toBe(422);
    expect(early.text).toContain('chưa hết thời gian công khai');
    const staffDisclosure = staff.disclosure as Record<string, unknown>;
    await endDisclosure(staffDisclosure);
    const closedComment = await cw.world.anonymous.post(
      `/public/${DEMO_TENANT}/disclosures/${String(d.id)}/comments`,
      {
        body: 'Ý kiến gửi sau khi đã hết hạn.',
      },
    );
    expect(closedComment.status).toBe(422);
  });

  it('holds a secret ballot: members learn only that they voted; the close tallies and writes the minutes', async () => {
    const s = await openSession([nominationA], 'Xét khen thưởng phong trào thử nghiệm 2026');
    const sid = String(s.id);
    await voteAll(sid, nominationA, ['agree', 'agree', 'disagree']);
    const again = await cw.members[0]?.post(`/commendations/sessions/${sid}/ballots`, {
      choices: { [nominationA]: 'agree' },
    });
    expect(again?.status).toBe(409);
    const outsider = await cw.world.as.provinceReviewer.post(`/commendations/sessions/${sid}/ballots`, {
      choices: { [nominationA]: 'agree' },
    });
    expect([403, 404]).toContain(outsider.status);

    const m2 = cw.members[2];
    if (!m2) throw new Error('member');
    const mine = expectStatus(await m2.get(`/commendations/sessions/${sid}`), 200);
    expect(mine.myBallot).toMatchObject({ isMember: true, voted: true });
    expect(mine.results).toBeNull();
    const open = expectStatus(await cw.world.as.secretariat.get(`/commendations/sessions/${sid}`), 200);
    expect(open.results).toBeNull();
    for (const r of [mine, open]) expect(JSON.stringify(r)).not.toMatch(/choices|disagree/);

    const closed = expectStatus(
      await cw.world.as.secretariat.post(`/commendations/sessions/${sid}/close`),
      200,
    );
    expect(closed.state).toBe('closed');
    const [result] = closed.results as Record<string, unknown>[];
    expect(result).toMatchObject({ agree: 2, disagree: 1, voters: 3, members: 3, passed: true });
    expect(JSON.stringify(closed)).not.toContain('choices');
    const late = await cw.members[0]?.post(`/commendations/sessions/${sid}/ballots`, {
      choices: { [nominationA]: 'agree' },
    });
    expect(late?.status).toBe(409);

    const minutes = expectStatus(
      await cw.world.as.secretariat.get(`/commendations/sessions/${sid}/minutes`),
      200,
    );
    const text = docxText(await download(String(minutes.url)));
    expect(text).toContain('BIÊN BẢN');
    expect(text).toContain(`Số: ${String(closed.minutesNumber)}`);
    expect(text).toContain('Công an phường Tân Phú làm việc rất tận tình');
    expect(text).not.toContain('nguoidan@example.com');
    expect(text).toContain('66,67%');
    expect(text).toContain('kết thúc công khai trước thời hạn');

    const signed = expectStatus(await cw.world.as.chair.post(`/commendations/sessions/${sid}/decision`), 201);
    decisionA = signed;
    expect(signed.number).toBe(1);
    expect(signed.numberText).toBe('01/QĐ-UBND');
    const again2 = await cw.world.as.chair.post(`/commendations/sessions/${sid}/decision`);
    expect(again2.status).toBe(409);
    expect((await cw.world.as.secretariat.post(`/commendations/sessions/${sid}/decision`)).status).toBe(404);
  });

  it('publishes the decision (number, date, signer, awardees by unit) and serves its DOCX and XLSX', async () => {
    const id = String(decisionA.id);
    const pub = expectStatus(await cw.world.anonymous.get(`/public/${DEMO_TENANT}/decisions/${id}`), 200);
    expect(pub).toMatchObject({ numberText: '01/QĐ-UBND', signerName: 'Huỳnh Văn Quang', awardeeCount: 1 });
    expect(JSON.stringify(pub)).toContain('Công an phường Tân Phú');
    expect(JSON.stringify(pub)).not.toMatch(/agree|meeting|summary|votes/);

    const redirect = await cw.world.anonymous.request(
      'GET',
      `/public/${DEMO_TENANT}/decisions/${id}/document`,
      {
        redirect: 'manual',
      },
    );
    expect(redirect.status).toBe(303);
    const text = docxText(await download(String(redirect.headers.get('location'))));
    expect(text).toContain('Số: 01/QĐ-UBND');
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN TỈNH BÌNH PHƯỚC');
    expect(text).toContain('Huỳnh Văn Quang');
    expect(text).toContain('Công an phường Tân Phú');
    expect(text).toContain('Tổng cộng: 01 tập thể');

    const xlsx = expectStatus(
      await cw.world.as.chair.get(`/commendations/decisions/${id}/document?format=xlsx`),
      200,
    );
    const rows = xlsxRows(await download(String(xlsx.url)));
    expect(rows).toHaveLength(2);
    expect(rows[1]?.[1]).toBe('Công an phường Tân Phú');
    expect(rows[1]?.[6]).toBe('01/QĐ-UBND');

    const notes = expectStatus(await cw.world.as.communeSubmitter.get('/commendations/notifications'), 200);
    expect(JSON.stringify(notes.items)).toContain('01/QĐ-UBND');
  });

  it('the search box finds the decision by its number and the nominee by name, within scope (issue 15)', async () => {
    type Hit = { kind: string; id: string; title: string };
    const hits = async (who: Api, q: string) =>
      expectStatus(await who.get(`/search?q=${encodeURIComponent(q)}`), 200).hits as Hit[];
    for (const who of [
      cw.world.as.communeSubmitter,
      cw.world.as.otherDistrictReviewer,
      cw.world.as.secretariat,
    ]) {
      const found = await hits(who, '01/qd-ubnd');
      expect(found.find((h) => h.kind === 'decision')).toMatchObject({
        id: String(decisionA.id),
        title: 'Quyết định số 01/QĐ-UBND',
      });
    }
    for (const who of [cw.world.as.communeSubmitter, cw.world.as.districtReviewer, cw.world.as.secretariat]) {
      const found = await hits(who, 'cong an phuong tan phu');
      expect(found.find((h) => h.kind === 'nominee' && h.id === nominationA)?.title).toBe(
        'Công an phường Tân Phú',
      );
    }
    // Another district's reviewer reads nothing of this commune's nominations.
    const other = await hits(cw.world.as.otherDistrictReviewer, 'cong an phuong tan phu');
    expect(other.filter((h) => h.kind === 'nominee')).toEqual([]);
  });

  it('refuses a second form for the same nominee in the same campaign (one achievement, one award): 422', async () => {
    const dup = await fileNomination(cw.world.as.communeSubmitter, {
      kind: 'collective',
      name: 'Công an  phường TÂN PHÚ',
      awardTypeId: 'tap_the_lao_dong_xuat_sac',
    });
    const created = await draftBatch(cw.world, [dup]);
    const findings = created.findings as { violations: string[] }[];
    expect(findings[0]?.violations.join(' ')).toContain('một thành tích chỉ được khen một hình thức');
    const batch = created.batch as { id: string; version: number };
    const sent = await cw.world.as.districtReviewer.post(`/commendations/batches/${batch.id}/submit`, {
      expectedVersion: batch.version,
    });
    expect(sent.status).toBe(422);
    expect(sent.text).toContain('commendation_rules');
    // Nothing moved: the nomination still waits at the district.
    const sub = expectStatus(await cw.world.as.districtReviewer.get(`/submissions/${dup}`), 200);
    expect(JSON.stringify(sub)).toContain('under_review');

    // The same check is offered to the generic submissions route for nominations forwarded one by one.
    const clients = emulatorClients(cw.world.platform);
    try {
      const ref = { table: cw.world.platform.tableName, client: DynamoDBDocumentClient.from(clients.dynamo) };
      const stored = await createSubmissionRepository(ref).get(DEMO_TENANT, dup);
      if (!stored) throw new Error('submission');
      const guard = createNominationGuard(ref);
      await expect(guard(stored, { type: 'approve' })).rejects.toMatchObject({
        status: 422,
        code: 'commendation_rules',
      });
      expect(await guard(stored, { type: 'return', reason: 'Bổ sung hồ sơ' })).toEqual([]);
      expect(await guard({ ...stored, formKey: 'periodic_report' }, { type: 'approve' })).toEqual([]);
    } finally {
      clients.destroy();
    }
  });

  let b = '';
  let c = '';

  it('a commune proposes two nominees for the same year: two drafts side by side, one tờ trình carries both', async () => {
    const rollup = async () =>
      expectStatus(
        await cw.world.as.districtReviewer.get(
          `/campaigns/${COMMEND_CAMPAIGN}/completeness?formKey=nomination&period=${NOMINATION_PERIOD}`,
        ),
        200,
      );
    const counters = (r: Record<string, unknown>) => r.stateCounters as Record<string, number | undefined>;
    const before = counters(await rollup());

    // Two drafts of the same unit, campaign, form and period coexist; neither is refused as a duplicate.
    const nominees = [
      {
        kind: 'individual',
        name: 'Trần Văn Bảo',
        position: 'Phó Trưởng Công an phường',
        awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
      },
      {
        kind: 'individual',
        name: 'Lê Thị Cúc',
        position: 'Cán bộ Công an phường',
        awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
      },
    ] as const;
    const drafts = [
      await draftNomination(cw.world.as.communeSubmitter, nominees[0]),
      await draftNomination(cw.world.as.communeSubmitter, nominees[1]),
    ] as const;
    b = String(drafts[0].id);
    c = String(drafts[1].id);
    expect(b).not.toBe(c);
    expect(drafts[0].multiplePerPeriod).toBe(true);
    const mine = expectStatus(
      await cw.world.as.communeSubmitter.get(
        `/submissions?scope=mine&campaignId=${COMMEND_CAMPAIGN}&formKey=nomination&period=${NOMINATION_PERIOD}&status=draft`,
      ),
      200,
    );
    expect((mine.items as { id: string }[]).map((x) => x.id)).toEqual(expect.arrayContaining([b, c]));
    // The counters count nominations: each draft is one more; neither overwrote the other's cell.
    expect(counters(await rollup()).draft ?? 0).toBe((before.draft ?? 0) + 2);

    await completeNomination(cw.world.as.communeSubmitter, nominees[0], drafts[0]);
    await completeNomination(cw.world.as.communeSubmitter, nominees[1], drafts[1]);
    const submitted = await rollup();
    expect(counters(submitted).under_review ?? 0).toBe((before.under_review ?? 0) + 2);
    expect(counters(submitted).draft ?? 0).toBe(before.draft ?? 0);
    const waiting = expectStatus(
      await cw.world.as.districtReviewer.get(`/commendations/campaigns/${COMMEND_CAMPAIGN}/batch-candidates`),
      200,
    );
    expect((waiting.items as { id: string }[]).map((x) => x.id)).toEqual(expect.arrayContaining([b, c]));
    await consolidateAndApprove(cw.world, [b, c]);
    for (const id of [b, c]) {
      const sub = expectStatus(await cw.world.as.communeSubmitter.get(`/submissions/${id}`), 200);
      expect(sub).toMatchObject({ state: 'approved', period: NOMINATION_PERIOD, multiplePerPeriod: true });
    }
    const after = await rollup();
    expect(counters(after).approved ?? 0).toBe((before.approved ?? 0) + 2);
    // The commune stands where its most advanced nomination stands.
    const commune = (after.units as { unitId: string; status: string }[]).find(
      (u) => u.unitId === 'dong-xoai-tan-phu',
    );
    expect(commune?.status).toBe('approved');
  });

  it('two decisions signed at once get consecutive numbers, no duplicate, no gap', async () => {
    const d = await discloseAndEnd([b, c], 'Danh sách đề nghị khen thưởng cá nhân');
    const staff = expectStatus(
      await cw.world.as.secretariat.get(`/commendations/disclosures/${String(d.id)}`),
      200,
    );
    await endDisclosure(staff.disclosure as Record<string, unknown>);
    const sessions = [
      await openSession([b], 'Phiên xét thứ hai'),
      await openSession([c], 'Phiên xét thứ ba'),
    ];
    for (const [i, s] of sessions.entries()) {
      await voteAll(String(s.id), i === 0 ? b : c, ['agree', 'agree', 'agree']);
      expectStatus(await cw.world.as.secretariat.post(`/commendations/sessions/${String(s.id)}/close`), 200);
    }
    const signed = await Promise.all(
      sessions.map((s) => cw.world.as.chair.post(`/commendations/sessions/${String(s.id)}/decision`)),
    );
    const numbers = signed.map((r) => expectStatus(r, 201).number as number).sort();
    expect(numbers).toEqual([2, 3]);
    const year = String((decisionA.signedOn as string).slice(0, 4));
    const register = expectStatus(await cw.world.as.chair.get(`/commendations/register?year=${year}`), 200);
    expect(register.checks).toEqual([{ issuingBodyId: 'ubnd-tinh', ok: true, gaps: [], duplicates: [] }]);
    expect((register.entries as unknown[]).length).toBe(3);
  });

  it('revokes an award: both records kept, the number continues the sequence, the public page shows it', async () => {
    const id = String(decisionA.id);
    const bad = await cw.world.as.secretariat.post(`/commendations/decisions/${id}/revocations`, {
      nominationId: nominationA,
      reason: 'Kê khai không trung thực',
    });
    expect(bad.status).toBe(404);
    const rev = expectStatus(
      await cw.world.as.chair.post(`/commendations/decisions/${id}/revocations`, {
        nominationId: nominationA,
        reason: 'Phát hiện kê khai thành tích không trung thực',
      }),
      201,
    );
    expect(rev.numberText).toBe('04/QĐ-UBND');
    const full = expectStatus(await cw.world.as.chair.get(`/commendations/decisions/${id}`), 200);
    expect((full.decision as Record<string, unknown>).numberText).toBe('01/QĐ-UBND');
    expect((full.revocations as unknown[]).length).toBe(1);
    const pub = expectStatus(await cw.world.anonymous.get(`/public/${DEMO_TENANT}/decisions/${id}`), 200);
    const awardee = (pub.byUnit as { awardees: Record<string, unknown>[] }[])[0]?.awardees[0];
    expect(awardee).toMatchObject({ revoked: true, revocationNumber: '04/QĐ-UBND' });
    const again = await cw.world.as.chair.post(`/commendations/decisions/${id}/revocations`, {
      nominationId: nominationA,
      reason: 'Lặp lại',
    });
    expect(again.status).toBe(409);
  });

  it('a returned tờ trình sends every member back to its author with the reason, and tells the district', async () => {
    const id = await fileNomination(cw.world.as.communeSubmitter, {
      kind: 'individual',
      name: 'Phạm Văn Dũng',
      position: 'Cán bộ Công an phường',
      awardTypeId: 'giay_khen_bcd_tinh',
    });
    const { batch, sent } = await consolidateAndSend(cw.world, [id]);
    const stale = await cw.world.as.provinceReviewer.post(`/commendations/batches/${batch.id}/decision`, {
      type: 'approve',
      expectedVersion: batch.version,
    });
    expect(stale.status).toBe(409);
    expect(
      (
        await cw.world.as.districtReviewer.post(`/commendations/batches/${batch.id}/decision`, {
          type: 'approve',
          expectedVersion: sent.version,
        })
      ).status,
    ).toBe(403);
    const returned = expectStatus(
      await cw.world.as.provinceReviewer.post(`/commendations/batches/${batch.id}/decision`, {
        type: 'return',
        reason: 'Bổ sung báo cáo thành tích có xác nhận',
        expectedVersion: sent.version,
      }),
      200,
    );
    expect(returned.state).toBe('returned');
    const sub = expectStatus(await cw.world.as.communeSubmitter.get(`/submissions/${id}`), 200);
    expect(JSON.stringify(sub)).toContain('"returned"');
    const notes = expectStatus(await cw.world.as.districtReviewer.get('/commendations/notifications'), 200);
    expect(JSON.stringify(notes.items)).toContain('Bổ sung báo cáo thành tích có xác nhận');
    const records = expectStatus(
      await cw.world.as.secretariat.get(
        `/commendations/campaigns/${COMMEND_CAMPAIGN}/nominations?stage=returned`,
      ),
      200,
    );
    expect((records.items as { nominationId: string }[]).map((r) => r.nominationId)).toContain(id);
  });

  it('each role reaches only its own part of the process', async () => {
    const expectRefused = (status: number) => expect([403, 404]).toContain(status);
    expectRefused(
      (
        await cw.world.as.communeSubmitter.post('/commendations/batches', {
          campaignId: COMMEND_CAMPAIGN,
          nominationIds: [],
        })
      ).status,
    );
    expectRefused(
      (
        await cw.world.as.provinceReviewer.post('/commendations/disclosures', {
          campaignId: COMMEND_CAMPAIGN,
          title: 'Danh sách thử',
          nominationIds: ['x'],
        })
      ).status,
    );
    expectRefused(
      (
        await cw.world.as.chair.post('/commendations/sessions', {
          campaignId: COMMEND_CAMPAIGN,
          issuingBodyId: 'ubnd-tinh',
          title: 'Phiên thử',
          nominationIds: ['x'],
          memberIds: ['y'],
        })
      ).status,
    );
    expectRefused(
      (await cw.world.as.districtReviewer.get(`/commendations/campaigns/${COMMEND_CAMPAIGN}/disclosures`))
        .status,
    );
    expectRefused(
      (
        await cw.world.as.communeSubmitter.get(
          `/commendations/campaigns/${COMMEND_CAMPAIGN}/nominations?stage=awarded`,
        )
      ).status,
    );
    expectRefused(
      (
        await cw.world.as.districtReviewer.get(
          `/commendations/campaigns/${COMMEND_CAMPAIGN}/batches?scope=submitted`,
        )
      ).status,
    );
    const mine = expectStatus(
      await cw.world.as.otherDistrictReviewer.get(`/commendations/campaigns/${COMMEND_CAMPAIGN}/batches`),
      200,
    );
    expect(mine.items).toEqual([]);
    // The admin may change the rules: a stored configuration replaces the built-in one.
    const config = expectStatus(
      await cw.world.as.admin.get(`/commendations/campaigns/${COMMEND_CAMPAIGN}/config`),
      200,
    );
    const stored = expectStatus(
      await cw.world.as.admin.put(`/commendations/campaigns/${COMMEND_CAMPAIGN}/config`, {
        ...config,
        holidays: ['2026-12-31'],
      }),
      200,
    );
    expect(stored.holidays).toEqual(['2026-12-31']);
    expectRefused(
      (await cw.world.as.secretariat.put(`/commendations/campaigns/${COMMEND_CAMPAIGN}/config`, config))
        .status,
    );
  });

  it('an Idempotency-Key replayed on a write answers the first answer and writes nothing more', async () => {
    const id = await fileNomination(cw.world.as.communeSubmitter, {
      kind: 'individual',
      name: 'Vũ Thị Hoa',
      position: 'Cán bộ Công an phường',
      awardTypeId: 'giay_khen_bcd_tinh',
    });
    const before = expectStatus(
      await cw.world.as.districtReviewer.get(`/commendations/campaigns/${COMMEND_CAMPAIGN}/batches`),
      200,
    );
    const key = { 'idempotency-key': 'commend-replay-0001' };
    const body = { campaignId: COMMEND_CAMPAIGN, nominationIds: [id], reference: '77/TTr-UBND' };
    const answers = [];
    for (let i = 0; i < 3; i++)
      answers.push(await cw.world.as.districtReviewer.post('/commendations/batches', body, key));
    const ids = answers.map((a) => (expectStatus(a, 201).batch as { id: string }).id);
    expect(new Set(ids).size).toBe(1);
    expect(answers[1]?.headers.get('idempotent-replayed')).toBe('true');
    const after = expectStatus(
      await cw.world.as.districtReviewer.get(`/commendations/campaigns/${COMMEND_CAMPAIGN}/batches`),
      200,
    );
    expect((after.items as unknown[]).length).toBe((before.items as unknown[]).length + 1);
  });
});
