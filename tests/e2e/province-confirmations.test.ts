import type { Page } from 'playwright-core';
import { describe, expect, it } from 'vitest';
import { type ApiWorld, expectStatus, signInEveryone } from '../integration/api-world';
import {
  addCommendationCampaign,
  COMMEND_CAMPAIGN,
  councilMemberIds,
  fileNomination,
  signOnPaper,
} from '../integration/commendations-world';
import { useJourney } from '../support/journey';
import { type Api, api, apiAs } from '../support/platform';

/**
 * Issue 17, point 2 in the browser: the province's path with every irreversible step confirmed — sending
 * and approving the tờ trình, ending the disclosure early, casting a ballot, closing the vote, signing
 * (which takes the register's next number). At each, the dialog says what will happen; "Hủy" leaves
 * everything as it was (read back through the API); "Xác nhận" does it. What is not a confirmation under
 * test (filing the nomination, drafting the tờ trình, opening the disclosure and the session, two of the
 * three ballots) goes through the API, to keep the journey short.
 */
const journey = useJourney('province-confirmations');
const NOMINEE = 'Hội Phụ nữ phường Tân Phú';

/** Opens `path` for the test campaign (every commendation page has the campaign picker). */
const open = async (page: Page, path: string, campaign = true) => {
  await page.goto(`${journey.built().web.origin}${path}`);
  if (campaign) await page.getByLabel('Phong trào thi đua').selectOption({ value: COMMEND_CAMPAIGN });
};

/**
 * Clicks `button`, checks that the dialog says `says`, cancels and checks through `unchanged` that nothing
 * happened; then clicks again and confirms (after `fill`, for dialogs that ask something).
 */
const confirmAfterCancel = async (
  page: Page,
  button: string,
  says: RegExp,
  unchanged: () => Promise<void>,
  fill: (dialog: ReturnType<Page['getByRole']>) => Promise<void> = async () => undefined,
) => {
  await page.getByRole('button', { name: button, exact: true }).click();
  const dialog = page.getByRole('dialog');
  await fill(dialog);
  expect(await dialog.textContent()).toMatch(says);
  await dialog.getByRole('button', { name: 'Hủy' }).click();
  await dialog.waitFor({ state: 'detached' });
  await unchanged();
  await page.getByRole('button', { name: button, exact: true }).click();
  await fill(dialog);
  await dialog.getByRole('button', { name: 'Xác nhận' }).click();
};

describe('the province journey, every irreversible step confirmed', () => {
  it('tờ trình sent and approved, disclosure ended early, ballot cast, vote closed, decision signed — each cancelled once first', async () => {
    const { platform } = journey.built();
    const as = await signInEveryone(platform);
    await addCommendationCampaign(as.admin);
    // Signing here is the paper-original path, chosen explicitly (ADR 0032); the digital path's confirmations
    // (Lấy số, Ban hành) are in decision-signing.test.ts.
    await signOnPaper(as.admin);
    const w: ApiWorld = { platform, as, anonymous: api(platform), stop: async () => undefined };
    const id = await fileNomination(as.communeSubmitter, {
      kind: 'collective',
      name: NOMINEE,
      awardTypeId: 'giay_khen_bcd_tinh',
    });
    const made = expectStatus(
      await as.districtReviewer.post('/commendations/batches', {
        campaignId: COMMEND_CAMPAIGN,
        nominationIds: [id],
        reference: '31/TTr-UBND',
      }),
      201,
    );
    const batchId = String((made.batch as { id: string }).id);
    const batchState = async () =>
      String(expectStatus(await as.provinceReviewer.get(`/commendations/batches/${batchId}`), 200).state);

    // 1. The district sends its tờ trình.
    const district = await journey.signedIn('duyet.dongxoai@demo.thidua.vn');
    await open(district, '/commendations/consolidate');
    await confirmAfterCancel(
      district,
      'Gửi tờ trình lên tỉnh',
      /sẽ được gửi lên tỉnh.*không sửa được/s,
      async () => expect(await batchState()).toBe('draft'),
    );
    await district.getByText('Đã gửi tỉnh').waitFor();

    // 2. The province approves it.
    const province = await journey.signedIn('duyet.tinh@demo.thidua.vn');
    await open(province, '/commendations/batches');
    await confirmAfterCancel(province, 'Duyệt tờ trình', /\(1 hồ sơ\) sẽ được duyệt/, async () =>
      expect(await batchState()).toBe('submitted'),
    );
    await province.getByText('Chưa có dữ liệu.').waitFor();
    expect(await batchState()).toBe('approved');

    // 3. The secretariat ends the disclosure before its minimum, with the reason and the authority.
    const disclosure = expectStatus(
      await as.secretariat.post('/commendations/disclosures', {
        campaignId: COMMEND_CAMPAIGN,
        title: 'Danh sách đề nghị tặng Giấy khen (thử nghiệm)',
        nominationIds: [id],
      }),
      201,
    );
    const closedEarly = async () =>
      (
        expectStatus(await as.secretariat.get(`/commendations/disclosures/${String(disclosure.id)}`), 200)
          .disclosure as { closedEarly: unknown }
      ).closedEarly ?? null;
    const sec = await journey.signedIn('thuongtruc@demo.thidua.vn');
    await open(sec, '/commendations/disclosures');
    await confirmAfterCancel(
      sec,
      'Kết thúc công khai sớm',
      /không nhận thêm ý kiến/,
      async () => expect(await closedEarly()).toBeNull(),
      async (dialog) => {
        await dialog.getByLabel(/Lý do/).fill('Hội đồng họp theo lịch của tỉnh (thử nghiệm)');
        await dialog.getByLabel(/Người quyết định/).fill('Huỳnh Văn Quang, Chủ tịch UBND tỉnh');
        await dialog.getByLabel(/Văn bản quyết định/).fill('Công văn số 01/UBND-NC ngày 10/12/2026');
      },
    );
    await sec.getByText('Đã kết thúc').waitFor();
    expect(await closedEarly()).not.toBeNull();

    // 4. A session; two members vote through the API, the third on screen.
    const session = expectStatus(
      await as.secretariat.post('/commendations/sessions', {
        campaignId: COMMEND_CAMPAIGN,
        issuingBodyId: 'bcd-tinh',
        title: 'Xét Giấy khen của Ban Chỉ đạo (thử nghiệm)',
        nominationIds: [id],
        memberIds: await councilMemberIds(w),
        presidingName: 'Nguyễn Chủ Trì',
      }),
      201,
    );
    const sid = String(session.id);
    const members: Api[] = await Promise.all(
      ['hoidong2@demo.thidua.vn', 'hoidong3@demo.thidua.vn'].map((e) => apiAs(platform, e)),
    );
    for (const m of members)
      expectStatus(
        await m.post(`/commendations/sessions/${sid}/ballots`, { choices: { [id]: 'agree' } }),
        201,
      );
    const ballots = async () =>
      Number(expectStatus(await as.secretariat.get(`/commendations/sessions/${sid}`), 200).ballotCount);
    const member = await journey.signedIn('hoidong1@demo.thidua.vn');
    await open(member, '/commendations/vote', false);
    await member.getByRole('radio', { name: 'Đồng ý', exact: true }).check();
    await confirmAfterCancel(member, 'Bỏ phiếu', /không sửa được/, async () =>
      expect(await ballots()).toBe(2),
    );
    await member.getByText('Đã bỏ phiếu', { exact: true }).waitFor();
    expect(await ballots()).toBe(3);

    // 5. The secretariat closes the vote.
    const sessionState = async () =>
      String(expectStatus(await as.secretariat.get(`/commendations/sessions/${sid}`), 200).state);
    await open(sec, '/commendations/council');
    await confirmAfterCancel(sec, 'Kết thúc bỏ phiếu và kiểm phiếu', /\(3\/3 phiếu đã nhận\)/, async () =>
      expect(await sessionState()).toBe('open'),
    );
    await sec.getByRole('button', { name: 'Tải biên bản (DOCX)' }).waitFor();

    // 6. The chair signs: the number the register gives is named before it is taken.
    const year = new Date(Date.now() + 7 * 3_600_000).getUTCFullYear();
    const numbers = async () =>
      (
        expectStatus(await as.chair.get(`/commendations/register?year=${year}`), 200).entries as {
          numberText: string;
        }[]
      )
        .map((e) => e.numberText)
        .filter((n) => n.endsWith('/QĐ-BCĐ'));
    const chair = await journey.signedIn('chutich@demo.thidua.vn');
    await open(chair, '/commendations/sign');
    await confirmAfterCancel(chair, 'Ký quyết định', /sẽ nhận số 01\/QĐ-BCĐ.*công bố công khai/s, async () =>
      expect(await numbers()).toEqual([]),
    );
    await chair.getByText(/Đã ký Quyết định số 01\/QĐ-BCĐ/).waitFor();
    expect(await numbers()).toEqual(['01/QĐ-BCĐ']);
  });
});
