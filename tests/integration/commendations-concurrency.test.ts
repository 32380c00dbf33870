import { GetItemCommand } from '@aws-sdk/client-dynamodb';
import { unmarshall } from '@aws-sdk/util-dynamodb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type ApiResponse, DEMO_TENANT, emulatorClients } from '../support/platform';
import { type ApiWorld, createReport, expectStatus } from './api-world';
import {
  COMMEND_CAMPAIGN,
  consolidateAndApprove,
  draftBatch,
  draftNomination,
  fileNomination,
  startCommendationWorld,
} from './commendations-world';

/**
 * Findings of issue 11 against a running platform, each reproduced here: identical writes sent at once
 * with one Idempotency-Key write once and all answer the first answer; a nomination sits in one open tờ
 * trình at a time; an id route answers a caller who may not read the id exactly as for an unknown id.
 */
let w: ApiWorld;
beforeAll(async () => {
  w = await startCommendationWorld();
});
afterAll(async () => {
  await w?.stop();
});

const TIMES = 5;

/** The hold item of a nomination, read from the table itself. */
const holdOf = async (nominationId: string): Promise<Record<string, unknown> | undefined> => {
  const c = emulatorClients(w.platform);
  try {
    const r = await c.dynamo.send(
      new GetItemCommand({
        TableName: w.platform.tableName,
        Key: { pk: { S: `T#${DEMO_TENANT}#NOM#${nominationId}` }, sk: { S: 'HOLD' } },
        ConsistentRead: true,
      }),
    );
    return r.Item ? unmarshall(r.Item) : undefined;
  } finally {
    c.destroy();
  }
};
const errorCode = (b: unknown): string | undefined =>
  (b as { error?: { code?: string } } | undefined)?.error?.code;

/** Sends the same request `TIMES` times at once; every answer must be `status` and equal to the first. */
const sameAnswerAtOnce = async (status: number, send: () => Promise<ApiResponse>): Promise<ApiResponse> => {
  const answers = await Promise.all(Array.from({ length: TIMES }, send));
  expect(
    answers.map((a) => a.status),
    answers.map((a) => a.text.slice(0, 200)).join('\n'),
  ).toEqual(Array(TIMES).fill(status));
  for (const a of answers) expect(a.body).toEqual(answers[0]?.body);
  return answers[0] as ApiResponse;
};

/** The district drafts a tờ trình of `ids`; returns the batch. */
const newBatch = async (ids: string[], reference?: string): Promise<{ id: string; version: number }> =>
  (await draftBatch(w, ids, reference)).batch as { id: string; version: number };

const batchesOfDistrict = async (): Promise<{ id: string; entries: { nominationId: string }[] }[]> =>
  expectStatus(await w.as.districtReviewer.get(`/commendations/campaigns/${COMMEND_CAMPAIGN}/batches`), 200)
    .items as { id: string; entries: { nominationId: string }[] }[];

const nominee = (name: string) => ({
  kind: 'individual' as const,
  name,
  position: 'Cán bộ Công an phường',
  awardTypeId: 'giay_khen_bcd_tinh',
});

describe('one Idempotency-Key, identical requests at once', () => {
  it(`${TIMES} identical POST /commendations/batches create one tờ trình and all answer it`, async () => {
    const id = await fileNomination(w.as.communeSubmitter, nominee('Đỗ Văn Đồng Thời'));
    const before = (await batchesOfDistrict()).length;
    const key = { 'idempotency-key': 'concurrent-batch-0001' };
    const body = { campaignId: COMMEND_CAMPAIGN, nominationIds: [id], reference: '91/TTr-UBND' };
    await sameAnswerAtOnce(201, () => w.as.districtReviewer.post('/commendations/batches', body, key));
    const after = await batchesOfDistrict();
    expect(after.length).toBe(before + 1);
    expect(after.filter((b) => b.entries.some((e) => e.nominationId === id))).toHaveLength(1);
  });

  it(`${TIMES} identical disclosure requests publish the nominee once and all answer the same list`, async () => {
    const id = await fileNomination(w.as.communeSubmitter, {
      ...nominee('Lê Thị Công Khai'),
      awardTypeId: 'bang_khen_chu_tich_ubnd_tinh',
    });
    await consolidateAndApprove(w, [id]);
    const key = { 'idempotency-key': 'concurrent-disclosure-0001' };
    const body = {
      campaignId: COMMEND_CAMPAIGN,
      title: 'Danh sách công khai đồng thời',
      nominationIds: [id],
    };
    const first = await sameAnswerAtOnce(201, () =>
      w.as.secretariat.post('/commendations/disclosures', body, key),
    );
    // And once more afterwards, sequentially: the stored answer, nothing new.
    const later = await w.as.secretariat.post('/commendations/disclosures', body, key);
    expect(later.status).toBe(201);
    expect(later.body).toEqual(first.body);
    const lists = expectStatus(
      await w.as.secretariat.get(`/commendations/campaigns/${COMMEND_CAMPAIGN}/disclosures`),
      200,
    ).items as { entries: { nominationId: string }[] }[];
    expect(lists.filter((l) => l.entries.some((e) => e.nominationId === id))).toHaveLength(1);
  });
});

describe('one Idempotency-Key on a write spanning several transactions', () => {
  it(`${TIMES} identical sends of one tờ trình: its members move once, all answer the sent tờ trình`, async () => {
    const ids = [
      await fileNomination(w.as.communeSubmitter, nominee('Vương Văn Gửi')),
      await fileNomination(w.as.communeSubmitter, nominee('Vương Thị Gửi')),
    ];
    const b = await newBatch(ids, '101/TTr-UBND');
    const key = { 'idempotency-key': 'concurrent-submit-0001' };
    const first = await sameAnswerAtOnce(200, () =>
      w.as.districtReviewer.post(
        `/commendations/batches/${b.id}/submit`,
        { expectedVersion: b.version },
        key,
      ),
    );
    expect((first.body as { state: string }).state).toBe('submitted');
    for (const id of ids) {
      const history = expectStatus(await w.as.secretariat.get(`/submissions/${id}/history`), 200).events as {
        action: string;
      }[];
      expect(history.filter((e) => e.action === 'approve')).toHaveLength(1);
    }
  });
});

describe('a nomination is held by one open tờ trình', () => {
  it('a nomination already in a draft tờ trình is refused by a second one (409), created or edited', async () => {
    const id = await fileNomination(w.as.communeSubmitter, nominee('Trần Văn Hai Tờ'));
    const other = await fileNomination(w.as.communeSubmitter, nominee('Ngô Thị Khác'));
    const firstBatch = await newBatch([id], '92/TTr-UBND');
    const second = await w.as.districtReviewer.post('/commendations/batches', {
      campaignId: COMMEND_CAMPAIGN,
      nominationIds: [id],
      reference: '93/TTr-UBND',
    });
    expect(second.status, second.text).toBe(409);
    expect(errorCode(second.body)).toBe('nomination_held');

    // A second draft of another nomination may not take the first one in an edit either.
    const thirdBatch = await newBatch([other], '94/TTr-UBND');
    const edit = await w.as.districtReviewer.put(`/commendations/batches/${thirdBatch.id}`, {
      nominationIds: [other, id],
      reference: '94/TTr-UBND',
      summary: '',
      expectedVersion: thirdBatch.version,
    });
    expect(edit.status, edit.text).toBe(409);
    const holders = (await batchesOfDistrict()).filter((b) => b.entries.some((e) => e.nominationId === id));
    expect(holders.map((b) => b.id)).toEqual([firstBatch.id]);

    // Taken out of the first draft, it may go into the other one.
    expectStatus(
      await w.as.districtReviewer.put(`/commendations/batches/${firstBatch.id}`, {
        nominationIds: [],
        reference: '92/TTr-UBND',
        summary: '',
        expectedVersion: firstBatch.version,
      }),
      200,
    );
    expectStatus(
      await w.as.districtReviewer.put(`/commendations/batches/${thirdBatch.id}`, {
        nominationIds: [other, id],
        reference: '94/TTr-UBND',
        summary: '',
        expectedVersion: thirdBatch.version,
      }),
      200,
    );
  });

  it('the hold lives with the open tờ trình: taken when drafted, let go when the province decides', async () => {
    const id = await fileNomination(w.as.communeSubmitter, nominee('Lý Văn Trả'));
    expect(await holdOf(id)).toBeUndefined();
    const b = await newBatch([id]);
    expect((await holdOf(id))?.batchId).toBe(b.id);
    const sent = expectStatus(
      await w.as.districtReviewer.post(`/commendations/batches/${b.id}/submit`, {
        expectedVersion: b.version,
      }),
      200,
    );
    expect((await holdOf(id))?.batchId).toBe(b.id);
    expectStatus(
      await w.as.provinceReviewer.post(`/commendations/batches/${b.id}/decision`, {
        type: 'return',
        reason: 'Bổ sung minh chứng',
        expectedVersion: sent.version,
      }),
      200,
    );
    expect(await holdOf(id)).toBeUndefined();
  });

  it(`${TIMES} different draft tờ trình racing for one nomination: exactly one holds it`, async () => {
    const id = await fileNomination(w.as.communeSubmitter, nominee('Phan Văn Tranh'));
    const answers = await Promise.all(
      Array.from({ length: TIMES }, (_, i) =>
        w.as.districtReviewer.post('/commendations/batches', {
          campaignId: COMMEND_CAMPAIGN,
          nominationIds: [id],
          reference: `${95 + i}/TTr-UBND`,
        }),
      ),
    );
    const statuses = answers.map((a) => a.status);
    expect(
      statuses.filter((s) => s === 201),
      statuses.join(','),
    ).toHaveLength(1);
    expect(statuses.filter((s) => s === 409)).toHaveLength(TIMES - 1);
    const holders = (await batchesOfDistrict()).filter((b) => b.entries.some((e) => e.nominationId === id));
    expect(holders).toHaveLength(1);
  });
});

describe('refusals do not reveal whether an id exists', () => {
  it('a council member gets the same 404 on /check for an existing report as for an unknown id', async () => {
    const report = await createReport(w.as.communeSubmitter, '2026-Q2');
    const existing = await w.as.councilMember.get(`/commendations/nominations/${report.id}/check`);
    const unknown = await w.as.councilMember.get(
      '/commendations/nominations/01J0000000000000000000000X/check',
    );
    expect(unknown.status).toBe(404);
    expect(existing.status, existing.text).toBe(404);
    expect(existing.body).toEqual(unknown.body);
    // A reader of the report learns it is no nomination: the id route of nominations does not know it.
    expect((await w.as.communeSubmitter.get(`/commendations/nominations/${report.id}/check`)).status).toBe(
      404,
    );
  });

  it('id routes answer an outsider 404 for an existing tờ trình, as for an unknown one', async () => {
    const draft = await draftNomination(w.as.communeSubmitter, nominee('Hồ Văn Ẩn'));
    const id = await fileNomination(w.as.communeSubmitter, nominee('Hồ Văn Ẩn Danh'));
    const b = await newBatch([id]);
    const unknownId = '01J0000000000000000000000Y';
    // Read by an outsider, an existing tờ trình and an unknown id give the very same answer.
    const seen = await w.as.otherDistrictReviewer.get(`/commendations/batches/${b.id}`);
    const unseen = await w.as.otherDistrictReviewer.get(`/commendations/batches/${unknownId}`);
    expect(seen.body).toEqual(unseen.body);
    for (const batchId of [b.id, unknownId]) {
      expect((await w.as.otherDistrictReviewer.get(`/commendations/batches/${batchId}`)).status).toBe(404);
      expect((await w.as.councilMember.get(`/commendations/batches/${batchId}/document`)).status).toBe(404);
      expect(
        (
          await w.as.otherDistrictReviewer.post(`/commendations/batches/${batchId}/submit`, {
            expectedVersion: 1,
          })
        ).status,
      ).toBe(404);
      expect(
        (
          await w.as.otherDistrictReviewer.post(`/commendations/batches/${batchId}/decision`, {
            type: 'approve',
            expectedVersion: 1,
          })
        ).status,
      ).toBe(404);
    }
    // The district's own commune submitter may read its unit's nominations, not another unit's batch.
    expect((await w.as.otherDistrictReviewer.get(`/commendations/nominations/${id}/check`)).status).toBe(404);
    expect(
      (await w.as.otherDistrictReviewer.get(`/commendations/nominations/${String(draft.id)}/check`)).status,
    ).toBe(404);
    // A nomination id in a body is refused to an outsider exactly as an unknown id.
    const body = (ids: string[]) => ({ campaignId: COMMEND_CAMPAIGN, nominationIds: ids });
    const foreign = await w.as.otherDistrictReviewer.post('/commendations/batches', body([id]));
    const missing = await w.as.otherDistrictReviewer.post('/commendations/batches', body([unknownId]));
    expect(foreign.status).toBe(422);
    expect(foreign.body).toEqual(missing.body);
    // Who may read but not act gets 403.
    expect(
      (
        await w.as.provinceReviewer.post(`/commendations/batches/${b.id}/submit`, {
          expectedVersion: b.version,
        })
      ).status,
    ).toBe(403);
  });
});
