import { Link } from 'react-router';
import { useA } from '../common';

const sections = [
  { to: '/admin/users', title: 'home.users', text: 'home.users.text' },
  { to: '/admin/units', title: 'home.units', text: 'home.units.text' },
  { to: '/admin/import', title: 'home.import', text: 'home.import.text' },
  { to: '/admin/office-holders', title: 'home.officeHolders', text: 'home.officeHolders.text' },
  { to: '/admin/notifications', title: 'home.deadLetters', text: 'home.deadLetters.text' },
  { to: '/admin/contact', title: 'home.contact', text: 'home.contact.text' },
] as const;

/** Where the administrator lands: the parts of the administration, each a link with what it does. */
export function AdminHome() {
  const a = useA();
  return (
    <div className="stack">
      <h1>{a('home.title')}</h1>
      <p className="muted">{a('home.intro')}</p>
      <ul className="admin-sections">
        {sections.map((s) => (
          <li key={s.to} className="card">
            <h2>
              <Link to={s.to}>{a(s.title)}</Link>
            </h2>
            <p>{a(s.text)}</p>
          </li>
        ))}
      </ul>
    </div>
  );
}
