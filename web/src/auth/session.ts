import { decodeIdToken, type IdClaims } from './claims';
import {
  AuthError,
  associateSoftwareToken,
  type CognitoSettings,
  confirmForgotPassword,
  enableSoftwareToken,
  forgotPassword,
  refreshSession,
  respondNewPassword,
  respondSoftwareToken,
  type SignInChallenge,
  type SoftwareTokenChallenge,
  signInWithPassword,
  type Tokens,
} from './cognito';

export interface Session {
  tokens: Tokens;
  claims: IdClaims;
}

/** Refresh this long before the ID token expires, so no request ever leaves with a dying token. */
export const REFRESH_MARGIN_MS = 2 * 60_000;
const STORAGE_KEY = 'thidua.session';

export interface KeyValueStorage {
  getItem(key: string): string | null;
  setItem(key: string, value: string): void;
  removeItem(key: string): void;
}

/**
 * The signed-in session: tokens kept in localStorage (so a reload, or a phone that killed the tab, stays
 * signed in — the unsaved-input promise depends on it), refreshed shortly before expiry, shared between
 * tabs through the storage event. One refresh at a time however many requests ask for a token.
 */
export class SessionStore {
  private session: Session | null;
  private listeners = new Set<() => void>();
  private refreshing: Promise<Session | null> | null = null;
  private timer: ReturnType<typeof setTimeout> | null = null;

  constructor(
    private readonly settings: CognitoSettings,
    private readonly storage: KeyValueStorage,
    private readonly now: () => number = Date.now,
  ) {
    this.session = this.load();
    this.schedule();
  }

  private load(): Session | null {
    try {
      const raw = this.storage.getItem(STORAGE_KEY);
      if (!raw) return null;
      const parsed: unknown = JSON.parse(raw);
      if (typeof parsed !== 'object' || parsed === null) return null;
      const t = parsed as Record<string, unknown>;
      if (
        typeof t.idToken !== 'string' ||
        typeof t.accessToken !== 'string' ||
        typeof t.refreshToken !== 'string'
      ) {
        return null;
      }
      const tokens: Tokens = { idToken: t.idToken, accessToken: t.accessToken, refreshToken: t.refreshToken };
      return { tokens, claims: decodeIdToken(tokens.idToken) };
    } catch {
      return null;
    }
  }

  private set(session: Session | null): void {
    this.session = session;
    try {
      if (session) this.storage.setItem(STORAGE_KEY, JSON.stringify(session.tokens));
      else this.storage.removeItem(STORAGE_KEY);
    } catch {
      // Storage full or blocked: the session still lives in memory for this tab.
    }
    this.schedule();
    for (const l of this.listeners) l();
  }

  /** Another tab signed in, refreshed or signed out. */
  syncFromStorage(): void {
    this.session = this.load();
    this.schedule();
    for (const l of this.listeners) l();
  }

  private schedule(): void {
    if (this.timer) clearTimeout(this.timer);
    this.timer = null;
    const s = this.session;
    if (!s || typeof setTimeout === 'undefined') return;
    const delay = Math.max(s.claims.exp * 1000 - REFRESH_MARGIN_MS - this.now(), 1_000);
    // Browsers clamp long timers; an hour-long token is well within range.
    this.timer = setTimeout(() => {
      this.refresh().catch(() => {
        // A failed background refresh is retried by the next request that needs a token.
      });
    }, delay);
  }

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  get = (): Session | null => this.session;

  private start(tokens: Tokens): Session {
    const session = { tokens, claims: decodeIdToken(tokens.idToken) };
    this.set(session);
    return session;
  }

  /**
   * Signs in, or returns the challenge that must be answered first: a new password (first login) or the
   * code of the authenticator app (TOTP enabled).
   */
  async beginSignIn(username: string, password: string): Promise<Session | SignInChallenge> {
    const step = await signInWithPassword(this.settings, username.trim(), password);
    return step.kind === 'signed_in' ? this.start(step.tokens) : step;
  }

  /** Signs in where no challenge is expected; a first-login challenge is a failure here. */
  async signIn(username: string, password: string): Promise<Session> {
    const outcome = await this.beginSignIn(username, password);
    if ('kind' in outcome) throw new AuthError('password_change_required', 'NEW_PASSWORD_REQUIRED');
    return outcome;
  }

  /** The first-login user has no TOTP yet, so the new password always ends the sign-in. */
  async completeNewPassword(challenge: SignInChallenge, newPassword: string): Promise<Session> {
    if (challenge.kind !== 'new_password_required') throw new AuthError('unknown', `not a ${challenge.kind}`);
    const step = await respondNewPassword(this.settings, challenge, newPassword);
    if (step.kind !== 'signed_in')
      throw new AuthError('unknown', `unexpected ${step.kind} after a new password`);
    return this.start(step.tokens);
  }

  async completeSoftwareToken(challenge: SoftwareTokenChallenge, code: string): Promise<Session> {
    return this.start(await respondSoftwareToken(this.settings, challenge, code.replace(/\s+/g, '')));
  }

  private accessToken(): string {
    const s = this.session;
    if (!s) throw new AuthError('session_expired', 'not signed in');
    return s.tokens.accessToken;
  }

  /** A new TOTP secret for the signed-in user (base32), to show as a QR code and as text. */
  beginTotpEnrolment(): Promise<string> {
    return associateSoftwareToken(this.settings, this.accessToken());
  }

  /**
   * Verifies the first code and turns TOTP on; answers the access token, which the API takes to check
   * with Cognito that it is on. The session itself began without a code: the next sign-in asks for one.
   */
  async finishTotpEnrolment(code: string): Promise<string> {
    const accessToken = this.accessToken();
    await enableSoftwareToken(this.settings, accessToken, code.replace(/\s+/g, ''));
    return accessToken;
  }

  requestPasswordReset(username: string): Promise<void> {
    return forgotPassword(this.settings, username.trim());
  }

  confirmPasswordReset(username: string, code: string, newPassword: string): Promise<void> {
    return confirmForgotPassword(this.settings, username.trim(), code.trim(), newPassword);
  }

  signOut(): void {
    this.set(null);
  }

  /** Refreshes now (one flight at a time). A refused refresh token ends the session. */
  refresh(): Promise<Session | null> {
    const current = this.session;
    if (!current) return Promise.resolve(null);
    if (this.refreshing) return this.refreshing;
    this.refreshing = refreshSession(this.settings, current.tokens.refreshToken)
      .then((tokens) => {
        const next = { tokens, claims: decodeIdToken(tokens.idToken) };
        this.set(next);
        return next;
      })
      .catch((e: unknown) => {
        if (e instanceof AuthError && e.reason === 'session_expired') {
          this.set(null);
          return null;
        }
        throw e;
      })
      .finally(() => {
        this.refreshing = null;
      });
    return this.refreshing;
  }

  /**
   * The bearer for the next request: the ID token, refreshed first when it is about to expire. When the
   * network is down the still-valid token is returned as is (the request will fail on its own terms).
   */
  async getIdToken(): Promise<string | null> {
    const s = this.session;
    if (!s) return null;
    const msLeft = s.claims.exp * 1000 - this.now();
    if (msLeft > REFRESH_MARGIN_MS) return s.tokens.idToken;
    try {
      const next = await this.refresh();
      return next ? next.tokens.idToken : null;
    } catch {
      return msLeft > 0 ? s.tokens.idToken : null;
    }
  }

  dispose(): void {
    if (this.timer) clearTimeout(this.timer);
    this.listeners.clear();
  }
}
