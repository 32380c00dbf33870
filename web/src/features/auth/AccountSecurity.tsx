import { useQuery, useQueryClient } from '@tanstack/react-query';
import { lazy, Suspense, useState } from 'react';
import { useNavigate } from 'react-router';
import { useServices, useSession } from '../../app/services';
import { useT } from '../../i18n';
import { Alert, Button, Dialog } from '../../ui';
import { securityService } from './security';

/** Enrolment (and its QR encoder) loads only when asked for. */
const TotpEnrolment = lazy(() => import('./TotpEnrolment').then((m) => ({ default: m.TotpEnrolment })));

const mySecurityKey = ['my-security'] as const;

/** The account page's second factor: whether it is on or required, and enrolment on request. */
export function MfaSection() {
  const t = useT();
  const { api } = useServices();
  const session = useSession();
  const queryClient = useQueryClient();
  const mine = useQuery({ queryKey: mySecurityKey, queryFn: () => securityService(api).mine() });
  const [enrolling, setEnrolling] = useState(false);
  const [done, setDone] = useState(false);
  if (!session || mine.isPending) return null;
  return (
    <section className="card">
      <h2>{t('account.mfa.title')}</h2>
      {mine.isError ? <Alert tone="danger">{mine.error.message}</Alert> : null}
      <p>{mine.data?.mfaEnrolled ? t('account.mfa.on') : t('account.mfa.off')}</p>
      {mine.data?.mfaRequired ? <p>{t('account.mfa.required')}</p> : null}
      {done ? <Alert tone="success">{t('account.mfa.done')}</Alert> : null}
      {enrolling ? (
        <Suspense fallback={<p className="muted">{t('auth.mfa.loading')}</p>}>
          <TotpEnrolment
            account={session.claims.email}
            onEnrolled={async () => {
              setEnrolling(false);
              setDone(true);
              await queryClient.invalidateQueries({ queryKey: mySecurityKey });
            }}
          />
        </Suspense>
      ) : (
        <Button onClick={() => setEnrolling(true)}>{t('account.mfa.enrol')}</Button>
      )}
    </section>
  );
}

/**
 * "Sign out everywhere", confirmed first: the API revokes every refresh token (AdminUserGlobalSignOut) and
 * dates the sign-out so older ID tokens are refused too; then this browser forgets its session.
 */
export function SignOutEverywhere() {
  const t = useT();
  const { api, session: store } = useServices();
  const navigate = useNavigate();
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [failure, setFailure] = useState<string | null>(null);

  const onConfirm = async () => {
    setBusy(true);
    setFailure(null);
    try {
      await securityService(api).signOutEverywhere();
      store.signOut();
      navigate('/sign-in', { replace: true });
    } catch (err) {
      setFailure(err instanceof Error ? err.message : String(err));
    } finally {
      setBusy(false);
    }
  };

  return (
    <section className="card">
      <h2>{t('account.signOutAll.title')}</h2>
      <p>{t('account.signOutAll.intro')}</p>
      {failure ? <Alert tone="danger">{failure}</Alert> : null}
      <Button variant="danger" onClick={() => setConfirming(true)}>
        {t('account.signOutAll.button')}
      </Button>
      <Dialog
        open={confirming}
        title={t('account.signOutAll.title')}
        onClose={() => setConfirming(false)}
        footer={
          <>
            <Button onClick={() => setConfirming(false)}>{t('common.cancel')}</Button>
            <Button variant="danger" loading={busy} onClick={onConfirm}>
              {t('account.signOutAll.button')}
            </Button>
          </>
        }
      >
        <p>{t('account.signOutAll.confirm')}</p>
      </Dialog>
    </section>
  );
}
