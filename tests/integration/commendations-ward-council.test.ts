import { docxText } from '@thidua/functions/features/commendations/documents/read-office';
import { toPem } from '@thidua/functions/kernel/pdf/cms';
import { keySigner, signPdf } from '@thidua/functions/kernel/pdf/pades-sign';
import { testCa } from '@thidua/functions/kernel/pdf/test-ca';
import { describe, expect, it } from 'vitest';
import { type Api, apiAs, DEMO_TENANT } from '../support/platform';
import { expectStatus, units, useApiWorld } from './api-world';
import { configureSigningTrust } from './commendations-world';
import {
  account,
  approveAtWard,
  WARD_COUNCIL_CAMPAIGN as CAMPAIGN,
  sendNominee,
  setUpCommune,
  setUpWardCouncilCampaign,
  wardCouncilLogins,
} from './commune-world';

/**
 * Issue 17, point 6 (ADR 0037): a ward's own Hội đồng thi đua, khen thưởng. A tổ dân phố proposes its
 * deputy leader for Chiến sĩ thi đua cơ sở (the award type's rule: the council votes); the ward approves
 * last; the ward's secretary opens a session with the ward's members; they vote; the secretary closes it
 * (minutes under the ward's header); the ward's head takes the number of the ward's own register, the
 * decision signed by the ward's office holder; the digitally signed PDF, verified, issues it. The
 * province's council and another ward's neither read nor vote in it.
 */
const world = useApiWorld();
const ISSUER = `ubnd-xa__${units.commune}`;
const fetchBytes = async (url: string) => new Uint8Array(await (await fetch(url)).arrayBuffer());
const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('a ward’s own council votes Chiến sĩ thi đua cơ sở', { timeout: 240_000 }, () => {
  let officer: Api;
  let reviewer: Api;
  let secretary: Api;
  let members: Api[] = [];
  let otherWardMember: Api;
  let otherWardSecretary: Api;
  let nominationId = '';
  let sessionId = '';
  let decision: Record<string, unknown> = {};

  it('a tổ dân phố proposes; the council takes it up only once the ward approved it last', async () => {
    const w = world();
    ({ officer, reviewer } = await setUpCommune(w));
    await setUpWardCouncilCampaign(w);
    secretary = await apiAs(w.platform, wardCouncilLogins.secretary);
    members = await Promise.all(wardCouncilLogins.members.map((e) => apiAs(w.platform, e)));
    otherWardMember = await account(
      w,
      'hoidong.tandong@demo.thidua.vn',
      'dong-xoai-tan-dong',
      'council_member',
    );
    otherWardSecretary = await account(
      w,
      'thuky.tandong@demo.thidua.vn',
      'dong-xoai-tan-dong',
      'secretariat',
    );
    const sent = await sendNominee(
      officer,
      {
        kind: 'individual',
        name: 'Trần Thị Thi Đua',
        position: 'Tổ phó tổ dân phố',
        gender: 'female',
        birthDate: '1982-04-09',
        awardTypeId: 'chien_si_thi_dua_co_so',
      },
      CAMPAIGN,
    );
    nominationId = String(sent.id);
    const memberIds = (
      expectStatus(await secretary.get('/commendations/council/members'), 200).items as { userId: string }[]
    ).map((m) => m.userId);
    const early = await secretary.post('/commendations/sessions', {
      campaignId: CAMPAIGN,
      issuingBodyId: 'ubnd-xa',
      title: 'Phiên họp sớm',
      nominationIds: [nominationId],
      memberIds,
      presidingName: 'Chủ tịch UBND phường',
    });
    expect(early.status).toBe(422);
    expect(early.text).toContain('Tân Phú xét duyệt xong');
    await approveAtWard(reviewer, sent);
  });

  it('the ward’s secretary lists it and the ward’s members, and opens a session of the ward’s council', async () => {
    const w = world();
    const approved = expectStatus(await secretary.get(`/commendations/campaigns/${CAMPAIGN}/approved`), 200);
    expect(approved.items).toEqual([
      expect.objectContaining({
        nominationId,
        unitName: 'Tổ dân phố 1',
        record: null,
        nominee: { name: 'Trần Thị Thi Đua', awardTypeName: 'Chiến sĩ thi đua cơ sở' },
      }),
    ]);
    // The agenda's candidates are the secretary's to see; the head reads the ward's council but does not
    // open its sessions, the district above has no part in it.
    expect((await w.as.communeHead.get(`/commendations/campaigns/${CAMPAIGN}/approved`)).status).toBe(403);
    expect((await w.as.districtReviewer.get(`/commendations/campaigns/${CAMPAIGN}/approved`)).status).toBe(
      404,
    );
    const listed = expectStatus(await secretary.get('/commendations/council/members'), 200).items as {
      userId: string;
    }[];
    expect(listed).toHaveLength(3);
    const provinceMembers = expectStatus(await w.as.secretariat.get('/commendations/council/members'), 200)
      .items as { userId: string }[];
    expect(provinceMembers.some((p) => listed.some((m) => m.userId === p.userId))).toBe(false);
    // The award's rule is the council's: the head alone does not decide it.
    const alone = await w.as.communeHead.post('/commendations/head-decisions', {
      campaignId: CAMPAIGN,
      nominationIds: [nominationId],
    });
    expect(alone.status).toBe(422);
    expect(alone.text).toContain('not_head_decided');
    const input = {
      campaignId: CAMPAIGN,
      issuingBodyId: 'ubnd-xa',
      title: 'Xét danh hiệu Chiến sĩ thi đua cơ sở năm 2026',
      nominationIds: [nominationId],
      memberIds: listed.map((m) => m.userId),
      presidingName: 'Chủ tịch UBND phường Tân Phú',
    };
    // The province's council does not take up the ward's award; a province member does not sit in the ward's.
    const atProvince = await w.as.secretariat.post('/commendations/sessions', input);
    expect(atProvince.status).toBe(422);
    const stranger = await secretary.post('/commendations/sessions', {
      ...input,
      memberIds: [...input.memberIds, provinceMembers[0]?.userId],
    });
    expect(stranger.status).toBe(422);
    expect(stranger.text).toContain('memberIds.3');
    // The ward's officer (no secretariat role) opens nothing.
    expect((await w.as.communeSubmitter.post('/commendations/sessions', input)).status).toBe(404);
    const opened = expectStatus(await secretary.post('/commendations/sessions', input), 201);
    expect(opened).toMatchObject({ unitId: units.commune, issuingBodyId: ISSUER, state: 'open' });
    sessionId = String(opened.id);
    // Each council lists its own sessions.
    const mine = expectStatus(await secretary.get(`/commendations/campaigns/${CAMPAIGN}/sessions`), 200);
    expect((mine.items as { id: string }[]).map((s) => s.id)).toEqual([sessionId]);
    const theirs = expectStatus(
      await w.as.secretariat.get(`/commendations/campaigns/${CAMPAIGN}/sessions`),
      200,
    );
    expect(theirs.items).toEqual([]);
    const others = expectStatus(
      await otherWardSecretary.get(`/commendations/campaigns/${CAMPAIGN}/sessions`),
      200,
    );
    expect(others.items).toEqual([]);
  });

  it('the ward’s members vote; the province’s and another ward’s neither read nor vote', async () => {
    const w = world();
    const ballot = { choices: { [nominationId]: 'agree' } };
    for (const outsider of [w.as.councilMember, otherWardMember, w.as.secretariat, otherWardSecretary]) {
      expect((await outsider.get(`/commendations/sessions/${sessionId}`)).status).toBe(404);
      expect((await outsider.post(`/commendations/sessions/${sessionId}/ballots`, ballot)).status).toBe(404);
    }
    const province = expectStatus(await w.as.councilMember.get('/commendations/my-sessions'), 200);
    expect(JSON.stringify(province)).not.toContain(sessionId);
    // The ward's secretary reads the session but does not vote.
    expect((await secretary.post(`/commendations/sessions/${sessionId}/ballots`, ballot)).status).toBe(403);
    for (const m of members) {
      const waiting = expectStatus(await m.get('/commendations/my-sessions'), 200);
      expect((waiting.items as { id: string }[]).map((s) => s.id)).toEqual([sessionId]);
      expectStatus(await m.get(`/commendations/sessions/${sessionId}/dossier`), 200);
      expectStatus(await m.post(`/commendations/sessions/${sessionId}/ballots`, ballot), 201);
    }
  });

  it('the ward’s secretary closes the vote: the minutes carry the ward’s council and header', async () => {
    const w = world();
    const meeting = {
      place: 'Hội trường UBND phường Tân Phú',
      startsAt: '08:00',
      endsAt: '09:30',
      chairName: 'Chủ tịch UBND phường',
      chairTitle: 'Chủ tịch Hội đồng',
      secretaryName: 'Phan Thị Mai',
      secretaryTitle: 'Công chức Văn hóa - Xã hội',
    };
    expect(
      (await otherWardSecretary.post(`/commendations/sessions/${sessionId}/close`, { meeting })).status,
    ).toBe(404);
    expect(
      (await w.as.secretariat.post(`/commendations/sessions/${sessionId}/close`, { meeting })).status,
    ).toBe(404);
    const closed = expectStatus(
      await secretary.post(`/commendations/sessions/${sessionId}/close`, { meeting }),
      200,
    );
    expect(closed).toMatchObject({ state: 'closed', minutesNumber: '01/BB-HĐTĐKT' });
    expect(closed.results).toEqual([expect.objectContaining({ nominationId, passed: true })]);
    const link = expectStatus(await secretary.get(`/commendations/sessions/${sessionId}/minutes`), 200);
    const text = docxText(await fetchBytes(String(link.url)));
    expect(text).toContain('PHƯỜNG TÂN PHÚ');
    expect(text).toContain('HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG PHƯỜNG TÂN PHÚ');
    expect(text).toContain('Hội trường UBND phường Tân Phú');
    expect(text).not.toContain('Hội đồng Thi đua - Khen thưởng tỉnh');
    // The ward's head is told the decision awaits its signature (the bell links the signing page); the
    // province's chair is not.
    await w.platform.streams.drain();
    const toSign = async (who: Api) =>
      (
        (expectStatus(await who.get('/me/notifications?limit=50'), 200).items ?? []) as { kind: string }[]
      ).filter((n) => n.kind === 'decision_to_sign' && JSON.stringify(n).includes(sessionId));
    expect(await toSign(w.as.communeHead)).toHaveLength(1);
    expect(await toSign(w.as.chair)).toHaveLength(0);
    // The head who signs reads what the council decided, with the ward's signers offered.
    const view = expectStatus(await w.as.communeHead.get(`/commendations/sessions/${sessionId}`), 200);
    expect(view.signing).toMatchObject({
      nextNumberText: '01/QĐ-UBND',
      issuer: expect.stringContaining('Tân Phú'),
    });
    expect((view.signing as { signers: { title: string }[] }).signers.map((s) => s.title)).toEqual([
      'CHỦ TỊCH',
      'PHÓ CHỦ TỊCH',
    ]);
  });

  it('the ward’s head takes the number of the ward’s register; the office holder signs, not the clicking user', async () => {
    const w = world();
    const url = `/commendations/sessions/${sessionId}/decision`;
    // The province's chair signs the province's decisions: the ward council's it does not even see before it
    // is issued; the secretary reads, not signs.
    expect((await w.as.chair.post(url)).status).toBe(404);
    expect((await secretary.post(url)).status).toBe(403);
    expect((await otherWardSecretary.post(url)).status).toBe(404);
    decision = expectStatus(await w.as.communeHead.post(url), 201);
    expect(decision).toMatchObject({
      sessionId,
      issuingBodyId: ISSUER,
      number: 1,
      numberText: '01/QĐ-UBND',
      signerTitle: 'CHỦ TỊCH',
      state: 'awaiting_signature',
      original: 'digital',
    });
    expect(decision.decidedBy ?? 'council').toBe('council');
    expect(decision.signerName).not.toBe('Đặng Văn Giang');
    expect(decision.signerName).not.toBe('Huỳnh Văn Quang');
    const doc = expectStatus(
      await w.as.communeHead.get(`/commendations/decisions/${String(decision.id)}/document`),
      200,
    );
    const text = docxText(await fetchBytes(String(doc.url)));
    expect(text).toContain('Số: 01/QĐ-UBND');
    expect(text).toContain('CHỦ TỊCH ỦY BAN NHÂN DÂN PHƯỜNG TÂN PHÚ');
    expect(text).toContain(
      'Xét đề nghị của Hội đồng Thi đua - Khen thưởng phường Tân Phú tại Biên bản số 01/BB-HĐTĐKT',
    );
    expect(text).toContain('Trần Thị Thi Đua');
    expect(text).toContain(String(decision.signerName));
    // Not issued yet: nobody outside the ward sees it.
    expect(
      (await w.anonymous.get(`/public/${DEMO_TENANT}/decisions/${String(decision.id)}`)).status,
    ).not.toBe(200);
    expect((await w.as.districtReviewer.get(`/commendations/decisions/${String(decision.id)}`)).status).toBe(
      404,
    );
    const register = expectStatus(await w.as.secretariat.get('/commendations/register?year=2026'), 200);
    expect(register.checks).toContainEqual(expect.objectContaining({ issuingBodyId: ISSUER, ok: true }));
  });

  it('the signed PDF, verified, issues it: public, the tổ dân phố told', async () => {
    const w = world();
    const id = String(decision.id);
    const link = expectStatus(await w.as.communeHead.get(`/commendations/decisions/${id}/pdf`), 200);
    const generated = await fetchBytes(String(link.url));
    const ca = await testCa('Root CA của triển khai (ký số phường)');
    await configureSigningTrust(w.platform, { roots: toPem(ca.root.der) });
    const who = await ca.issue(String(decision.signerName));
    const signed = await signPdf(generated, keySigner(who.privateKey, [who.der]), { at: new Date() });
    const upload = (as: Api) => as.post(`/commendations/decisions/${id}/signed-pdf`, { pdf: b64(signed) });
    // Only the ward's head issues it; the province's and another ward's do not even see it.
    expect((await upload(secretary)).status).toBe(403);
    expect((await upload(w.as.councilMember)).status).toBe(404);
    expect((await upload(otherWardSecretary)).status).toBe(404);
    const issued = expectStatus(await upload(w.as.communeHead), 200);
    expect(issued).toMatchObject({
      state: 'issued',
      signature: { via: 'upload', signerName: decision.signerName },
    });
    const pub = expectStatus(await w.anonymous.get(`/public/${DEMO_TENANT}/decisions/${id}`), 200);
    expect(pub).toMatchObject({ numberText: '01/QĐ-UBND' });
    expect(JSON.stringify(pub)).toContain('Trần Thị Thi Đua');
    const redirect = await w.anonymous.request('GET', `/public/${DEMO_TENANT}/decisions/${id}/signed-pdf`, {
      redirect: 'manual',
    });
    expect(redirect.status).toBe(303);
    const bytes = await fetchBytes(String(redirect.headers.get('location')));
    expect(Buffer.from(bytes).equals(Buffer.from(signed))).toBe(true);
    const notes = expectStatus(await officer.get('/commendations/notifications'), 200);
    expect(JSON.stringify(notes)).toContain('01/QĐ-UBND');
    const after = expectStatus(await secretary.get(`/commendations/sessions/${sessionId}`), 200);
    expect(after).toMatchObject({ state: 'decided', decisionId: id });
  });
});
