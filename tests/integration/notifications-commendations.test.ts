import { type EmailChannel, smtpEmailChannel } from '@thidua/functions/features/notifications/channels';
import { deliverIntent } from '@thidua/functions/features/notifications/delivery';
import { runRedeliveryJob } from '@thidua/functions/features/notifications/jobs';
import { outboxItems } from '@thidua/functions/features/notifications/repository';
import { transactWrite } from '@thidua/functions/kernel/data/transact';
import type { CapturedMail } from '@thidua/functions/local/mail';
import type { NotificationIntent } from '@thidua/shared/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { deliveryParts } from '../support/delivery';
import { type Api, DEMO_TENANT } from '../support/platform';
import { type ApiWorld, body, expectStatus, logins, units } from './api-world';
import { COMMEND_CAMPAIGN, consolidateAndApprove, councilWorld, fileNomination } from './commendations-world';

/**
 * Issue 16's commendation events on the local platform, through the real parts: each act writes its
 * intent in its own transaction, DynamoDB Local's stream carries it to the notifications handler, the
 * notices land in the bell and the e-mails in the real local SMTP capture (read back here) — to the
 * people whose turn it is, once each, even when the consumer runs again over the same stream records.
 * Then the crash window: a fault injected between the send and its record.
 */
const council = councilWorld();
let w: ApiWorld;
beforeAll(() => {
  w = council.world;
});

const councilLogins = ['hoidong1@demo.thidua.vn', 'hoidong2@demo.thidua.vn', 'hoidong3@demo.thidua.vn'];

const settle = () => w.platform.streams.drain();
const mails = async (subject: string): Promise<CapturedMail[]> =>
  (await w.platform.mail.messages()).filter((m) => m.subject.includes(subject));
/** Who received mail of `subject` that mentions `marker`, sorted (one entry per e-mail). */
const recipients = async (subject: string, marker: string): Promise<string[]> =>
  (await mails(subject))
    .filter((m) => m.text.includes(marker))
    .flatMap((m) => m.to)
    .sort();
const bellKinds = async (who: Api, kind: string) =>
  (
    (body(await who.get('/me/notifications?limit=50')).items ?? []) as { kind: string; subject: unknown }[]
  ).filter((n) => n.kind === kind);

describe('the commendation events reach the people whose turn it is, in the app and by e-mail, once', () => {
  let nomination = '';
  let batchId = '';
  let disclosureId = '';
  let sessionId = '';

  it('a tờ trình sent to the province: its reviewers and secretariat, with the unit, award and campaign', async () => {
    nomination = await fileNomination(w.as.communeSubmitter, {
      kind: 'collective',
      name: 'Công an phường Tân Phú',
      awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
    });
    batchId = await consolidateAndApprove(w, [nomination]);
    const mail = await w.platform.mail.waitFor(
      (m) => m.to.includes(logins.provinceReviewer) && m.subject.includes('Tờ trình chờ tỉnh xét'),
    );
    await settle();
    expect(mail.subject).toContain('Tờ trình số 12/TTr-UBND của Thành phố Đồng Xoài');
    expect(mail.text).toContain('Có tờ trình đề nghị khen thưởng đang chờ tỉnh xét.');
    expect(mail.text).toContain('Đơn vị trình: Thành phố Đồng Xoài');
    expect(mail.text).toContain('Phong trào: Phong trào thi đua thử nghiệm khen thưởng năm 2026');
    expect(mail.text).toContain('Hình thức khen thưởng: Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh');
    expect(mail.text).toContain('Đơn vị: Phường Tân Phú');
    expect(mail.text).toContain(`/commendations/batches?campaign=${COMMEND_CAMPAIGN}#batch-${batchId}`);
    expect(mail.html).toContain('<li>Số trường hợp: 1</li>');
    expect(await recipients('Tờ trình chờ tỉnh xét', batchId)).toEqual(
      [logins.provinceReviewer, logins.secretariat].sort(),
    );
    expect(await bellKinds(w.as.provinceReviewer, 'batch_awaiting')).toMatchObject([
      { subject: { type: 'batch', id: batchId } },
    ]);
    // The district that sent it is not told of its own act.
    expect(await bellKinds(w.as.districtReviewer, 'batch_awaiting')).toEqual([]);
  });

  it('a public comment on a disclosure: the secretariat, with the nominee, the text and the deadline', async () => {
    const d = expectStatus(
      await w.as.secretariat.post('/commendations/disclosures', {
        campaignId: COMMEND_CAMPAIGN,
        title: 'Danh sách đề nghị tặng Bằng khen năm 2026 (thông báo)',
        nominationIds: [nomination],
      }),
      201,
    );
    disclosureId = String(d.id);
    expectStatus(
      await w.anonymous.post(`/public/${DEMO_TENANT}/disclosures/${disclosureId}/comments`, {
        nominationId: nomination,
        authorName: 'Một người dân',
        contact: 'nguoidan@example.com',
        body: 'Đề nghị xem lại thành tích năm 2025 của đơn vị này.',
      }),
      201,
    );
    const mail = await w.platform.mail.waitFor(
      (m) => m.to.includes(logins.secretariat) && m.subject.includes('Ý kiến góp ý công khai mới'),
    );
    await settle();
    expect(mail.text).toContain('Nội dung: Đề nghị xem lại thành tích năm 2025 của đơn vị này.');
    expect(mail.text).toContain(
      'Trường hợp được góp ý: Công an phường Tân Phú (Phường Tân Phú) — Bằng khen của Chủ tịch Ủy ban nhân dân tỉnh',
    );
    expect(mail.text).toContain(`Hạn: ${String(d.closesOn).split('-').reverse().join('/')}`);
    expect(mail.text).toContain(
      `/commendations/disclosures?campaign=${COMMEND_CAMPAIGN}#disclosure-${disclosureId}`,
    );
    // The commenter's contact is the secretariat's record, never an e-mail's content.
    expect(mail.text).not.toContain('nguoidan@example.com');
    expect(await recipients('Ý kiến góp ý công khai mới', disclosureId)).toEqual([logins.secretariat]);
    expect(await bellKinds(w.as.provinceReviewer, 'public_comment')).toEqual([]);
  });

  it('a council session opened: each of its members is asked for a ballot, nobody else', async () => {
    const staff = expectStatus(await w.as.secretariat.get(`/commendations/disclosures/${disclosureId}`), 200);
    const disclosure = staff.disclosure as Record<string, unknown>;
    expectStatus(
      await w.as.secretariat.post(`/commendations/disclosures/${disclosureId}/close`, {
        reason: 'Hội đồng họp sớm theo chỉ đạo (thử nghiệm)',
        authority: { decidedBy: 'Chủ tịch UBND tỉnh (thử nghiệm)', document: 'Công văn số 01/UBND-NC' },
        expectedVersion: disclosure.version,
      }),
      200,
    );
    const s = expectStatus(
      await w.as.secretariat.post('/commendations/sessions', {
        campaignId: COMMEND_CAMPAIGN,
        issuingBodyId: 'ubnd-tinh',
        title: 'Phiên họp xét khen thưởng thông báo 2026',
        nominationIds: [nomination],
        memberIds: council.memberIds,
        presidingName: 'Nguyễn Chủ Trì',
      }),
      201,
    );
    sessionId = String(s.id);
    for (const who of councilLogins)
      await w.platform.mail.waitFor((m) => m.to.includes(who) && m.subject.includes('mở bỏ phiếu'));
    await settle();
    const mail = (await mails('Phiên họp Hội đồng mở bỏ phiếu'))[0];
    expect(mail?.subject).toContain('Phiên họp xét khen thưởng thông báo 2026');
    expect(mail?.text).toContain('đang chờ phiếu của đồng chí');
    expect(mail?.text).toContain('Cơ quan ban hành: Ủy ban nhân dân tỉnh');
    expect(mail?.text).toContain(`/commendations/vote#session-${sessionId}`);
    expect(await recipients('Phiên họp Hội đồng mở bỏ phiếu', sessionId)).toEqual([...councilLogins].sort());
    for (const m of council.members) expect(await bellKinds(m, 'ballot_open')).toHaveLength(1);
    expect(await bellKinds(w.as.chair, 'ballot_open')).toEqual([]);
  });

  it('the vote counted: the decision awaits the chair’s signature, with the result and the minutes', async () => {
    for (const m of council.members)
      expectStatus(
        await m.post(`/commendations/sessions/${sessionId}/ballots`, { choices: { [nomination]: 'agree' } }),
        201,
      );
    const closed = expectStatus(
      await w.as.secretariat.post(`/commendations/sessions/${sessionId}/close`),
      200,
    );
    const mail = await w.platform.mail.waitFor(
      (m) => m.to.includes(logins.chair) && m.subject.includes('Quyết định chờ ký'),
    );
    await settle();
    expect(mail.text).toContain('Có quyết định khen thưởng đang chờ đồng chí ký.');
    expect(mail.text).toContain('Kết quả bỏ phiếu: 1/1 trường hợp đạt');
    expect(mail.text).toContain(`Biên bản: Số ${String(closed.minutesNumber)}`);
    expect(mail.text).toContain('Đơn vị: Phường Tân Phú');
    expect(mail.text).toContain(`/commendations/sign?campaign=${COMMEND_CAMPAIGN}#session-${sessionId}`);
    expect(await recipients('Quyết định chờ ký', sessionId)).toEqual([logins.chair]);
    expect(await bellKinds(w.as.chair, 'decision_to_sign')).toHaveLength(1);
  });

  it('the consumer run again over the same stream records mails nobody twice and adds no notice', async () => {
    await settle();
    const before = (await w.platform.mail.messages()).length;
    const { handler } = (await import('@thidua/functions/handlers/notifications')) as {
      handler: (e: unknown, c: unknown) => Promise<unknown>;
    };
    expect(w.platform.streams.batches.length).toBeGreaterThan(0);
    for (const batch of w.platform.streams.batches) await handler(batch, {});
    expect((await w.platform.mail.messages()).length).toBe(before);
    for (const [subject, marker, n] of [
      ['Tờ trình chờ tỉnh xét', batchId, 2],
      ['Ý kiến góp ý công khai mới', disclosureId, 1],
      ['Phiên họp Hội đồng mở bỏ phiếu', sessionId, 3],
      ['Quyết định chờ ký', sessionId, 1],
    ] as const)
      expect(await recipients(subject, marker)).toHaveLength(n);
    expect(await bellKinds(w.as.secretariat, 'batch_awaiting')).toHaveLength(1);
    expect(await bellKinds(w.as.secretariat, 'public_comment')).toHaveLength(1);
    expect(await bellKinds(w.as.chair, 'decision_to_sign')).toHaveLength(1);
  });
});

describe('the crash window: an e-mail is sent at least once, again only with the same Message-ID', () => {
  const opened: (() => void)[] = [];
  afterAll(() => {
    for (const destroy of opened) destroy();
  });
  const LEASE_MS = 60_000;

  /** The delivery against the platform's table and its real SMTP capture, with the channel wrapped. */
  const parts = (wrap: (real: EmailChannel) => EmailChannel, now?: () => Date) => {
    const real = smtpEmailChannel({ host: '127.0.0.1', port: w.platform.mail.smtpPort });
    const p = deliveryParts(w.platform, wrap(real), {
      config: { leaseMs: LEASE_MS },
      ...(now ? { now } : {}),
    });
    opened.push(p.destroy);
    return p;
  };
  const deps = (wrap: (real: EmailChannel) => EmailChannel, now?: () => Date) => parts(wrap, now).deps;
  const intentOf = (marker: string): NotificationIntent => ({
    id: `test#crash#${marker}`,
    tenantId: DEMO_TENANT,
    kind: 'reminder',
    audience: { type: 'unit_roles', unitId: units.department, roles: ['submitter'] },
    subject: { type: 'campaign', id: COMMEND_CAMPAIGN, title: `Thư thử ${marker}`, path: '/' },
    reason: marker,
    dueAt: null,
    createdAt: new Date().toISOString(),
  });
  const copies = async (marker: string) =>
    (await w.platform.mail.messages()).filter((m) => m.text.includes(`Nội dung: ${marker}`));
  const noticesOf = async (intentId: string) => {
    const as = w.as.departmentSubmitter;
    const items = body(await as.get('/me/notifications?limit=50')).items as { intentId: string }[];
    return items.filter((n) => n.intentId === intentId);
  };

  it('a send that throws after the server accepted it is retried with the same Message-ID; one notice', async () => {
    const marker = `throw-${Date.now()}`;
    let faults = 1;
    const d = deps((real) => ({
      name: 'smtp',
      send: async (m, from, id) => {
        const sent = await real.send(m, from, id);
        // The fault: the server took the message, the answer is lost before the record.
        if (faults-- > 0) throw new Error('Kết nối bị ngắt sau khi máy chủ nhận thư (lỗi giả lập)');
        return sent;
      },
    }));
    const intent = intentOf(marker);
    expect(await deliverIntent(d, intent)).toMatchObject({ noticesAdded: 1, mailed: 1, deadLetters: 0 });
    const got = await copies(marker);
    expect(got.map((m) => m.to)).toEqual([[logins.departmentSubmitter], [logins.departmentSubmitter]]);
    const ids = got.map((m) => m.headers['message-id']);
    expect(ids[0]).toMatch(/^<[0-9a-f]{40}@thidua\.local>$/);
    expect(ids[1]).toBe(ids[0]);
    expect(got[0]?.headers['x-thidua-delivery']).toBe(ids[0]);
    // Confirmed sent: another run (a retried batch) sends nothing and adds no notice.
    expect(await deliverIntent(d, intent)).toMatchObject({ noticesAdded: 0, mailed: 0 });
    expect(await copies(marker)).toHaveLength(2);
    expect(await noticesOf(intent.id)).toHaveLength(1);
  });

  it('a consumer killed between the send and its record: the lease runs out, the sweep sends the same message again', async () => {
    const marker = `kill-${Date.now()}`;
    let clock = new Date();
    // The fault: the send completes, then the process is gone — nothing after it ever runs.
    const killed = deps(
      (real) => ({
        name: 'smtp',
        send: async (m, from, id) => {
          await real.send(m, from, id);
          return new Promise<string>(() => undefined);
        },
      }),
      () => clock,
    );
    const intent = intentOf(marker);
    void deliverIntent(killed, intent);
    const first = await w.platform.mail.waitFor((m) => m.text.includes(`Nội dung: ${marker}`));

    const alive = deps(
      (real) => real,
      () => clock,
    );
    // The intent as its act wrote it: the platform's consumer (the stream's retry) finds the claim held
    // and sends nothing while its holder may be alive.
    await transactWrite(parts((real) => real).ref.client, outboxItems(w.platform.tableName, [intent]));
    await settle();
    expect(await deliverIntent(alive, intent)).toMatchObject({ noticesAdded: 0, mailed: 0 });
    expect(await runRedeliveryJob(alive, [DEMO_TENANT], clock)).toMatchObject({ sent: 0 });
    expect(await copies(marker)).toHaveLength(1);

    // Past the lease, the scheduled sweep takes the e-mail over, with the same Message-ID.
    clock = new Date(clock.getTime() + LEASE_MS + 1_000);
    const swept = await runRedeliveryJob(alive, [DEMO_TENANT], clock);
    expect(swept.sent).toBeGreaterThanOrEqual(1);
    const got = await copies(marker);
    expect(got).toHaveLength(2);
    expect(got[1]?.headers['message-id']).toBe(first.headers['message-id']);

    // Recorded as sent now: neither the consumer nor the sweep sends it a third time.
    clock = new Date(clock.getTime() + 10 * LEASE_MS);
    expect(await deliverIntent(alive, intent)).toMatchObject({ noticesAdded: 0, mailed: 0 });
    await runRedeliveryJob(alive, [DEMO_TENANT], clock);
    expect(await copies(marker)).toHaveLength(2);
    expect(await noticesOf(intent.id)).toHaveLength(1);
  });
});
