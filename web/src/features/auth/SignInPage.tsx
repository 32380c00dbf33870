import { type FormEvent, type JSX, lazy, Suspense, useState } from 'react';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { homePathFor } from '../../app/extensions';
import { useServices, useSession } from '../../app/services';
import {
  AuthError,
  type AuthFailure,
  type NewPasswordChallenge,
  type SignInChallenge,
  type SoftwareTokenChallenge,
} from '../../auth/cognito';
import type { Session } from '../../auth/session';
import { workspaceContextOf } from '../../auth/workspace';
import { useT } from '../../i18n';
import { LanguageSwitch } from '../../layout/LanguageSwitch';
import { Alert, Button, Field } from '../../ui';
import { meetsPasswordPolicy, signInFailureMessage } from './failures';
import { securityService } from './security';
import { isTotpCode, TotpCodeField } from './TotpCodeField';

/** Enrolment (and its QR encoder) loads only when a user is led through it. */
const TotpEnrolment = lazy(() => import('./TotpEnrolment').then((m) => ({ default: m.TotpEnrolment })));

import './sign-in.css';

/** Only same-site paths are followed after sign-in (no open redirect through `?next=`). */
function safeNext(next: string | null): string | null {
  return next?.startsWith('/') && !next.startsWith('//') ? next : null;
}

export function SignInPage() {
  const t = useT();
  const { session: store, api } = useServices();
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
  // Second factor: the TOTP challenge of an enrolled user, or enrolment when the tenant requires it.
  const [totpChallenge, setTotpChallenge] = useState<SoftwareTokenChallenge | null>(null);
  const [enrolling, setEnrolling] = useState(false);
  /** The password that signed in, kept only to sign in again with a code right after enrolment. */
  const [signedInWith, setSignedInWith] = useState('');
  const [totpCode, setTotpCode] = useState('');
  const [totpError, setTotpError] = useState<string | undefined>();

  if (session && !busy && !enrolling && !totpChallenge) {
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

  /** A challenge to answer next, or a session: lands, unless the tenant requires TOTP not yet enrolled. */
  const proceed = async (outcome: Session | SignInChallenge, passwordUsed: string): Promise<void> => {
    if ('kind' in outcome) {
      if (outcome.kind === 'new_password_required') setChallenge(outcome);
      else setTotpChallenge(outcome);
      setSignedInWith(passwordUsed);
      return;
    }
    let mine: Awaited<ReturnType<ReturnType<typeof securityService>['mine']>> | undefined;
    try {
      mine = await securityService(api).mine();
    } catch {
      // The API decides again on every request; a failed look here must not stop the sign-in.
      mine = undefined;
    }
    if (mine?.session === 'mfa_enrolment_required') {
      setSignedInWith(passwordUsed);
      setEnrolling(true);
      return;
    }
    land(outcome.claims);
  };

  /** After enrolment the session began without a code: sign in again, now answering the TOTP challenge. */
  const onEnrolled = async () => {
    store.signOut();
    const outcome = await store.beginSignIn(email, signedInWith);
    setEnrolling(false);
    setPassword('');
    setNotice(t('auth.mfa.afterEnrol'));
    await proceed(outcome, signedInWith);
  };

  const onTotp = async (e: FormEvent) => {
    e.preventDefault();
    if (!isTotpCode(totpCode)) {
      setTotpError(t('auth.mfa.codeRequired'));
      return;
    }
    setTotpError(undefined);
    const answering = totpChallenge;
    if (!answering) return;
    await attempt(async () => {
      try {
        const signedIn = await store.completeSoftwareToken(answering, totpCode);
        setTotpChallenge(null);
        land(signedIn.claims);
      } catch (err) {
        // The challenge lives 3 minutes: past that, back to the password.
        if (err instanceof AuthError && err.reason === 'mfa_challenge_expired') setTotpChallenge(null);
        setTotpCode('');
        throw err;
      }
    });
  };

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
      await proceed(await store.beginSignIn(email, password), password);
      setPassword('');
    });
  };

  const onNewPassword = async (e: FormEvent) => {
    e.preventDefault();
    const chosen = checkedNewPassword(false);
    if (!challenge || chosen === undefined) return;
    await attempt(async () => {
      try {
        const signedIn = await store.completeNewPassword(challenge, chosen);
        setChallenge(null);
        await proceed(signedIn, chosen);
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
    setTotpChallenge(null);
    if (enrolling) store.signOut();
    setEnrolling(false);
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
  if (enrolling) {
    title = t('auth.mfa.enrolTitle');
    body = (
      <>
        <Suspense fallback={<p className="muted">{t('auth.mfa.loading')}</p>}>
          <TotpEnrolment account={email.trim()} onEnrolled={onEnrolled} />
        </Suspense>
        <Button type="button" variant="ghost" onClick={backToSignIn} className="sign-in-submit">
          {t('auth.forgot.back')}
        </Button>
      </>
    );
  } else if (totpChallenge) {
    title = t('auth.mfa.title');
    body = (
      <form onSubmit={onTotp} noValidate>
        <p>{t('auth.mfa.intro')}</p>
        <TotpCodeField value={totpCode} onChange={setTotpCode} error={totpError} />
        {actions(t('auth.mfa.submit'))}
      </form>
    );
  } else if (challenge) {
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
