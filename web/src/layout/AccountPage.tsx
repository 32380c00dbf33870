import { useSession } from '../app/services';
import { useT } from '../i18n';

/** For users whose roles have no page of this app yet (e.g. admin): who they are, signed in as what. */
export function AccountPage() {
  const t = useT();
  const session = useSession();
  if (!session) return null;
  const c = session.claims;
  return (
    <section className="card">
      <h1>{t('account.title')}</h1>
      <dl className="facts">
        <dt>{t('account.name')}</dt>
        <dd>{c.name}</dd>
        <dt>{t('account.email')}</dt>
        <dd>{c.email}</dd>
        <dt>{t('account.unit')}</dt>
        <dd>{c.unitId}</dd>
        <dt>{t('account.roles')}</dt>
        <dd>{c.roles.map((r) => t(`role.${r}`)).join(', ')}</dd>
      </dl>
    </section>
  );
}
