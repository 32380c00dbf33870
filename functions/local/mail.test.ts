import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { renderEmail } from '@thidua/shared/notifications';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { returnedIntent } from '../../shared/src/testing/notifications';
import { smtpEmailChannel } from '../src/features/notifications/channels';
import { type MailCapture, startMailCapture } from './mail';

/** The local mail capture is a real SMTP server: what the handlers send arrives as SES would deliver it. */
describe('local mail capture', () => {
  let dir: string;
  let capture: MailCapture;
  beforeAll(async () => {
    dir = await mkdtemp(join(tmpdir(), 'thidua-mail-'));
    capture = await startMailCapture({ dir });
  });
  afterAll(async () => {
    await capture.stop();
    await rm(dir, { recursive: true, force: true });
  });

  const intent = returnedIntent();

  it('receives over SMTP on loopback, decodes Vietnamese, keeps text, HTML and the unsubscribe header', async () => {
    const message = renderEmail(intent, 'canbo.binhphuoc@demo.thidua.vn', {
      appUrl: 'http://localhost:5173',
      unsubscribeUrl: 'http://localhost:5173/api/unsubscribe?t=abc',
      recipientName: 'Trần Thị B',
      contact: 'Ban Thi đua - Khen thưởng tỉnh',
    });
    const channel = smtpEmailChannel({ host: '127.0.0.1', port: capture.smtpPort });
    await channel.send(message, 'Thi đua <no-reply@demo.thidua.vn>');
    const got = await capture.waitFor((m) => m.to.includes('canbo.binhphuoc@demo.thidua.vn'));
    expect(got.subject).toBe('[Thi đua] Báo cáo bị trả lại: Báo cáo tháng 11/2026 — Phường Bình Phước');
    expect(got.text).toContain('Kính gửi đồng chí Trần Thị B,');
    expect(got.text).toContain('http://localhost:5173/submissions/s1');
    expect(got.html).toContain('&#60;lớn hơn&#62;');
    expect(got.headers['list-unsubscribe']).toContain('/api/unsubscribe?t=abc');
    expect(got.from).toContain('no-reply@demo.thidua.vn');
  });

  it('lists what it captured on its page, escaped, and serves it as JSON', async () => {
    expect(new URL(capture.webUrl).hostname).toBe('127.0.0.1');
    const page = await (await fetch(capture.webUrl)).text();
    expect(page).toContain('Thư đã gửi');
    expect(page).toContain('Báo cáo bị trả lại');
    const list = (await (await fetch(new URL('messages.json', capture.webUrl))).json()) as unknown[];
    expect(list.length).toBeGreaterThanOrEqual(1);
  });
});
