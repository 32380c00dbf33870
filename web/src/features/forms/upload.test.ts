import { FORM_LIMITS } from '@thidua/shared/forms';
import { describe, expect, it } from 'vitest';
import { acceptAttribute, checkFile, contentTypeOf } from './upload';

describe('files are checked before the upload starts', () => {
  it('accepts an allowed type within the limit', () => {
    const r = checkFile({ name: 'bao-cao.pdf', type: 'application/pdf', size: 1000 });
    expect(r).toEqual({
      ok: true,
      facts: { name: 'bao-cao.pdf', size: 1000, contentType: 'application/pdf' },
    });
  });
  it('refuses a type outside the allow-list', () => {
    expect(checkFile({ name: 'virus.exe', type: 'application/x-msdownload', size: 10 })).toMatchObject({
      ok: false,
      reason: 'type',
    });
  });
  it('refuses a type the field does not take', () => {
    expect(checkFile({ name: 'a.png', type: 'image/png', size: 10 }, ['application/pdf'])).toMatchObject({
      reason: 'type',
    });
  });
  it('refuses a file over the limit, and an empty one', () => {
    const big = FORM_LIMITS.attachmentMaxBytes + 1;
    expect(checkFile({ name: 'a.pdf', type: 'application/pdf', size: big })).toMatchObject({
      ok: false,
      reason: 'size',
    });
    expect(checkFile({ name: 'a.pdf', type: 'application/pdf', size: 0 })).toMatchObject({
      ok: false,
      reason: 'empty',
    });
  });
  it('falls back to the extension when the phone sends no type', () => {
    expect(contentTypeOf({ name: 'BienBan.DOCX', type: '' })).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(checkFile({ name: 'anh.JPG', type: '', size: 5 })).toMatchObject({ ok: true });
  });
  it('builds the accept attribute from the shared allow-list', () => {
    expect(acceptAttribute(['application/pdf', 'image/jpeg'])).toBe(
      '.pdf,.jpg,.jpeg,application/pdf,image/jpeg',
    );
  });
});
