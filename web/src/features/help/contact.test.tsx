import { renderToStaticMarkup } from 'react-dom/server';
import { describe, expect, it } from 'vitest';
import { ContactCard } from './components/ContactCard';

const contact = {
  name: 'Phòng Tham mưu, Công an tỉnh Đồng Nai (Cơ quan thường trực Ban Chỉ đạo 138 tỉnh)',
  phone: '0251 3822 138',
  email: 'thuongtruc.bcd138.dongnai@demo.thidua.vn',
  address: 'Đường Phạm Văn Thuận, phường Trấn Biên, tỉnh Đồng Nai',
  updatedAt: '2026-12-06T02:00:00.000Z',
  updatedByName: 'Phan Thị Ngọc Hân',
};

describe("the help page's secretariat contact", () => {
  it("shows the province's contact with a number to call and an address to write to", () => {
    const html = renderToStaticMarkup(<ContactCard contact={contact} lang="vi" />);
    expect(html).toContain('Liên hệ cơ quan thường trực');
    expect(html).toContain(contact.name);
    expect(html).toContain(contact.address);
    expect(html).toContain('href="tel:02513822138"');
    expect(html).toContain(`href="mailto:${contact.email}"`);
  });

  it('says whom to ask when the province has not set it', () => {
    const html = renderToStaticMarkup(<ContactCard contact={null} lang="vi" />);
    expect(html).toContain('Tỉnh chưa cập nhật thông tin liên hệ');
    expect(html).not.toContain('tel:');
  });
});
