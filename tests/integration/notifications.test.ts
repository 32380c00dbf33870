import { smtpEmailChannel } from '@thidua/functions/features/notifications/channels';
import { deliverIntent } from '@thidua/functions/features/notifications/delivery';
import type { CapturedMail } from '@thidua/functions/local/mail';
import type { Clock } from '@thidua/functions/local/scheduler';
import type { NotificationIntent } from '@thidua/shared/notifications';
import { describe, expect, it } from 'vitest';
import { deliveryParts } from '../support/delivery';
import { DEMO_TENANT } from '../support/platform';
import {
  act,
  body,
  createReport,
  expectStatus,
  logins,
  startApiWorld,
  TEST_CAMPAIGN,
  units,
  useApiWorld,
} from './api-world';

/**
 * Issue 16 on the local platform, through the real parts: a workflow action writes its intents in its own
 * transaction, DynamoDB Local's stream carries them to the notifications handler, which writes the bell's
 * notices and mails through the real local SMTP server (read back from the capture). Reminders run from
 * the platform's scheduler with a clock the test moves.
 */
let clockNow = new Date('2026-03-10T01:00:00.000Z');
const clock: Clock = { now: () => clockNow, after: () => () => undefined };
const world = useApiWorld(() => startApiWorld({ clock }));

const mailTo = async (email: string, subject: string): Promise<CapturedMail[]> =>
  (await world().platform.mail.messages()).filter((m) => m.to.includes(email) && m.subject.includes(subject));

/** Waits until the stream has been delivered (the consumer polls; a drain returns when it is caught up). */
const settle = () => world().platform.streams.drain();

const bell = async (who: keyof typeof logins) => body(await world().as[who].get('/me/notifications'));

describe('a workflow action notifies the people whose turn it is, in the app and by e-mail, once', () => {
  let returnedId = '';

  it('a submitted report reaches the district reviewers: a notice in the bell and one e-mail', async () => {
    const { as, platform } = world();
    const s = await createReport(as.communeSubmitter, '2026-Q2');
    await act(as.communeSubmitter, s, { type: 'submit' });
    const mail = await platform.mail.waitFor(
      (m) => m.to.includes(logins.districtReviewer) && m.subject.includes('Báo cáo chờ thẩm định'),
    );
    expect(mail.text).toContain('Có báo cáo đang chờ đồng chí thẩm định.');
    expect(mail.text).toContain('Phường Tân Phú');
    expect(mail.text).toContain(`/submissions/${s.id}`);
    expect(mail.html).toContain('<a href=');
    expect(mail.headers['list-unsubscribe']).toContain(
      '/notifications/preferences?unsubscribe=awaiting_review',
    );
    await settle();
    const page = await bell('districtReviewer');
    expect(page.unread).toBe(1);
    expect(page.items).toMatchObject([
      { kind: 'awaiting_review', subject: { path: `/submissions/${s.id}` } },
    ]);
    // The author is not told of their own act.
    expect((await bell('communeSubmitter')).unread).toBe(0);
  });

  it('a return reaches the commune with the reason and a link to the commented field', async () => {
    const { as, platform } = world();
    const s = await createReport(as.communeSubmitter, '2026-Q3');
    const submitted = await act(as.communeSubmitter, s, { type: 'submit' });
    await act(as.districtReviewer, submitted, {
      type: 'return',
      reason: 'Số vụ phát hiện chưa khớp với báo cáo tháng',
      fields: ['figures.crimesDetected'],
    });
    returnedId = s.id;
    const mail = await platform.mail.waitFor(
      (m) => m.to.includes(logins.communeSubmitter) && m.subject.includes('Báo cáo bị trả lại'),
    );
    expect(mail.text).toContain('Nội dung: Số vụ phát hiện chưa khớp với báo cáo tháng');
    expect(mail.text).toContain(`/submissions/${s.id}#field-figures.crimesDetected`);
    // The unit head is an author too: both hear of it.
    await platform.mail.waitFor((m) => m.to.includes(logins.communeHead) && m.subject.includes('bị trả lại'));
    await settle();
    const page = await bell('communeSubmitter');
    expect(page.unread).toBe(1);
    expect(page.items).toMatchObject([
      {
        kind: 'returned',
        reason: 'Số vụ phát hiện chưa khớp với báo cáo tháng',
        subject: { path: `/submissions/${s.id}`, fieldKey: 'figures.crimesDetected' },
      },
    ]);
  });

  it('the consumer run again on the same stream records sends nothing twice and adds no notice', async () => {
    const { platform } = world();
    await settle();
    const before = (await platform.mail.messages()).length;
    const { handler } = (await import('@thidua/functions/handlers/notifications')) as {
      handler: (e: unknown, c: unknown) => Promise<unknown>;
    };
    expect(platform.streams.batches.length).toBeGreaterThan(0);
    for (const batch of platform.streams.batches) await handler(batch, {});
    expect((await platform.mail.messages()).length).toBe(before);
    expect(await mailTo(logins.communeSubmitter, 'Báo cáo bị trả lại')).toHaveLength(1);
    expect((await bell('communeSubmitter')).unread).toBe(1);
    // Two reports wait at the district (the 2026-Q2 and 2026-Q3 ones).
    expect((await bell('districtReviewer')).unread).toBe(2);
  });

  it('mark read, and all read; a replayed request answers the same', async () => {
    const { as } = world();
    const page = await bell('communeSubmitter');
    const first = (page.items as { id: string }[])[0];
    expect(first).toBeDefined();
    const key = { 'idempotency-key': `read-${first?.id}` };
    const r = expectStatus(
      await as.communeSubmitter.post(`/me/notifications/${first?.id}/read`, undefined, key),
      200,
    );
    expect(r).toEqual({ unread: 0 });
    expect(
      expectStatus(
        await as.communeSubmitter.post(`/me/notifications/${first?.id}/read`, undefined, key),
        200,
      ),
    ).toEqual({
      unread: 0,
    });
    expect((await bell('communeSubmitter')).items).toMatchObject([{ readAt: expect.any(String) }]);
    expectStatus(await as.communeSubmitter.post('/me/notifications/nope-1/read'), 404);
    expect(expectStatus(await as.districtReviewer.post('/me/notifications/read-all'), 200)).toEqual({
      unread: 0,
    });
    expect(expectStatus(await as.districtReviewer.get('/me/notifications?limit=1'), 200).unread).toBe(0);
    expect(returnedId).not.toBe('');
  });

  it('a person who turned e-mail off for a kind still sees it in the bell, and gets no e-mail', async () => {
    const { as, platform } = world();
    const prefs = expectStatus(await as.communeHead.get('/me/notification-preferences'), 200);
    expect(prefs.emailKinds).toContain('returned');
    expectStatus(
      await as.communeHead.put('/me/notification-preferences', {
        emailKinds: [],
        dailyDigest: false,
        unsubscribed: ['returned'],
      }),
      200,
    );
    expectStatus(await as.communeHead.put('/me/notification-preferences', { emailKinds: 'all' }), 400);
    const s = await createReport(as.communeSubmitter, '2026-Q4');
    const submitted = await act(as.communeSubmitter, s, { type: 'submit' });
    await act(as.districtReviewer, submitted, { type: 'return', reason: 'Thiếu minh chứng kèm theo' });
    await platform.mail.waitFor(
      (m) => m.to.includes(logins.communeSubmitter) && m.text.includes('Thiếu minh chứng'),
    );
    await settle();
    const headMails = (await platform.mail.messages()).filter(
      (m) => m.to.includes(logins.communeHead) && m.text.includes('Thiếu minh chứng'),
    );
    expect(headMails).toHaveLength(0);
    expect((await bell('communeHead')).items).toMatchObject([
      { kind: 'returned', reason: 'Thiếu minh chứng kèm theo' },
      { kind: 'returned', reason: 'Số vụ phát hiện chưa khớp với báo cáo tháng' },
    ]);
  });
});

describe('failed e-mails retry, then wait in the dead-letter list for the administrator', () => {
  it('after every attempt fails the delivery is a dead letter; replay sends it once and removes it', async () => {
    const { as, platform } = world();
    // A real SMTP client to a port nothing listens on: every attempt is refused.
    const { deps, destroy } = deliveryParts(platform, smtpEmailChannel({ host: '127.0.0.1', port: 1 }));
    const intent: NotificationIntent = {
      id: `test#dead-letter#${Date.now()}`,
      tenantId: DEMO_TENANT,
      kind: 'reminder',
      audience: { type: 'unit_roles', unitId: units.department, roles: ['submitter'] },
      subject: { type: 'campaign', id: TEST_CAMPAIGN, title: 'Báo cáo thử nghiệm — Sở Tư pháp', path: '/' },
      reason: 'Thư thử gửi lỗi',
      dueAt: null,
      createdAt: new Date().toISOString(),
    };
    try {
      const report = await deliverIntent(deps, intent);
      expect(report).toMatchObject({ recipients: 1, noticesAdded: 1, mailed: 0, deadLetters: 1 });
      // Delivered again (a retried batch): the dead letter is not mailed again, no second notice.
      expect(await deliverIntent(deps, intent)).toMatchObject({ noticesAdded: 0, mailed: 0, deadLetters: 0 });
    } finally {
      destroy();
    }
    expectStatus(await as.communeSubmitter.get('/admin/notifications/dead-letters'), 403);
    const list = expectStatus(await as.admin.get('/admin/notifications/dead-letters'), 200);
    const letter = (list.items as { id: string; email: string; attempts: number; intentId: string }[]).find(
      (x) => x.intentId === intent.id,
    );
    expect(letter).toMatchObject({ email: logins.departmentSubmitter, attempts: 3 });
    const replay = await as.admin.post(`/admin/notifications/dead-letters/${letter?.id}/replay`, undefined, {
      'idempotency-key': `replay-${letter?.id}`,
    });
    expect(expectStatus(replay, 200)).toEqual({ sent: true, error: null });
    const mails = (await platform.mail.messages()).filter((m) => m.text.includes('Thư thử gửi lỗi'));
    expect(mails.map((m) => m.to)).toEqual([[logins.departmentSubmitter]]);
    const after = expectStatus(await as.admin.get('/admin/notifications/dead-letters'), 200);
    expect((after.items as { intentId: string }[]).some((x) => x.intentId === intent.id)).toBe(false);
  });
});

describe('reminders and escalation follow the clock; "Nhắc nhở" reminds once per press', () => {
  const remindersFor = async (email: string, kind: string) =>
    (await world().platform.mail.messages()).filter((m) => m.to.includes(email) && m.subject.includes(kind));

  it('3 and 1 days before the deadline, then overdue, then the unit head, then the reviewing level', async () => {
    const { platform } = world();
    // Deadline of 2026-Q1: 2026-03-15 (end of day in Vietnam). Nothing filed for that period.
    const run = async (iso: string) => {
      clockNow = new Date(iso);
      const r = await platform.scheduler.runNow('notification-reminders');
      expect(r.ok, r.error).toBe(true);
      await settle();
    };
    await run('2026-03-10T02:00:00.000Z');
    expect(await remindersFor(logins.departmentSubmitter, 'Sắp đến hạn nộp')).toHaveLength(0);
    await run('2026-03-12T02:00:00.000Z');
    const soon = await remindersFor(logins.departmentSubmitter, 'Sắp đến hạn nộp');
    expect(soon).toHaveLength(1);
    expect(soon[0]?.text).toContain('Hạn: 15/03/2026');
    // The same day again (a restart, a second run): nothing new.
    await run('2026-03-12T09:00:00.000Z');
    expect(await remindersFor(logins.departmentSubmitter, 'Sắp đến hạn nộp')).toHaveLength(1);
    await run('2026-03-14T02:00:00.000Z');
    expect(await remindersFor(logins.departmentSubmitter, 'Sắp đến hạn nộp')).toHaveLength(2);
    await run('2026-03-16T02:00:00.000Z');
    expect(await remindersFor(logins.departmentSubmitter, 'Đã quá hạn')).toHaveLength(1);
    expect(await remindersFor('truong.sotuphap@demo.thidua.vn', 'Nhắc việc quá hạn')).toHaveLength(0);
    await run('2026-03-18T02:00:00.000Z');
    expect(await remindersFor('truong.sotuphap@demo.thidua.vn', 'Nhắc việc quá hạn')).toHaveLength(1);
    expect(await remindersFor(logins.provinceReviewer, 'Nhắc việc quá hạn')).toHaveLength(0);
    await run('2026-03-21T02:00:00.000Z');
    const toProvince = await remindersFor(logins.provinceReviewer, 'Nhắc việc quá hạn');
    expect(toProvince.some((m) => m.subject.includes('Sở Tư pháp'))).toBe(true);
    expect(await remindersFor(logins.departmentSubmitter, 'Đã quá hạn')).toHaveLength(1);
  });

  it('"Nhắc nhở" on the completeness page: the communes that have not filed, once per request', async () => {
    const { as, platform } = world();
    const key = { 'idempotency-key': 'remind-press-0001' };
    const press = { formKey: 'periodic_report', period: '2026-Q1', message: 'Đề nghị nộp trước thứ Sáu' };
    const first = expectStatus(
      await as.districtReviewer.post(`/campaigns/${TEST_CAMPAIGN}/reminders`, press, key),
      200,
    );
    expect(first.reminded).toContain(units.commune);
    expect(
      expectStatus(await as.districtReviewer.post(`/campaigns/${TEST_CAMPAIGN}/reminders`, press, key), 200),
    ).toEqual(first);
    await platform.mail.waitFor(
      (m) => m.to.includes(logins.communeSubmitter) && m.text.includes('Đề nghị nộp trước thứ Sáu'),
    );
    await settle();
    const got = (await platform.mail.messages()).filter(
      (m) => m.to.includes(logins.communeSubmitter) && m.text.includes('Đề nghị nộp trước thứ Sáu'),
    );
    expect(got).toHaveLength(1);
    expectStatus(
      await as.communeSubmitter.post(`/campaigns/${TEST_CAMPAIGN}/reminders`, press, {
        'idempotency-key': 'remind-x-0001',
      }),
      403,
    );
    expectStatus(await as.districtReviewer.post(`/campaigns/${TEST_CAMPAIGN}/reminders`, press), 400);
  });
});
