import { type FormEvent, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { homePathFor } from '../../app/extensions';
import { useServices, useSession } from '../../app/services';
import { AuthError, type AuthFailure } from '../../auth/cognito';
import { workspaceContextOf } from '../../auth/workspace';
import { useT } from '../../i18n';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { Alert, Button, Field } from '../../ui';
import { signInFailureMessage } from './failures';
import './sign-in.css';

/** Only same-site paths are followed after sign-in (no open redirect through `?next=`). */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function SignInPage() {
  const t = useT();
  const { session: store } = useServices();
  const session = useSession();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  const [email, setEmail] = useState('');
  const [password, setPassword] = useState('');
  const [errors, setErrors] = useState<{ email?: string; password?: string }>({});
  const [failure, setFailure] = useState<AuthFailure | null>(null);
  const [busy, setBusy] = useState(false);

  if (session && !busy) {
    return (
      <Navigate
        to={safeNext(params.get('next')) ?? homePathFor(workspaceContextOf(session.claims))}
        replace
      />
    );
  }

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!email.trim()) next.email = t('auth.error.emailRequired');
    if (!password) next.password = t('auth.error.passwordRequired');
    setErrors(next);
    setFailure(null);
    if (next.email || next.password) return;
    setBusy(true);
    try {
      const s = await store.signIn(email, password);
      navigate(safeNext(params.get('next')) ?? homePathFor(workspaceContextOf(s.claims)), { replace: true });
    } catch (err) {
      setFailure(err instanceof AuthError ? err.reason : 'unknown');
    } finally {
      setBusy(false);
    }
  };

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-lang">
        <LanguageSwitch />
      </div>
      <section className="card sign-in-card">
        <p className="sign-in-brand" aria-hidden="true">
          ★
        </p>
        <h1>{t('auth.title')}</h1>
        <p className="muted">{t('auth.subtitle')}</p>
        {failure ? <Alert tone="danger">{t(signInFailureMessage[failure])}</Alert> : null}
        <form onSubmit={onSubmit} noValidate>
          <Field label={t('auth.email')} error={errors.email} required>
            {(p) => (
              <input
                {...p}
                className="input"
                type="email"
                name="email"
                autoComplete="username"
                inputMode="email"
                value={email}
                onChange={(e) => setEmail(e.target.value)}
              />
            )}
          </Field>
          <Field label={t('auth.password')} error={errors.password} required>
            {(p) => (
              <input
                {...p}
                className="input"
                type="password"
                name="password"
                autoComplete="current-password"
                value={password}
                onChange={(e) => setPassword(e.target.value)}
              />
            )}
          </Field>
          <Button type="submit" variant="primary" loading={busy} className="sign-in-submit">
            {t('auth.signIn')}
          </Button>
        </form>
      </section>
    </main>
  );
}
