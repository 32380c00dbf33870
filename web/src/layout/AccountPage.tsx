import { useSession } from '../app/services';
import { MfaSection, SignOutEverywhere } from '../features/auth/AccountSecurity';
import { MfaPolicySettings } from '../features/auth/MfaPolicySettings';
import { useT } from '../i18n';

/**
 * Who the user is, signed in as what; their second factor and sessions; for an administrator, which roles
 * of the province must use TOTP.
 */
export function AccountPage() {
  const t = useT();
  const session = useSession();
  if (!session) return null;
  const c = session.claims;
  return (
    <>
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
      <MfaSection />
      <SignOutEverywhere />
      {c.roles.includes('admin') ? <MfaPolicySettings /> : null}
    </>
  );
}
