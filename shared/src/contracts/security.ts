import * as z from 'zod';
import { TenantSecurity } from '../policy/mfa';
import { defineRoute } from './kernel';

/** What the sign-in page needs to know about the caller's second factor. */
export const MySecurity = z.object({
  /** The tenant requires TOTP of one of the caller's roles. */
  mfaRequired: z.boolean(),
  /** TOTP has been confirmed enabled for the account. */
  mfaEnrolled: z.boolean(),
  /** The verdict on this very session (see shared/src/policy/mfa.ts). */
  session: z.enum(['allowed', 'revoked', 'mfa_enrolment_required', 'mfa_sign_in_required']),
});
export type MySecurity = z.infer<typeof MySecurity>;

export const RecordMfaBody = z.object({
  /**
   * The caller's Cognito access token: the API asks Cognito (GetUser) whether TOTP is enabled for the
   * account it names, instead of trusting the browser's word.
   */
  accessToken: z.string().min(20).max(8192),
});

export const getMySecurity = defineRoute({
  method: 'GET',
  path: '/me/security',
  group: 'admin',
  auth: 'user',
  operationId: 'getMySecurity',
  summary: "The caller's second factor: required by the tenant, enrolled, this session's verdict",
  response: MySecurity,
  errors: [],
  mfaExempt: true,
});

export const recordMyMfa = defineRoute({
  method: 'POST',
  path: '/me/mfa',
  group: 'admin',
  auth: 'user',
  operationId: 'recordMyMfa',
  summary: 'Records that TOTP is enabled for the caller (checked with Cognito)',
  description:
    'Sau khi bật TOTP (VerifySoftwareToken, SetUserMFAPreference), ghi thời điểm đăng ký vào hồ sơ người dùng; ' +
    'các phiên bắt đầu trước thời điểm đó phải đăng nhập lại với mã. 422 `mfa_not_enabled` nếu Cognito chưa bật TOTP.',
  body: RecordMfaBody,
  response: MySecurity,
  errors: [403, 404, 422],
  mfaExempt: true,
  idempotencyPrecheck: true,
});

export const signOutEverywhere = defineRoute({
  method: 'POST',
  path: '/me/sign-out-everywhere',
  group: 'admin',
  auth: 'user',
  operationId: 'signOutEverywhere',
  summary: "Ends every session of the caller: Cognito's refresh tokens revoked, older ID tokens refused",
  description:
    'Thu hồi mọi refresh token (AdminUserGlobalSignOut) và ghi mốc thời gian vào hồ sơ: mọi ID token ' +
    'của phiên bắt đầu trước mốc bị từ chối (401 `session_revoked`) trong thời gian đệm của kiểm tra tài khoản.',
  response: z.object({ tokensValidAfter: z.number().int() }),
  // A write without a body: only its Idempotency-Key header can be malformed (400).
  errors: [400, 404],
  mfaExempt: true,
  idempotencyPrecheck: true,
});

export const getTenantSecurity = defineRoute({
  method: 'GET',
  path: '/tenant/security',
  group: 'admin',
  auth: 'user',
  operationId: 'getTenantSecurity',
  summary: 'Which roles of the tenant must sign in with TOTP',
  response: TenantSecurity,
  errors: [403],
});

export const putTenantSecurity = defineRoute({
  method: 'PUT',
  path: '/tenant/security',
  group: 'admin',
  auth: 'user',
  operationId: 'putTenantSecurity',
  summary: 'Sets which roles of the tenant must sign in with TOTP (administrator)',
  body: TenantSecurity,
  response: TenantSecurity,
  errors: [403],
});

/** The routes of this group, by operationId (the admin Lambda implements each: it holds the Cognito client). */
export const securityContracts = {
  getMySecurity,
  recordMyMfa,
  signOutEverywhere,
  getTenantSecurity,
  putTenantSecurity,
};
