import { PutObjectCommand, S3Client } from '@aws-sdk/client-s3';
import { docxParagraphs } from '@thidua/functions/features/commendations/documents/read-office';
import { SIGNING_ROOTS_KEY } from '@thidua/functions/features/documents/http';
import { toPem } from '@thidua/functions/kernel/pdf/cms';
import { keySigner, signPdf } from '@thidua/functions/kernel/pdf/pades-sign';
import { pdfText } from '@thidua/functions/kernel/pdf/read';
import { testCa } from '@thidua/functions/kernel/pdf/test-ca';
import { describe, expect, it } from 'vitest';
import { expectStatus } from './api-world';
import { COMMEND_CAMPAIGN, consolidateAndApprove, councilWorld, fileNomination } from './commendations-world';

/**
 * Issue 17, points 1–3 through the API: the signers are the units' office holders (never the user who
 * clicked), ending a disclosure early is justified, signing previews its number without taking it.
 */
const cw = councilWorld();

const download = async (url: string): Promise<string[]> => {
  const r = await fetch(url);
  expect(r.status).toBe(200);
  return docxParagraphs(new Uint8Array(await r.arrayBuffer()));
};

const authority = { decidedBy: 'Huỳnh Văn Quang, Chủ tịch UBND tỉnh', document: 'Công văn số 01/UBND-NC' };

describe('commendation documents and their irreversible steps', () => {
  let nomination = '';
  let disclosure: Record<string, unknown> = {};
  let sessionId = '';
  let decisionId = '';

  it('the tờ trình is signed by the district chair on record (TM. ỦY BAN NHÂN DÂN), not the reviewer who sent it', async () => {
    nomination = await fileNomination(cw.world.as.communeSubmitter, {
      kind: 'individual',
      name: 'Nguyễn Thị Hoa',
      position: 'Phó Trưởng Công an phường',
      gender: 'female',
      birthDate: '1985-04-02',
      awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
    });
    const batchId = await consolidateAndApprove(cw.world, [nomination]);
    const doc = expectStatus(
      await cw.world.as.districtReviewer.get(`/commendations/batches/${batchId}/document`),
      200,
    );
    const p = await download(String(doc.url));
    const tm = p.indexOf('TM. ỦY BAN NHÂN DÂN');
    expect(tm).toBeGreaterThan(0);
    const signer = p.slice(tm + 1).filter(Boolean);
    expect(signer[0]).toBe('CHỦ TỊCH');
    // The seed's Đồng Xoài chair, not Phạm Thị Dung (the district reviewer who clicked "send").
    expect(signer[1]).toBeTruthy();
    expect(p.join('\n')).not.toContain('Phạm Thị Dung');
  });

  it('refuses to end a disclosure before its statutory minimum without who decided and by which document', async () => {
    disclosure = expectStatus(
      await cw.world.as.secretariat.post('/commendations/disclosures', {
        campaignId: COMMEND_CAMPAIGN,
        title: 'Danh sách đề nghị (tài liệu)',
        nominationIds: [nomination],
      }),
      201,
    );
    const refused = await cw.world.as.secretariat.post(
      `/commendations/disclosures/${String(disclosure.id)}/close`,
      {
        reason: 'Hội đồng họp sớm',
        expectedVersion: disclosure.version,
      },
    );
    expect(refused.status).toBe(422);
    const body = (refused.body as { error: { code: string; details: { path: string }[] } }).error;
    expect(body.code).toBe('early_end_not_justified');
    const paths = body.details.map((x) => x.path);
    expect(paths).toEqual(['body.authority.decidedBy', 'body.authority.document']);
    const half = await cw.world.as.secretariat.post(
      `/commendations/disclosures/${String(disclosure.id)}/close`,
      {
        reason: 'Hội đồng họp sớm',
        expectedVersion: disclosure.version,
        authority: { decidedBy: authority.decidedBy, document: '' },
      },
    );
    expect([400, 422]).toContain(half.status);
    // Nothing moved: the disclosure is still open at its first version.
    const staff = expectStatus(
      await cw.world.as.secretariat.get(`/commendations/disclosures/${String(disclosure.id)}`),
      200,
    );
    expect((staff.disclosure as Record<string, unknown>).closedEarly).toBeNull();
  });

  it('ends it early with the legal reason and authority, recorded and shown to the public', async () => {
    const closed = expectStatus(
      await cw.world.as.secretariat.post(`/commendations/disclosures/${String(disclosure.id)}/close`, {
        reason: 'Theo chỉ đạo của Chủ tịch UBND tỉnh',
        expectedVersion: disclosure.version,
        authority,
      }),
      200,
    );
    expect((closed.closedEarly as Record<string, unknown>).authority).toEqual(authority);
    const pub = expectStatus(
      await cw.world.anonymous.get(`/public/binh-phuoc/disclosures/${String(disclosure.id)}`),
      200,
    );
    expect(pub.closedEarlyAuthority).toBe(`${authority.decidedBy} — ${authority.document}`);
  });

  it('previews the next number and the signers without taking it; a deputy signs "KT. CHỦ TỊCH"', async () => {
    const s = expectStatus(
      await cw.world.as.secretariat.post('/commendations/sessions', {
        campaignId: COMMEND_CAMPAIGN,
        issuingBodyId: 'ubnd-tinh',
        title: 'Phiên xét (tài liệu)',
        nominationIds: [nomination],
        memberIds: cw.memberIds,
        presidingName: 'Huỳnh Văn Quang',
      }),
      201,
    );
    sessionId = String(s.id);
    // A Bằng khen's rule allows abstaining: the third member abstains, the item still passes (2 of 3 present).
    for (const [i, m] of cw.members.entries())
      expectStatus(
        await m.post(`/commendations/sessions/${sessionId}/ballots`, {
          choices: { [nomination]: i === 2 ? 'abstain' : 'agree' },
        }),
        201,
      );
    const meeting = {
      place: 'Hội trường Ủy ban nhân dân tỉnh',
      startsAt: '14:00',
      endsAt: '13:30',
      chairName: 'Huỳnh Văn Quang',
      chairTitle: 'Chủ tịch UBND tỉnh, Chủ tịch Hội đồng',
      secretaryName: 'Lê Thư Ký',
      secretaryTitle: 'Cán bộ Công an tỉnh',
    };
    // The close carries the meeting's facts, validated with field paths; a refused close moves nothing.
    const bad = await cw.world.as.secretariat.post(`/commendations/sessions/${sessionId}/close`, { meeting });
    expect(bad.status).toBe(400);
    expect(JSON.stringify(bad.body)).toContain('body.meeting.endsAt');
    expect(expectStatus(await cw.world.as.chair.get(`/commendations/sessions/${sessionId}`), 200).state).toBe(
      'open',
    );
    expectStatus(
      await cw.world.as.secretariat.post(`/commendations/sessions/${sessionId}/close`, {
        meeting: { ...meeting, endsAt: '15:45' },
      }),
      200,
    );
    const minutes = expectStatus(
      await cw.world.as.secretariat.get(`/commendations/sessions/${sessionId}/minutes`),
      200,
    );
    const mp = (await download(String(minutes.url))).join('\n');
    for (const fact of [
      'Vào lúc 14 giờ 00',
      'tại Hội trường Ủy ban nhân dân tỉnh',
      'Chủ trì: Huỳnh Văn Quang, Chủ tịch UBND tỉnh, Chủ tịch Hội đồng.',
      'Cuộc họp kết thúc lúc 15 giờ 45 cùng ngày',
      'UBND TỈNH BÌNH PHƯỚC',
      'Không biểu quyết',
    ])
      expect(mp).toContain(fact);
    const closedView = expectStatus(await cw.world.as.chair.get(`/commendations/sessions/${sessionId}`), 200);
    const [result] = closedView.results as { agree: number; abstain: number; passed: boolean }[];
    expect([result?.agree, result?.abstain, result?.passed]).toEqual([2, 1, true]);
    const view = expectStatus(await cw.world.as.chair.get(`/commendations/sessions/${sessionId}`), 200);
    const signing = view.signing as {
      nextNumberText: string;
      signers: { id: string; role: string; name: string }[];
    };
    // Reading twice takes nothing: the same number both times.
    const again = expectStatus(await cw.world.as.chair.get(`/commendations/sessions/${sessionId}`), 200);
    expect((again.signing as { nextNumberText: string }).nextNumberText).toBe(signing.nextNumberText);
    expect(signing.signers.map((x) => x.role)).toEqual(['head', 'deputy']);
    const deputy = signing.signers[1];
    if (!deputy) throw new Error('deputy');
    // The unsigned draft: "DỰ THẢO", no number taken (the preview still shows the same next number).
    const draft = expectStatus(
      await cw.world.as.chair.get(`/commendations/sessions/${sessionId}/draft-decision`),
      200,
    );
    const dp = await download(String(draft.url));
    expect(dp).toContain('DỰ THẢO');
    expect(dp).toContain('Bà Nguyễn Thị Hoa, sinh năm 1985');
    const after = expectStatus(await cw.world.as.chair.get(`/commendations/sessions/${sessionId}`), 200);
    expect((after.signing as { nextNumberText: string }).nextNumberText).toBe(signing.nextNumberText);
    const notHolder = await cw.world.as.chair.post(`/commendations/sessions/${sessionId}/decision`, {
      signerId: 'nobody',
    });
    expect(notHolder.status).toBe(422);
    expect((notHolder.body as { error: { code: string } }).error.code).toBe('no_office_holder');
    const decision = expectStatus(
      await cw.world.as.chair.post(`/commendations/sessions/${sessionId}/decision`, { signerId: deputy.id }),
      201,
    );
    expect(decision.numberText).toBe(signing.nextNumberText);
    decisionId = String(decision.id);
    expect(decision.signerName).toBe(deputy.name);
    const doc = expectStatus(
      await cw.world.as.chair.get(`/commendations/decisions/${String(decision.id)}/document?format=docx`),
      200,
    );
    const p = await download(String(doc.url));
    const kt = p.indexOf('KT. CHỦ TỊCH');
    expect(p.slice(kt, kt + 4).filter(Boolean)).toEqual(['KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH', deputy.name]);
    expect(p).toContain('Bà Nguyễn Thị Hoa, sinh năm 1985');
    expect(p.join('\n')).toContain('cho cá nhân có thành tích');
  });

  it('the decision as PDF (made once, same file every time); a signed copy is verified against it and the configured roots', async () => {
    const w = cw.world;
    const pdfOf = async () => {
      const link = expectStatus(await w.as.chair.get(`/commendations/decisions/${decisionId}/pdf`), 200);
      expect(String(link.fileName)).toMatch(/^Quyet-dinh-.*\.pdf$/);
      const r = await fetch(String(link.url));
      expect(r.status).toBe(200);
      return new Uint8Array(await r.arrayBuffer());
    };
    const generated = await pdfOf();
    expect(Buffer.from(await pdfOf()).equals(Buffer.from(generated))).toBe(true);
    const text = (await pdfText(generated)).replace(/\s+/gu, ' ');
    expect(text).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(text).toContain('KT. CHỦ TỊCH');
    expect(text).toContain('PHÓ CHỦ TỊCH');
    // The biên bản too, as PDF with the meeting's facts (same model as its DOCX).
    const minutes = expectStatus(
      await w.as.secretariat.get(`/commendations/sessions/${sessionId}/minutes/pdf`),
      200,
    );
    const mr = await fetch(String(minutes.url));
    const mt = (await pdfText(new Uint8Array(await mr.arrayBuffer()))).replace(/\s+/gu, ' ');
    expect(mt).toContain('BIÊN BẢN');
    expect(mt).toContain('Cuộc họp kết thúc lúc 15 giờ 45 cùng ngày');
    // The deployment trusts the test CA's root (the operator's PEM bundle in the bucket).
    const ca = await testCa('Root CA của triển khai thử');
    const s3 = new S3Client({
      region: w.platform.region,
      endpoint: w.platform.s3Endpoint,
      forcePathStyle: true,
    });
    await s3.send(
      new PutObjectCommand({
        Bucket: w.platform.bucketName,
        Key: SIGNING_ROOTS_KEY,
        Body: toPem(ca.root.der),
      }),
    );
    const who = await ca.issue('Phó Chủ tịch UBND tỉnh');
    const signed = await signPdf(generated, keySigner(who.privateKey, [who.der]), { at: new Date() });
    const check = (pdf: Uint8Array, as = w.as.chair) =>
      as.post(`/commendations/decisions/${decisionId}/signature-check`, {
        pdf: Buffer.from(pdf).toString('base64'),
      });
    expect(expectStatus(await check(signed), 200)).toMatchObject({ signerName: 'Phó Chủ tịch UBND tỉnh' });
    const stranger = await testCa('Không tin cậy');
    const strangerKey = await stranger.issue('Người lạ');
    const untrusted = await check(
      await signPdf(generated, keySigner(strangerKey.privateKey, [strangerKey.der]), { at: new Date() }),
    );
    expect(untrusted.status).toBe(422);
    expect((untrusted.body as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'untrusted_root',
      message: 'Chứng thư số không được cấp bởi tổ chức chứng thực tin cậy đã cấu hình',
    });
    // Only who may sign decisions may check one (the policy: 404 to whom it does not even show them).
    expect([403, 404]).toContain((await check(signed, w.as.secretariat)).status);
    expect([403, 404]).toContain((await check(signed, w.as.districtReviewer)).status);
  });
});
