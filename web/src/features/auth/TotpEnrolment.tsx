import { type FormEvent, useEffect, useState } from 'react';
import { useServices } from '../../app/services';
import { AuthError, type AuthFailure, otpauthUri } from '../../auth/cognito';
import { useT } from '../../i18n';
import { Alert, Button } from '../../ui';
import { signInFailureMessage } from './failures';
import { QrCode } from './QrCode';
import { securityService } from './security';
import { isTotpCode, TotpCodeField } from './TotpCodeField';

/** The secret in groups of four, as people type it into an authenticator app. */
const grouped = (secret: string) => secret.replace(/(.{4})(?=.)/g, '$1 ');

/**
 * TOTP enrolment for the signed-in user, on the sign-in page (a role that requires it) and on the account
 * page: Cognito makes a secret (AssociateSoftwareToken), shown as an otpauth:// QR code and as text; the
 * first code turns TOTP on (VerifySoftwareToken, SetUserMFAPreference); the API then checks it with
 * Cognito and dates the enrolment. `onEnrolled` runs after all three.
 */
export function TotpEnrolment({ account, onEnrolled }: { account: string; onEnrolled: () => Promise<void> }) {
  const t = useT();
  const { session: store, api } = useServices();
  const [secret, setSecret] = useState<string | null>(null);
  const [code, setCode] = useState('');
  const [codeError, setCodeError] = useState<string | undefined>();
  const [failure, setFailure] = useState<AuthFailure | null>(null);
  const [busy, setBusy] = useState(false);

  useEffect(() => {
    let live = true;
    store.beginTotpEnrolment().then(
      (s) => live && setSecret(s),
      (err: unknown) => live && setFailure(err instanceof AuthError ? err.reason : 'unknown'),
    );
    return () => {
      live = false;
    };
  }, [store]);

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    if (!isTotpCode(code)) {
      setCodeError(t('auth.mfa.codeRequired'));
      return;
    }
    setCodeError(undefined);
    setFailure(null);
    setBusy(true);
    try {
      const accessToken = await store.finishTotpEnrolment(code);
      await securityService(api).recordEnrolment(accessToken);
      await onEnrolled();
    } catch (err) {
      setFailure(err instanceof AuthError ? err.reason : 'unknown');
    } finally {
      setBusy(false);
    }
  };

  return (
    <form onSubmit={onSubmit} noValidate className="totp-enrolment">
      <p>{t('auth.mfa.enrolIntro')}</p>
      {failure ? <Alert tone="danger">{t(signInFailureMessage[failure])}</Alert> : null}
      {secret ? (
        <>
          <div className="totp-qr">
            <QrCode value={otpauthUri(secret, account)} label={t('auth.mfa.qr')} />
          </div>
          <p className="field-label">{t('auth.mfa.secret')}</p>
          <p>
            <code className="totp-secret" data-testid="totp-secret">
              {grouped(secret)}
            </code>
          </p>
        </>
      ) : (
        <p className="muted">{t('auth.mfa.loading')}</p>
      )}
      <TotpCodeField value={code} onChange={setCode} error={codeError} />
      <Button type="submit" variant="primary" loading={busy} disabled={!secret} className="sign-in-submit">
        {t('auth.mfa.enrolSubmit')}
      </Button>
    </form>
  );
}
