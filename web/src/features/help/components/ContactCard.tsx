import type { TenantContact } from '@thidua/shared/tenancy';

/**
 * Whom to ask: the province secretariat's contact as its administrator set it (`/admin/contact`), with
 * the telephone and e-mail as links a phone can call or write to. Pure, so a unit test renders it.
 */
export function ContactCard({ contact, lang }: { contact: TenantContact | null | undefined; lang: string }) {
  const en = lang === 'en';
  const title = en ? "The secretariat's contact" : 'Liên hệ cơ quan thường trực';
  return (
    <section id="contact" aria-labelledby="contact-title" className="card help-contact">
      <h2 id="contact-title">{title}</h2>
      {contact ? (
        <dl>
          <div>
            <dt>{en ? 'Office' : 'Cơ quan, bộ phận'}</dt>
            <dd lang="vi">{contact.name}</dd>
          </div>
          <div>
            <dt>{en ? 'Telephone' : 'Điện thoại'}</dt>
            <dd>
              <a href={`tel:${contact.phone.replace(/[^+0-9]/g, '')}`}>{contact.phone}</a>
            </dd>
          </div>
          <div>
            <dt>{en ? 'E-mail' : 'Thư điện tử'}</dt>
            <dd>
              <a href={`mailto:${contact.email}`}>{contact.email}</a>
            </dd>
          </div>
          <div>
            <dt>{en ? 'Address' : 'Địa chỉ'}</dt>
            <dd lang="vi">{contact.address}</dd>
          </div>
        </dl>
      ) : (
        <p className="muted">
          {en
            ? 'The province has not set its contact yet: ask your unit head or the provincial administrator.'
            : 'Tỉnh chưa cập nhật thông tin liên hệ: hãy hỏi lãnh đạo đơn vị hoặc quản trị viên của tỉnh.'}
        </p>
      )}
    </section>
  );
}
