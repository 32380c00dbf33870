import { createHash } from 'node:crypto';
import { toPem } from '@thidua/functions/kernel/pdf/cms';
import { keySigner, signPdf } from '@thidua/functions/kernel/pdf/pades-sign';
import { testCa } from '@thidua/functions/kernel/pdf/test-ca';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT } from '../support/platform';
import { expectStatus } from './api-world';
import { configureSigningTrust, councilWorld, countedSession, fetchBytes } from './commendations-world';

/**
 * Issue 17, point 5 (ADR 0032): the verified signature is what issues a decision. Taking the number makes
 * a decision that awaits its signed PDF — not public, nobody told; an upload that fails verification is
 * refused with its code and changes nothing; a verified one is stored, audited and issues the decision:
 * public, downloadable as signed (the same bytes on the public and the secretariat's side), units told.
 */
const cw = councilWorld();

const b64 = (b: Uint8Array) => Buffer.from(b).toString('base64');

describe('a decision is issued by its verified digital signature', { timeout: 120_000 }, () => {
  let decisionId = '';
  let numberText = '';
  let generated: Uint8Array = new Uint8Array();
  let ca: Awaited<ReturnType<typeof testCa>>;

  it('the signing mode is the administrator’s explicit, audited choice; paper needs a reason', async () => {
    const w = cw.world;
    // The commendation world chose paper; this province now signs digitally.
    expect(expectStatus(await w.as.chair.get('/tenant/signing'), 200)).toMatchObject({ mode: 'paper' });
    expect((await w.as.chair.put('/tenant/signing', { mode: 'digital' })).status).toBe(403);
    const short = await w.as.admin.put('/tenant/signing', { mode: 'paper', reason: 'chưa' });
    expect(short.status).toBe(400);
    expect(short.text).toContain('reason');
    expectStatus(await w.as.admin.put('/tenant/signing', { mode: 'digital' }), 200);
    const now = expectStatus(await w.as.chair.get('/tenant/signing'), 200);
    expect(now).toMatchObject({ mode: 'digital', signing: { mode: 'digital' } });
  });

  it('taking the number makes a decision that awaits its signature: not public, nobody told', async () => {
    const w = cw.world;
    const { sessionId: sid } = await countedSession(w, cw.members, 'Trần Văn Ký Số');
    const numbered = expectStatus(await w.as.chair.post(`/commendations/sessions/${sid}/decision`), 201);
    expect(numbered).toMatchObject({ state: 'awaiting_signature', original: 'digital' });
    expect(numbered.signature).toBeUndefined();
    decisionId = String(numbered.id);
    numberText = String(numbered.numberText);
    // Not public: neither the page nor the list; the commune hears nothing yet.
    expect((await w.anonymous.get(`/public/${DEMO_TENANT}/decisions/${decisionId}`)).status).not.toBe(200);
    const list = expectStatus(await w.anonymous.get(`/public/${DEMO_TENANT}/decisions`), 200);
    expect(JSON.stringify(list)).not.toContain(decisionId);
    const notes = expectStatus(await w.as.communeSubmitter.get('/commendations/notifications'), 200);
    expect(JSON.stringify(notes)).not.toContain(numberText);
    // The signer downloads the PDF to sign (its own tool: here the test CA's key).
    const link = expectStatus(await w.as.chair.get(`/commendations/decisions/${decisionId}/pdf`), 200);
    generated = await fetchBytes(String(link.url));
    ca = await testCa('Root CA của triển khai (ký số)');
    await configureSigningTrust(w.platform, { roots: toPem(ca.root.der) });
  });

  it('a refused upload says why in Vietnamese and changes nothing', async () => {
    const w = cw.world;
    const upload = (pdf: Uint8Array, as = w.as.chair) =>
      as.post(`/commendations/decisions/${decisionId}/signed-pdf`, { pdf: b64(pdf) });
    const unsigned = await upload(generated);
    expect(unsigned.status).toBe(422);
    expect(unsigned.text).toContain('not_signed');
    expect(unsigned.text).toContain('không có chữ ký số');
    const stranger = await testCa('CA không tin cậy');
    const who = await stranger.issue('Huỳnh Văn Quang');
    const foreign = await upload(
      await signPdf(generated, keySigner(who.privateKey, [who.der]), { at: new Date() }),
    );
    expect(foreign.status).toBe(422);
    expect(foreign.text).toContain('untrusted_root');
    // Someone who may not sign this decision may not issue it, whatever the file: before it is issued it
    // does not even exist for them (404, as the policy hides unpublished decisions).
    const signer = await ca.issue('Huỳnh Văn Quang');
    const good = await signPdf(generated, keySigner(signer.privateKey, [signer.der]), { at: new Date() });
    expect((await upload(good, w.as.secretariat)).status).toBe(404);
    const still = expectStatus(await w.as.chair.get(`/commendations/decisions/${decisionId}`), 200);
    expect(still.decision).toMatchObject({ state: 'awaiting_signature' });
    expect((await w.anonymous.get(`/public/${DEMO_TENANT}/decisions/${decisionId}`)).status).not.toBe(200);
  });

  it('a verified upload issues it: stored with its facts, public, the same signed bytes everywhere, units told', async () => {
    const w = cw.world;
    const signer = await ca.issue('Huỳnh Văn Quang');
    const signed = await signPdf(generated, keySigner(signer.privateKey, [signer.der]), { at: new Date() });
    const issued = expectStatus(
      await w.as.chair.post(`/commendations/decisions/${decisionId}/signed-pdf`, { pdf: b64(signed) }),
      200,
    );
    expect(issued).toMatchObject({
      state: 'issued',
      signature: { signerName: 'Huỳnh Văn Quang', via: 'upload', issuer: expect.stringContaining('Root CA') },
    });
    const sha = (issued.signature as { sha256: string }).sha256;
    expect(sha).toBe(Buffer.from(createHash('sha256').update(signed).digest()).toString('hex'));
    const pub = expectStatus(await w.anonymous.get(`/public/${DEMO_TENANT}/decisions/${decisionId}`), 200);
    expect(pub).toMatchObject({ numberText });
    const list = expectStatus(await w.anonymous.get(`/public/${DEMO_TENANT}/decisions`), 200);
    expect(JSON.stringify(list)).toContain(decisionId);
    const redirect = await w.anonymous.request(
      'GET',
      `/public/${DEMO_TENANT}/decisions/${decisionId}/signed-pdf`,
      {
        redirect: 'manual',
      },
    );
    expect(redirect.status).toBe(303);
    const publicBytes = await fetchBytes(String(redirect.headers.get('location')));
    const staff = expectStatus(await w.as.secretariat.get(`/commendations/decisions/${decisionId}/pdf`), 200);
    const staffBytes = await fetchBytes(String(staff.url));
    expect(Buffer.from(publicBytes).equals(Buffer.from(signed))).toBe(true);
    expect(Buffer.from(staffBytes).equals(Buffer.from(signed))).toBe(true);
    const notes = expectStatus(await w.as.communeSubmitter.get('/commendations/notifications'), 200);
    expect(JSON.stringify(notes)).toContain(numberText);
    // Issued once: a second signed file is refused and nothing changes.
    const again = await w.as.chair.post(`/commendations/decisions/${decisionId}/signed-pdf`, {
      pdf: b64(signed),
    });
    expect(again.status).toBe(409);
    expect(again.text).toContain('already_issued');
    // The signature is on the decision's audit chain.
    const audit = expectStatus(await w.as.secretariat.get(`/audit/chains/decision/${decisionId}`), 200);
    expect(JSON.stringify(audit)).toContain(
      `Ban hành quyết định số ${numberText}: chữ ký số của Huỳnh Văn Quang`,
    );
  });

  it("the server-side signer (the deployment's key) signs a numbered decision for its own signer only", async () => {
    const w = cw.world;
    const { sessionId } = await countedSession(w, cw.members, 'Lê Thị Máy Chủ');
    const numbered = expectStatus(
      await w.as.chair.post(`/commendations/sessions/${sessionId}/decision`),
      201,
    );
    const id = String(numbered.id);
    // Nobody else signs it with the deployment's key: not the secretariat, not the administrator.
    expect((await w.as.secretariat.post(`/commendations/decisions/${id}/server-signature`)).status).toBe(404);
    expect((await w.as.admin.post(`/commendations/decisions/${id}/server-signature`)).status).toBe(404);
    const issued = expectStatus(
      await w.as.chair.post(`/commendations/decisions/${id}/server-signature`),
      200,
    );
    expect(issued).toMatchObject({
      state: 'issued',
      signature: { via: 'server', signerName: 'Máy chủ ký số của triển khai thử' },
    });
    // Verified like an upload: the public serves the very file the server signed.
    const pub = await w.anonymous.request('GET', `/public/${DEMO_TENANT}/decisions/${id}/signed-pdf`, {
      redirect: 'manual',
    });
    const bytes = await fetchBytes(String(pub.headers.get('location')));
    expect(createHash('sha256').update(bytes).digest('hex')).toBe(
      (issued.signature as { sha256: string }).sha256,
    );
    const again = await w.as.chair.post(`/commendations/decisions/${id}/server-signature`);
    expect(again.status).toBe(409);
  });
});
