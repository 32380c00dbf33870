import { type FormDefinition, Section } from '@thidua/shared/forms';
import { describe, expect, it } from 'vitest';
import { hasFileFields, resolveAttachmentRefs } from './refs';
import type { Attachment } from './repository';

const definition: FormDefinition = {
  sections: [
    Section.parse({
      key: 'evidence',
      title: 'Minh chứng',
      fields: [
        { key: 'a', label: 'A', type: 'file', required: false, maxFiles: 5 },
        { key: 'b', label: 'B', type: 'file', required: false, maxFiles: 5 },
        { key: 'note', label: 'Ghi chú', type: 'text', required: false },
      ],
    }),
  ],
};

const attachment = (id: string, status: Attachment['status']): Attachment => ({
  tenantId: 't',
  id,
  submissionId: 's',
  name: `${id}.pdf`,
  contentType: 'application/pdf',
  declaredSize: 10,
  size: status === 'ready' ? 10 : null,
  status,
  objectKey: `upload/t/submissions/s/${id}`,
  storedKey: status === 'ready' ? `evidence/t/submissions/s/${id}` : null,
  sha256: status === 'ready' ? 'a'.repeat(64) : null,
  scanState: 'not_scanned',
  uploadedBy: 'u',
  createdAt: '2026-01-01T00:00:00.000Z',
  confirmedAt: null,
});

describe('evidence references', () => {
  it('takes name, size and type from checked attachments, in every file field of a section', () => {
    expect(hasFileFields(definition)).toBe(true);
    const out = resolveAttachmentRefs(
      definition,
      {
        evidence: {
          a: [{ attachmentId: 'x', name: 'fake.exe', size: 1 }],
          b: [{ attachmentId: 'y' }],
          note: 'n',
        },
      },
      [attachment('x', 'ready'), attachment('y', 'ready')],
    );
    expect(out).toEqual({
      evidence: {
        a: [{ attachmentId: 'x', name: 'x.pdf', size: 10, contentType: 'application/pdf' }],
        b: [{ attachmentId: 'y', name: 'y.pdf', size: 10, contentType: 'application/pdf' }],
        note: 'n',
      },
    });
  });

  it('refuses unchecked or unknown files with their field paths (422)', () => {
    try {
      resolveAttachmentRefs(
        definition,
        { evidence: { a: [{ attachmentId: 'p' }, { attachmentId: 'zz' }] } },
        [attachment('p', 'pending')],
      );
      expect.unreachable();
    } catch (err) {
      expect(err).toMatchObject({
        status: 422,
        details: [{ path: 'body.data.evidence.a.0' }, { path: 'body.data.evidence.a.1' }],
      });
    }
  });
});

describe('evidence that does not count (malware scanning)', () => {
  const refs = { evidence: { a: [{ attachmentId: 'x' }] } };
  const withScan = (scanState: Attachment['scanState']) => ({ ...attachment('x', 'ready'), scanState });

  it('an infected file never counts; without a scanner a not-scanned file counts', () => {
    expect(() => resolveAttachmentRefs(definition, refs, [withScan('infected')])).toThrowError(
      expect.objectContaining({
        details: [
          { path: 'body.data.evidence.a.0', message: 'Tệp nhiễm mã độc, không được dùng làm minh chứng' },
        ],
      }),
    );
    expect(resolveAttachmentRefs(definition, refs, [withScan('not_scanned')])).toMatchObject(refs);
  });

  it('with a scanner, only a clean file counts (pending and unscanned do not)', () => {
    for (const state of ['pending', 'not_scanned'] as const) {
      expect(() => resolveAttachmentRefs(definition, refs, [withScan(state)], true)).toThrowError(
        expect.objectContaining({ code: 'invalid_attachment' }),
      );
    }
    expect(resolveAttachmentRefs(definition, refs, [withScan('clean')], true)).toMatchObject(refs);
  });
});
