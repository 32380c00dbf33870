import { mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { toPem } from '@thidua/functions/kernel/pdf/cms';
import { keySigner, signPdf } from '@thidua/functions/kernel/pdf/pades-sign';
import { testCa } from '@thidua/functions/kernel/pdf/test-ca';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiWorld, signInEveryone } from '../integration/api-world';
import {
  addCommendationCampaign,
  COMMEND_CAMPAIGN,
  configureSigningTrust,
  countedSession,
} from '../integration/commendations-world';
import { type BuiltWeb, launchChromium, signInThroughPage, startBuiltWeb } from '../support/browser';
import { api, apiAs, DEMO_TENANT } from '../support/platform';
import { unsignedIsRefused } from '../support/signing-page';

/**
 * Issue 17 point 5 in Chromium (ADR 0032): the chair takes the number (the dialog says which and who will
 * see the decision), downloads the PDF, signs it with their own tool — here the test CA's key, made in the
 * test — uploads it: a file that is not signed is refused in Vietnamese; the signed one shows the signer,
 * certificate and time, and issuing it (confirmed) publishes the decision with the signed bytes.
 */
let built: BuiltWeb;
let w: ApiWorld;
let browser: Browser;
let dir: string;
let ca: Awaited<ReturnType<typeof testCa>>;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'thidua-signing-'));
  built = await startBuiltWeb();
  w = {
    platform: built.platform,
    as: await signInEveryone(built.platform),
    anonymous: api(built.platform),
    stop: () => built.platform.stop(),
  };
  await addCommendationCampaign(w.as.admin);
  const members = await Promise.all(
    ['hoidong1@demo.thidua.vn', 'hoidong2@demo.thidua.vn', 'hoidong3@demo.thidua.vn'].map((e) =>
      apiAs(built.platform, e),
    ),
  );
  await countedSession(w, members, 'Phạm Văn Ký');
  ca = await testCa('Root CA thử của tỉnh');
  await configureSigningTrust(built.platform, { roots: toPem(ca.root.der) });
  browser = await launchChromium({ downloadsPath: dir });
}, 240_000);

afterAll(async () => {
  await browser?.close();
  await built?.stop();
  if (dir) await rm(dir, { recursive: true, force: true });
});

const downloadBytes = async (page: Page, click: () => Promise<void>): Promise<Uint8Array> => {
  const [download] = await Promise.all([page.waitForEvent('download'), click()]);
  const file = join(dir, `${Date.now()}.pdf`);
  await download.saveAs(file);
  return new Uint8Array(await readFile(file));
};

describe('signing a decision digitally in the browser', () => {
  it('Lấy số (confirmed) → download PDF → upload signed PDF (verified) → issued and public with the signed bytes', async () => {
    const context = await browser.newContext({
      locale: 'vi-VN',
      timezoneId: 'Asia/Ho_Chi_Minh',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(20_000);
    await page.goto(`${built.web.origin}/`);
    await signInThroughPage(page, 'chutich@demo.thidua.vn');
    await page.goto(`${built.web.origin}/commendations/sign`);
    await page.getByLabel('Phong trào thi đua').selectOption(COMMEND_CAMPAIGN);

    // 1. Take the number: the dialog names it and says who will see the decision, and when.
    await page.getByRole('button', { name: 'Lấy số', exact: true }).click();
    const dialog = page.getByRole('dialog');
    await dialog.getByText(/Quyết định sẽ nhận số \S+ \(số tiếp theo của sổ năm \d{4}\)/).waitFor();
    await dialog.getByText(/công bố công khai cho mọi người/).waitFor();
    await dialog.getByText(/Trước đó chỉ người ký xem được/).waitFor();
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    const awaiting = page.getByText(/Quyết định số (\S+) đã lấy số, đang chờ tệp PDF có chữ ký số/);
    await awaiting.waitFor();
    const numberText = /số (\S+) đã lấy số/.exec((await awaiting.textContent()) ?? '')?.[1] ?? '';
    expect(numberText).not.toBe('');

    // 2. Download the PDF to sign.
    const generated = await downloadBytes(page, () =>
      page.getByRole('button', { name: 'Tải PDF để ký số' }).click(),
    );
    expect(Buffer.from(generated.subarray(0, 5)).toString()).toBe('%PDF-');

    // 3. An unsigned file is refused, in Vietnamese, and nothing can be issued with it.
    const input = await unsignedIsRefused(page, generated);

    // 4. The file signed with the chair's certificate (the signer's own tool, played by the test CA).
    const who = await ca.issue('Huỳnh Văn Quang');
    const signed = await signPdf(generated, keySigner(who.privateKey, [who.der]), { at: new Date() });
    const signedFile = join(dir, 'da-ky.pdf');
    await writeFile(signedFile, signed);
    await input.setInputFiles(signedFile);
    await page
      .getByText(/Chữ ký số hợp lệ: Huỳnh Văn Quang, chứng thư do .*Root CA thử của tỉnh.* cấp, ký lúc/)
      .waitFor();

    // 5. Issue it: confirmed, irreversible.
    await page.getByRole('button', { name: 'Ban hành quyết định' }).click();
    await dialog.getByText(/Không hoàn tác được/).waitFor();
    await dialog.getByRole('button', { name: 'Xác nhận' }).click();
    await page
      .getByText(
        new RegExp(
          `Đã ban hành Quyết định số ${numberText.replace(/[/.]/g, '\\$&')} — chữ ký số của Huỳnh Văn Quang`,
        ),
      )
      .waitFor();

    // 6. Public, and what the public downloads is the signed file, byte for byte.
    const list = await w.anonymous.get(`/public/${DEMO_TENANT}/decisions`);
    expect(list.text).toContain(numberText);
    const id = /"id":"([^"]+)"[^}]*"numberText":"([^"]+)"/.exec(list.text);
    expect(id?.[2]).toBe(numberText);
    const r = await w.anonymous.request('GET', `/public/${DEMO_TENANT}/decisions/${id?.[1]}/signed-pdf`, {
      redirect: 'manual',
    });
    const pub = new Uint8Array(await (await fetch(String(r.headers.get('location')))).arrayBuffer());
    expect(Buffer.from(pub).equals(Buffer.from(signed))).toBe(true);
    await context.close();
  });
});
