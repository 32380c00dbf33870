import { roleLabelsVi } from '@thidua/shared/admin';
import { securityContracts as c, type MySecurity } from '@thidua/shared/contracts';
import type { User } from '@thidua/shared/org';
import { defaultTenantSecurity, mfaRequired, sessionVerdict } from '@thidua/shared/policy';
import { requireAction } from '../../kernel/access';
import type { Deps } from '../../kernel/deps';
import { NotFound, RuleViolation } from '../../kernel/http/errors';
import { authTimeFromEvent } from '../../kernel/http/identity';
import { ok } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { requireSaved, type SaveRefusals } from '../../kernel/outcomes';

/**
 * The caller's own second factor and sessions, and the tenant's MFA policy (administrator). The `/me`
 * routes are MFA-exempt: they are how a user whom the policy refuses enrols or ends their sessions.
 */
const userRefusals: SaveRefusals = { exists: 'Người dùng đã tồn tại', missing: 'Không tìm thấy người dùng' };
const nowSeconds = (now: Date): number => Math.floor(now.getTime() / 1000);

export const securityRoutes = (
  d: Pick<Deps, 'audit' | 'directory' | 'tenantSecurity' | 'users'>,
): RouteImpl[] => {
  const settingsOf = async (tenantId: string) =>
    (await d.tenantSecurity.get(tenantId)) ?? defaultTenantSecurity;

  const securityOf = async (user: User | undefined, roles: User['roles'], authTime: number) => {
    const settings = await settingsOf(user?.tenantId ?? '');
    const verdict = sessionVerdict(
      {
        roles,
        authTime,
        mfaEnrolledAt: user?.mfaEnrolledAt,
        tokensValidAfter: user?.tokensValidAfter,
      },
      settings,
    );
    const answer: MySecurity = {
      mfaRequired: mfaRequired(roles, settings),
      mfaEnrolled: user?.mfaEnrolledAt !== undefined,
      session: verdict.kind,
    };
    return answer;
  };

  const recordOf = async (tenantId: string, userId: string): Promise<User> => {
    const user = await d.users.get(tenantId, userId);
    if (!user) throw new NotFound('Tài khoản chưa có hồ sơ người dùng trong tỉnh');
    return user;
  };

  return [
    userRoute(c.getMySecurity, async ({ identity, event }) => {
      const user = await d.users.get(identity.tenantId, identity.userId);
      // An account without a record is governed by the user pool alone: nothing is required of it here.
      if (!user)
        return ok({ mfaRequired: false, mfaEnrolled: false, session: 'allowed' } satisfies MySecurity);
      return ok(await securityOf(user, user.roles, authTimeFromEvent(event)));
    }),

    userRoute(c.recordMyMfa, async ({ identity, body, event, now, remember }) => {
      const user = await recordOf(identity.tenantId, identity.userId);
      const token = await d.directory.softwareTokenOf(body.accessToken);
      if (!token || token.sub !== identity.userId || !token.enabled) {
        throw new RuleViolation(
          'Chưa bật được xác thực hai lớp cho tài khoản này',
          [{ path: 'body.accessToken', message: 'Cognito chưa ghi nhận TOTP của tài khoản đang đăng nhập' }],
          'mfa_not_enabled',
        );
      }
      // Enrolling again (a new phone) moves the date: sessions before it must sign in with the new app.
      const updated: User = { ...user, mfaEnrolledAt: nowSeconds(now) };
      const response = ok(await securityOf(updated, updated.roles, authTimeFromEvent(event)));
      const audit = await d.audit.record(identity, {
        kind: 'user',
        subject: updated,
        action: 'mfa_enrolled',
        summary: `${user.name} bật xác thực hai lớp (ứng dụng TOTP)`,
      });
      requireSaved(await d.users.save(updated, 'replace', [...remember(response), ...audit]), userRefusals);
      return response;
    }),

    userRoute(c.signOutEverywhere, async ({ identity, now, remember }) => {
      const user = await recordOf(identity.tenantId, identity.userId);
      const tokensValidAfter = nowSeconds(now);
      // Refresh tokens first: once they are gone no device can get a token newer than the date below.
      await d.directory.signOutEverywhere(user.email);
      const response = ok({ tokensValidAfter });
      const updated: User = { ...user, tokensValidAfter };
      const audit = await d.audit.record(identity, {
        kind: 'user',
        subject: updated,
        action: 'signed_out_everywhere',
        summary: `${user.name} đăng xuất khỏi mọi thiết bị`,
      });
      requireSaved(await d.users.save(updated, 'replace', [...remember(response), ...audit]), userRefusals);
      return response;
    }),

    userRoute(c.getTenantSecurity, async ({ identity }) => {
      requireAction(identity, 'administer', { type: 'user', tenantId: identity.tenantId });
      return ok(await settingsOf(identity.tenantId));
    }),

    userRoute(c.putTenantSecurity, async ({ identity, body, remember }) => {
      requireAction(identity, 'administer', { type: 'user', tenantId: identity.tenantId });
      const settings = { mfaRequiredRoles: [...body.mfaRequiredRoles] };
      const stored = { tenantId: identity.tenantId, ...settings };
      const response = ok(settings);
      const named = settings.mfaRequiredRoles.map((r) => roleLabelsVi[r]).join(', ');
      const audit = await d.audit.record(identity, {
        kind: 'tenant_security',
        subject: stored,
        action: (await d.tenantSecurity.get(identity.tenantId)) ? 'updated' : 'created',
        summary: `Vai trò phải xác thực hai lớp: ${named || 'không vai trò nào'}`,
      });
      requireSaved(await d.tenantSecurity.save(stored, [...remember(response), ...audit]), {
        exists: 'Đã tồn tại',
        missing: 'Không tìm thấy',
      });
      return response;
    }),
  ];
};
