import { type FormEvent, type JSX, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { homePathFor } from '../../app/extensions';
import { useServices, useSession } from '../../app/services';
import { AuthError, type AuthFailure, type NewPasswordChallenge } from '../../auth/cognito';
import { workspaceContextOf } from '../../auth/workspace';
import { useT } from '../../i18n';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { Alert, Button, Field } from '../../ui';
import { meetsPasswordPolicy, signInFailureMessage } from './failures';
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
  // The steps: sign in → (first login) set a new password; or forgot → code sent → reset.
  const [challenge, setChallenge] = useState<NewPasswordChallenge | null>(null);
  const [step, setStep] = useState<'sign_in' | 'forgot' | 'reset'>('sign_in');
  const [newPassword, setNewPassword] = useState('');
  const [repeat, setRepeat] = useState('');
  const [code, setCode] = useState('');
  const [notice, setNotice] = useState<string | null>(null);
  const [pwErrors, setPwErrors] = useState<{ password?: string; repeat?: string; code?: string }>({});

  if (session && !busy) {
    return (
      <Navigate
        to={safeNext(params.get('next')) ?? homePathFor(workspaceContextOf(session.claims))}
        replace
      />
    );
  }

  /** Runs one call with the busy flag; a failure is shown mapped, never thrown. */
  const attempt = async (work: () => Promise<void>): Promise<void> => {
    setFailure(null);
    setNotice(null);
    setBusy(true);
    try {
      await work();
    } catch (err) {
      setFailure(err instanceof AuthError ? err.reason : 'unknown');
    } finally {
      setBusy(false);
    }
  };

  const land = (claims: Parameters<typeof workspaceContextOf>[0]) =>
    navigate(safeNext(params.get('next')) ?? homePathFor(workspaceContextOf(claims)), { replace: true });

  /** The new password twice, checked against the policy; undefined when it cannot be sent yet. */
  const checkedNewPassword = (withCode: boolean): string | undefined => {
    const next: typeof pwErrors = {};
    if (withCode && !code.trim()) next.code = t('auth.forgot.codeRequired');
    if (!meetsPasswordPolicy(newPassword)) next.password = t('auth.newPassword.tooWeak');
    else if (repeat !== newPassword) next.repeat = t('auth.newPassword.mismatch');
    setPwErrors(next);
    return next.code || next.password || next.repeat ? undefined : newPassword;
  };

  const onSubmit = async (e: FormEvent) => {
    e.preventDefault();
    const next: typeof errors = {};
    if (!email.trim()) next.email = t('auth.error.emailRequired');
    if (!password) next.password = t('auth.error.passwordRequired');
    setErrors(next);
    setFailure(null);
    if (next.email || next.password) return;
    await attempt(async () => {
      const outcome = await store.beginSignIn(email, password);
      if ('kind' in outcome) {
        setPassword('');
        setChallenge(outcome);
      } else {
        land(outcome.claims);
      }
    });
  };

  const onNewPassword = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = checkedNewPassword(false);
    if (!challenge || chosen === undefined) return;
    await attempt(async () => {
      try {
        land((await store.completeNewPassword(challenge, chosen)).claims);
      } catch (err) {
        // An expired challenge cannot be answered again: back to the temporary password.
        if (err instanceof AuthError && err.reason === 'challenge_expired') setChallenge(null);
        throw err;
      }
    });
  };

  const onForgot = async (e: FormEvent) => {
    e.preventDefault();
    if (!email.trim()) {
      setErrors({ email: t('auth.error.emailRequired') });
      return;
    }
    setErrors({});
    await attempt(async () => {
      await store.requestPasswordReset(email);
      setStep('reset');
      setNotice(t('auth.forgot.sent', { email: email.trim() }));
    });
  };

  const onReset = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = checkedNewPassword(true);
    if (chosen === undefined) return;
    await attempt(async () => {
      await store.confirmPasswordReset(email, code, chosen);
      setStep('sign_in');
      setCode('');
      setNewPassword('');
      setRepeat('');
      setNotice(t('auth.forgot.done'));
    });
  };

  const backToSignIn = () => {
    setStep('sign_in');
    setChallenge(null);
    setFailure(null);
    setNotice(null);
    setPwErrors({});
  };

  const newPasswordFields = (
    <>
      <Field
        label={t('auth.newPassword.password')}
        help={t('auth.newPassword.policy')}
        error={pwErrors.password}
        required
      >
        {(p) => (
          <input
            {...p}
            className="input"
            type="password"
            name="new-password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
          />
        )}
      </Field>
      <Field label={t('auth.newPassword.confirm')} error={pwErrors.repeat} required>
        {(p) => (
          <input
            {...p}
            className="input"
            type="password"
            name="repeat-password"
            autoComplete="new-password"
            value={repeat}
            onChange={(e) => setRepeat(e.target.value)}
          />
        )}
      </Field>
    </>
  );

  const emailField = (
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
  );

  /** The step's own action, then the way back to the sign-in form. */
  const actions = (label: string) => (
    <>
      <Button type="submit" variant="primary" loading={busy} className="sign-in-submit">
        {label}
      </Button>
      <Button type="button" variant="ghost" onClick={backToSignIn} className="sign-in-submit">
        {t('auth.forgot.back')}
      </Button>
    </>
  );

  let title = t('auth.title');
  let body: JSX.Element;
  if (challenge) {
    title = t('auth.newPassword.title');
    body = (
      <form onSubmit={onNewPassword} noValidate>
        <p>{t('auth.newPassword.intro')}</p>
        {newPasswordFields}
        {actions(t('auth.newPassword.submit'))}
      </form>
    );
  } else if (step === 'forgot') {
    title = t('auth.forgot.title');
    body = (
      <form onSubmit={onForgot} noValidate>
        <p>{t('auth.forgot.intro')}</p>
        {emailField}
        {actions(t('auth.forgot.send'))}
      </form>
    );
  } else if (step === 'reset') {
    title = t('auth.forgot.title');
    body = (
      <form onSubmit={onReset} noValidate>
        <Field label={t('auth.forgot.code')} error={pwErrors.code} required>
          {(p) => (
            <input
              {...p}
              className="input"
              name="code"
              autoComplete="one-time-code"
              inputMode="numeric"
              value={code}
              onChange={(e) => setCode(e.target.value)}
            />
          )}
        </Field>
        {newPasswordFields}
        {actions(t('auth.forgot.confirm'))}
      </form>
    );
  } else {
    body = (
      <form onSubmit={onSubmit} noValidate>
        {emailField}
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
        <Button
          type="button"
          variant="ghost"
          className="sign-in-submit"
          onClick={() => {
            backToSignIn();
            setStep('forgot');
          }}
        >
          {t('auth.forgot.link')}
        </Button>
      </form>
    );
  }

  return (
    <main id="main" className="sign-in">
      <div className="sign-in-lang">
        <LanguageSwitch />
      </div>
      <section className="card sign-in-card">
        <p className="sign-in-brand" aria-hidden="true">
          ★
        </p>
        <h1>{title}</h1>
        <p className="muted">{t('auth.subtitle')}</p>
        {notice ? <Alert tone="info">{notice}</Alert> : null}
        {failure ? <Alert tone="danger">{t(signInFailureMessage[failure])}</Alert> : null}
        {body}
      </section>
    </main>
  );
}
