import { describe, expect, it } from 'vitest';
import { contentDisposition, detectContentType, sanitizeFileName } from './magic';

const bytes = (...b: number[]) => new Uint8Array(b);
const text = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));

describe('content detection by magic bytes', () => {
  it('recognizes PDF, PNG, JPEG, DOCX and XLSX', () => {
    expect(detectContentType(text('%PDF-1.7\n'), new Uint8Array())).toBe('application/pdf');
    expect(detectContentType(bytes(0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a), new Uint8Array())).toBe(
      'image/png',
    );
    expect(detectContentType(bytes(0xff, 0xd8, 0xff, 0xe0), new Uint8Array())).toBe('image/jpeg');
    const zip = bytes(0x50, 0x4b, 0x03, 0x04);
    expect(detectContentType(zip, text('PK..word/document.xml..'))).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect(detectContentType(zip, text('PK..xl/workbook.xml..'))).toBe(
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
  });

  it('refuses anything else, including a ZIP that is not an Office file and a renamed executable', () => {
    expect(detectContentType(bytes(0x50, 0x4b, 0x03, 0x04), text('PK..evil.exe'))).toBeNull();
    expect(detectContentType(text('MZ\x90\x00'), new Uint8Array())).toBeNull();
    expect(detectContentType(text('<html>'), new Uint8Array())).toBeNull();
  });
});

describe('file names', () => {
  it('keeps Vietnamese, drops paths and control characters, forces the real extension', () => {
    expect(sanitizeFileName('Báo cáo quý 1.pdf', 'application/pdf')).toBe('Báo cáo quý 1.pdf');
    expect(sanitizeFileName('../../etc/passwd', 'application/pdf')).toBe('passwd.pdf');
    expect(sanitizeFileName('C:\\x\\ảnh<1>.exe', 'image/png')).toBe('ảnh1.png');
    expect(sanitizeFileName('...', 'image/jpeg')).toBe('tep-dinh-kem.jpg');
    expect(sanitizeFileName('photo.JPEG', 'image/jpeg')).toBe('photo.jpeg');
    expect(sanitizeFileName(`${'a'.repeat(400)}.pdf`, 'application/pdf').length).toBeLessThanOrEqual(200);
  });

  it('Content-Disposition carries an ASCII fallback and the UTF-8 name', () => {
    expect(contentDisposition('Đồng Xoài "1".pdf')).toBe(
      `attachment; filename="Dong Xoai _1_.pdf"; filename*=UTF-8''${encodeURIComponent('Đồng Xoài "1".pdf')}`,
    );
  });
});
