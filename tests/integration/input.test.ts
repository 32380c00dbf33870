import { describe, expect, it } from 'vitest';
import { createReport, expectStatus, REPORT_TEMPLATE, testTemplateBody, useApiWorld } from './api-world';

/**
 * Issue 12, finding 5, through the local gateway: invalid UTF-8 was stored as U+FFFD, `text/html; x=json`
 * was read as JSON, NFD text was stored as sent, and a template could use `constructor` as a field key.
 */
const world = useApiWorld();

const errorOf = (b: Record<string, unknown>) =>
  b.error as { code: string; details: { path: string; message: string }[] };

const withBytes = (json: string, bad: number[]): Uint8Array => {
  const at = json.indexOf('@');
  return new Uint8Array(
    Buffer.concat([Buffer.from(json.slice(0, at)), Buffer.from(bad), Buffer.from(json.slice(at + 1))]),
  );
};

describe('request bodies', () => {
  it('invalid UTF-8 in a JSON body is a 400, and nothing is stored', async () => {
    const s = await createReport(world().as.communeSubmitter, '2026-Q1');
    const body = withBytes(
      JSON.stringify({
        data: { figures: { crimesDetected: 1, selfScore: { selfScore: 5, note: 'Ghi ch@' } } },
        expectedVersion: 1,
      }),
      [0xe2, 0x28, 0xa1],
    );
    const r = await world().as.communeSubmitter.request('PUT', `/submissions/${s.id}`, {
      body,
      headers: { 'content-type': 'application/json' },
    });
    expect(errorOf(expectStatus(r, 400)).code).toBe('invalid_utf8');
    const after = expectStatus(await world().as.communeSubmitter.get(`/submissions/${s.id}`), 200);
    expect(after.version).toBe(1);
  });

  it('JSON sent as text/html; x=json is a 415', async () => {
    const r = await world().as.communeSubmitter.request('POST', '/submissions', {
      body: JSON.stringify({ campaignId: 'x', formKey: 'y', period: '2026-Q1' }),
      headers: { 'content-type': 'text/html; x=json' },
    });
    expect(errorOf(expectStatus(r, 415)).code).toBe('unsupported_media_type');
  });

  it('a template with a field key such as constructor is refused at publish, naming the field', async () => {
    const body = structuredClone(testTemplateBody) as { sections: { fields: { key: string }[] }[] };
    const field = body.sections[0]?.fields[0];
    if (!field) throw new Error('the test template has a field');
    field.key = 'constructor';
    const r = expectStatus(
      await world().as.admin.post(`/admin/templates/${REPORT_TEMPLATE}/versions`, body),
      422,
    );
    expect(errorOf(r).details).toEqual([
      { path: 'body.sections.0.fields.0.key', message: expect.stringContaining('"constructor"') },
    ]);
  });
});
