import {
  CodeMismatchError,
  InvalidPasswordError,
  NotAuthorizedError,
  PasswordResetRequiredError,
  UserNotConfirmedException,
  UserNotFoundError,
} from 'cognito-local/lib/errors';
import { describe, expect, it } from 'vitest';
import { type AuthFailure, signInFailureOf, totpFailureOf } from '../../auth/cognito';
import { translate } from '../../i18n';
import { signInFailureMessage } from './failures';

const said = (type: string, message = '', status = 400): string =>
  translate('vi', signInFailureMessage[signInFailureOf(type, message, status)]);

describe('sign-in failures', () => {
  it('says "wrong email or password" for a wrong password, in AWS and in the local emulator alike', () => {
    const wrong = 'Thư điện tử hoặc mật khẩu không đúng.';
    // The emulator's own error classes, so a change in what it answers shows up here.
    expect(said(new InvalidPasswordError().code, new InvalidPasswordError().message)).toBe(wrong);
    expect(said(new NotAuthorizedError().code, new NotAuthorizedError().message)).toBe(wrong);
    expect(said(new UserNotFoundError().code, 'User does not exist.')).toBe(wrong);
    // Cognito's answers, namespaced as the JSON protocol may send them.
    expect(said('NotAuthorizedException', 'Incorrect username or password.')).toBe(wrong);
    expect(said('com.amazonaws.cognito#UserNotFoundException', 'User does not exist.')).toBe(wrong);
  });

  it('tells the other causes apart, each in its own words', () => {
    const cases: [string, string, number, AuthFailure][] = [
      ['NotAuthorizedException', 'User is disabled.', 400, 'user_disabled'],
      ['NotAuthorizedException', 'Password attempts exceeded', 400, 'too_many_attempts'],
      [new PasswordResetRequiredError().code, 'Password reset required', 400, 'password_change_required'],
      [new UserNotConfirmedException().code, 'User is not confirmed.', 400, 'not_confirmed'],
      ['TooManyRequestsException', 'Rate exceeded', 400, 'too_many_attempts'],
      ['LimitExceededException', 'Attempt limit exceeded', 400, 'too_many_attempts'],
      ['TooManyFailedAttemptsException', '', 400, 'too_many_attempts'],
      ['ResourceNotFoundException', 'User pool client x does not exist.', 400, 'misconfigured'],
      ['InvalidParameterException', 'USER_PASSWORD_AUTH flow not enabled', 400, 'misconfigured'],
      ['InternalErrorException', '', 500, 'service_unavailable'],
      ['HTTP 502', 'HTTP 502', 502, 'service_unavailable'],
      ['CognitoLocal#Unsupported', 'not supported', 500, 'service_unavailable'],
      ['SomethingNew', '', 400, 'unknown'],
    ];
    for (const [type, message, status, failure] of cases)
      expect(signInFailureOf(type, message, status), type).toBe(failure);
  });

  it('has a distinct Vietnamese sentence for every failure', () => {
    const sentences = Object.values(signInFailureMessage).map((k) => translate('vi', k));
    expect(new Set(sentences).size).toBe(sentences.length);
    expect(said('InvalidPasswordException')).not.toBe(translate('vi', 'auth.error.unknown'));
  });
});

describe('TOTP failures', () => {
  const saidOfTotp = (type: string, message = '') =>
    translate('vi', signInFailureMessage[totpFailureOf(type, message)]);

  it('names a wrong code alike at enrolment and at sign-in, in AWS and in the emulator', () => {
    const wrong = translate('vi', 'auth.error.totpMismatch');
    // cognito-local's own error on the challenge; Cognito's on the challenge and at enrolment.
    expect(saidOfTotp(new CodeMismatchError().code, new CodeMismatchError().message)).toBe(wrong);
    expect(saidOfTotp('CodeMismatchException', 'Invalid code received for user')).toBe(wrong);
    expect(
      saidOfTotp('EnableSoftwareTokenMFAException', 'Code mismatch and fail enable Software Token MFA'),
    ).toBe(wrong);
  });

  it('sends the person back to the password when the challenge session ran out', () => {
    expect(totpFailureOf('NotAuthorizedException', 'Invalid session for the user, session is expired.')).toBe(
      'mfa_challenge_expired',
    );
    // A wrong password before the challenge is still that.
    expect(totpFailureOf('NotAuthorizedException', 'Incorrect username or password.')).toBe(
      'invalid_credentials',
    );
  });
});
