import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb';
import { unsubscribeLinks } from '@thidua/functions/features/notifications/links';
import { createNotificationRepository } from '@thidua/functions/features/notifications/repository';
import { fileKey } from '@thidua/functions/kernel/data/chain-key';
import type { CapturedMail } from '@thidua/functions/local/mail';
import type { Clock } from '@thidua/functions/local/scheduler';
import { startOfDayInVietnam, toCalendarDate } from '@thidua/shared/common';
import { type NotificationIntent, splitUnsubscribeToken } from '@thidua/shared/notifications';
import { describe, expect, it } from 'vitest';
import { DEMO_TENANT, emulatorClients } from '../support/platform';
import * as apiWorld from './api-world';
import { act, body, createReport, expectStatus, logins } from './api-world';

const { TEST_CAMPAIGN, units } = apiWorld;

/**
 * Issue 16's daily digest and one-click unsubscribe on the local platform, through the real parts: the
 * digest job runs from the platform's scheduler with a clock the test moves, the mail is read back from
 * the real SMTP capture, and the unsubscribe links are followed without signing in, as a mail client
 * (RFC 8058 one-click POST) or a person (the confirmation page's GET, then POST) would.
 */
const HOUR = 3_600_000;
/** The next 07:00 in Vietnam after the real time (notices are stamped with the real time of their act). */
const digestAt = (() => {
  const now = Date.now();
  let at = Date.parse(startOfDayInVietnam(toCalendarDate(new Date(now).toISOString()))) + 7 * HOUR;
  if (at <= now) at += 24 * HOUR;
  return at;
})();
let clockNow = new Date(digestAt - HOUR);
const clock: Clock = { now: () => clockNow, after: () => () => undefined };
const world = apiWorld.useApiWorld(() => apiWorld.startApiWorld({ clock }));

const settle = () => world().platform.streams.drain();
const digestsTo = async (email: string): Promise<CapturedMail[]> =>
  (await world().platform.mail.messages()).filter(
    (m) => m.to.includes(email) && m.subject.includes('Bản tin ngày'),
  );
const runDigest = async (at: number) => {
  clockNow = new Date(at);
  const r = await world().platform.scheduler.runNow('notification-digest');
  expect(r.ok, r.error).toBe(true);
};
/** `<https://…>` → the path and query the API is called with. */
const oneClickOf = (m: CapturedMail): string => {
  const header = m.headers['list-unsubscribe'] ?? '';
  const url = new URL(/^<([^>]+)>$/.exec(header)?.[1] ?? 'http://invalid/');
  expect(`${url.origin}`).toBe(new URL(world().platform.apiUrl).origin);
  return `${url.pathname}${url.search}`;
};
const oneClick = (path: string) =>
  world().anonymous.request('POST', path, {
    body: 'List-Unsubscribe=One-Click',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
  });
const oneClickOfUrl = (url: string): string => {
  const u = new URL(url);
  return `${u.pathname}${u.search}`;
};
const tokenOf = (path: string) => new URL(path, 'http://x').searchParams.get('token') ?? '';
const userIdOf = (path: string) => splitUnsubscribeToken(tokenOf(path))?.claims.u ?? '';

/** A notice of a digest kind stamped at `createdAt`, delivered by the consumer's own code path. */
const deliverAt = async (id: string, unitId: string, createdAt: number) => {
  const { platform } = world();
  const clients = emulatorClients(platform);
  try {
    const ref = { table: platform.tableName, client: DynamoDBDocumentClient.from(clients.dynamo) };
    const { deliverIntent } = await import('@thidua/functions/features/notifications/delivery');
    const { createUnitRepository, createUserRepository } = await import(
      '@thidua/functions/features/org/repository'
    );
    const intent: NotificationIntent = {
      id,
      tenantId: DEMO_TENANT,
      kind: 'withdrawn',
      audience: { type: 'unit_roles', unitId, roles: ['reviewer'] },
      subject: { type: 'campaign', id: TEST_CAMPAIGN, title: `Báo cáo thử ${id}`, path: '/' },
      reason: null,
      dueAt: null,
      createdAt: new Date(createdAt).toISOString(),
    };
    await deliverIntent(
      {
        notifications: createNotificationRepository(ref),
        users: createUserRepository(ref),
        units: createUnitRepository(ref),
        email: undefined,
        config: { from: 'x <x@x.vn>', contact: 'VP', appUrl: '', maxAttempts: 1, backoffMs: 0 },
      },
      intent,
    );
  } finally {
    clients.destroy();
  }
};

describe('the daily digest: one e-mail per person per day, of the kinds they set to "digest"', () => {
  let withdrawnId = '';

  it("before the hour nothing goes; from it, one digest lists the day's notices grouped, with links", async () => {
    const { as, platform } = world();
    // Default preferences: "awaiting review" is mailed at once, "withdrawn" waits for the digest.
    const s = await createReport(as.communeSubmitter, '2026-Q2');
    const submitted = await act(as.communeSubmitter, s, { type: 'submit' });
    await act(as.communeSubmitter, submitted, { type: 'withdraw' });
    withdrawnId = s.id;
    await platform.mail.waitFor(
      (m) => m.to.includes(logins.districtReviewer) && m.subject.includes('Báo cáo chờ thẩm định'),
    );
    await settle();
    expect(
      (await platform.mail.messages()).filter(
        (m) => m.to.includes(logins.districtReviewer) && m.subject.includes('rút lại'),
      ),
    ).toHaveLength(0);

    await runDigest(digestAt - HOUR);
    expect(await digestsTo(logins.districtReviewer)).toHaveLength(0);

    await runDigest(digestAt + HOUR / 2);
    const [digest, ...more] = await digestsTo(logins.districtReviewer);
    expect(more).toHaveLength(0);
    expect(digest?.subject).toMatch(/^\[Thi đua\] Bản tin ngày \d\d\/\d\d\/\d{4}: 1 thông báo$/);
    expect(digest?.text).toContain('Kính gửi đồng chí');
    expect(digest?.text).toContain('Báo cáo được đơn vị rút lại (1)');
    expect(digest?.text).toContain(`/submissions/${withdrawnId}`);
    // Mailed at once already: not repeated in the digest.
    expect(digest?.text).not.toContain('Báo cáo chờ thẩm định');
    expect(digest?.html).toContain(`/submissions/${withdrawnId}"`);
    expect(digest?.text).toContain('Không muốn nhận bản tin hằng ngày: http');
    expect(digest?.headers['list-unsubscribe']).toContain('unsubscribe=daily_digest&token=');
    expect(digest?.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    // Nobody is mailed an empty digest: the commune had no notice.
    expect(await digestsTo(logins.communeSubmitter)).toHaveLength(0);
  });

  it('run again that day (a retry, a later hour): nothing more', async () => {
    await runDigest(digestAt + HOUR / 2);
    await runDigest(digestAt + 5 * HOUR);
    expect(await digestsTo(logins.districtReviewer)).toHaveLength(1);
    const all = (await world().platform.mail.messages()).filter((m) => m.subject.includes('Bản tin ngày'));
    expect(new Set(all.map((m) => m.to.join()))).toHaveProperty('size', all.length);
  });

  it("one click in the digest stops it (no sign-in), once, on the person's audit chain", async () => {
    const { as } = world();
    const [digest] = await digestsTo(logins.districtReviewer);
    if (!digest) throw new Error('no digest');
    const path = oneClickOf(digest);
    const first = expectStatus(await oneClick(path), 200);
    expect(first).toMatchObject({ topic: 'daily_digest', unsubscribed: true, email: 'du***@demo.thidua.vn' });
    expect(expectStatus(await oneClick(path), 200)).toEqual(first);
    expect(expectStatus(await as.districtReviewer.get('/me/notification-preferences'), 200)).toMatchObject({
      dailyDigest: false,
    });
    const chain = expectStatus(await as.admin.get(`/audit/chains/user/${userIdOf(path)}`), 200);
    const events = (chain.events as { action: string; summary: string }[]).filter(
      (e) => e.action === 'mail_unsubscribed',
    );
    expect(events).toHaveLength(1);
    expect(events[0]?.summary).toContain('Bản tin thông báo hằng ngày');
    expect(chain.valid).toBe(true);

    // The next day: a notice of a digest kind for the district (stopped) and another district (not).
    await deliverAt(`test#digest-d2#${Date.now()}`, units.district, digestAt + HOUR);
    await deliverAt(`test#digest-d2b#${Date.now()}`, units.otherDistrict, digestAt + HOUR);
    await runDigest(digestAt + 24 * HOUR + HOUR / 2);
    expect(await digestsTo(logins.districtReviewer)).toHaveLength(1);
    const other = await digestsTo(logins.otherDistrictReviewer);
    expect(other).toHaveLength(1);
    expect(other[0]?.text).toContain('Báo cáo thử test#digest-d2b');
  });
});

describe('one-click unsubscribe from a kind, without signing in', () => {
  const reviewMail = async () =>
    (await world().platform.mail.messages()).find(
      (m) => m.to.includes(logins.districtReviewer) && m.subject.includes('Báo cáo chờ thẩm định'),
    );

  it('every e-mail carries RFC 8058 headers and a page link; the page says what the link stops', async () => {
    const m = await reviewMail();
    if (!m) throw new Error('no mail');
    expect(m.headers['list-unsubscribe-post']).toBe('List-Unsubscribe=One-Click');
    const path = oneClickOf(m);
    expect(path).toContain('/public/notifications/preferences?unsubscribe=awaiting_review&token=');
    // The body links the confirmation page of the web app, with the same token.
    expect(m.text).toContain(
      `Không muốn nhận thư loại "Báo cáo chờ thẩm định": http://localhost:5173${path}`,
    );
    const view = expectStatus(await world().anonymous.get(path), 200);
    expect(view).toMatchObject({
      topic: 'awaiting_review',
      label: 'Báo cáo chờ thẩm định',
      unsubscribed: false,
    });
  });

  it('a tampered, forged, edited or expired link is refused with a clear 4xx; nothing changes', async () => {
    const { platform } = world();
    const m = await reviewMail();
    if (!m) throw new Error('no mail');
    const path = oneClickOf(m);
    const token = tokenOf(path);
    const [payload = '', mac = ''] = token.split('.');
    const claims = splitUnsubscribeToken(token)?.claims;
    if (!claims) throw new Error('no claims');
    const at = (t: string, topic = 'awaiting_review') =>
      `/public/notifications/preferences?unsubscribe=${topic}&token=${t}`;
    // Another person's id in the claims, the MAC kept.
    const otherPayload = Buffer.from(JSON.stringify({ ...claims, u: 'someone-else' })).toString('base64url');
    const forged = expectStatus(await oneClick(at(`${otherPayload}.${mac}`)), 403);
    expect(forged).toMatchObject({ error: { code: 'link_invalid' } });
    expect((forged.error as { message: string }).message).toContain('Liên kết không hợp lệ');
    // One letter of the MAC changed.
    const flipped = `${mac.slice(0, -2)}${mac.endsWith('AA') ? 'BB' : 'AA'}`;
    expectStatus(await oneClick(at(`${payload}.${flipped}`)), 403);
    // The topic in the query is not the one signed.
    expectStatus(await oneClick(at(token, 'returned')), 400);
    expectStatus(await oneClick(at('not-a-token')), 400);
    // Signed with another key: refused like a forgery.
    const otherKey = fileKey(`${platform.dataDir}/other-link.key`);
    const cfg = { appUrl: 'http://localhost:5173', apiUrl: platform.apiUrl, unsubscribeLinkDays: 60 };
    const foreign = await unsubscribeLinks(() => otherKey, cfg).forRecipient(
      claims.t,
      claims.u,
      'awaiting_review',
    );
    expectStatus(await oneClick(oneClickOfUrl(foreign.oneClick)), 403);
    // Signed with the right key, 61 days ago: expired.
    const rightKey = fileKey(platform.handlerEnv.NOTIFY_LINK_KEY_FILE ?? '');
    const old = await unsubscribeLinks(() => rightKey, cfg).forRecipient(
      claims.t,
      claims.u,
      'awaiting_review',
      new Date(Date.now() - 61 * 24 * HOUR),
    );
    const expired = expectStatus(await oneClick(oneClickOfUrl(old.oneClick)), 422);
    expect(expired).toMatchObject({ error: { code: 'link_expired' } });
    const prefs = expectStatus(await world().as.districtReviewer.get('/me/notification-preferences'), 200);
    expect(prefs.unsubscribed).toEqual([]);
  });

  it('the genuine link stops that kind by e-mail; the bell still shows it', async () => {
    const { as, platform } = world();
    const m = await reviewMail();
    if (!m) throw new Error('no mail');
    expect(expectStatus(await oneClick(oneClickOf(m)), 200)).toMatchObject({
      topic: 'awaiting_review',
      unsubscribed: true,
    });
    const prefs = expectStatus(await as.districtReviewer.get('/me/notification-preferences'), 200);
    expect(prefs.unsubscribed).toEqual(['awaiting_review']);
    const s = await createReport(as.communeSubmitter, '2026-Q3');
    await act(as.communeSubmitter, s, { type: 'submit' });
    await settle();
    const page = body(await as.districtReviewer.get('/me/notifications'));
    expect((page.items as { subject: { id: string } }[]).some((n) => n.subject.id === s.id)).toBe(true);
    const mails = (await platform.mail.messages()).filter(
      (x) => x.to.includes(logins.districtReviewer) && x.subject.includes('Báo cáo chờ thẩm định'),
    );
    expect(mails).toHaveLength(1);
  });
});

describe('a return points at fields by one mechanism', () => {
  it('a comment written "with the return" names the field the notice and the e-mail open, like a picked one', async () => {
    const { as, platform } = world();
    const s = await createReport(as.communeSubmitter, '2026-Q4');
    const submitted = await act(as.communeSubmitter, s, { type: 'submit' });
    expectStatus(
      await as.districtReviewer.post(
        `/submissions/${s.id}/comments`,
        { path: 'figures.drugCases', text: 'Số vụ ma túy chưa khớp', withReturn: true },
        { 'idempotency-key': `comment-${s.id}` },
      ),
      201,
    );
    // No field picked in the action: the comment's field is the return's.
    await act(as.districtReviewer, submitted, { type: 'return', reason: 'Xem nhận xét ở ô số vụ ma túy' });
    const mail = await platform.mail.waitFor(
      (m) => m.to.includes(logins.communeSubmitter) && m.text.includes('Xem nhận xét ở ô số vụ ma túy'),
    );
    expect(mail.text).toContain(`/submissions/${s.id}#field-figures.drugCases`);
    await settle();
    const page = body(await as.communeSubmitter.get('/me/notifications'));
    expect(page.items).toContainEqual(
      expect.objectContaining({
        kind: 'returned',
        subject: expect.objectContaining({ id: s.id, fieldKey: 'figures.drugCases' }),
      }),
    );
  });
});
