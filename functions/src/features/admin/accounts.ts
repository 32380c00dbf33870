import { adminContracts as c } from '@thidua/shared/contracts';
import type { User } from '@thidua/shared/org';
import { requireAction } from '../../kernel/access';
import { transactWrite } from '../../kernel/data/transact';
import type { Deps } from '../../kernel/deps';
import { Conflict, NotFound } from '../../kernel/http/errors';
import { ok } from '../../kernel/http/response';
import { type RouteImpl, type UserRequest, userRoute } from '../../kernel/http/route';

/**
 * Account actions of the administrator that live in Cognito (reset a password, send the invitation
 * again): the Cognito call, then ONE transaction with the user's audit event and the Idempotency-Key
 * record (the routes look the record up first, so a replay never e-mails twice).
 */
export const accountRoutes = (
  d: Pick<Deps, 'audit' | 'clients' | 'directory' | 'users' | 'units'>,
): RouteImpl[] => {
  const accountAction = async (
    req: UserRequest<typeof c.resetUserPassword | typeof c.resendInvitation>,
    action: 'password_reset' | 'invitation_resent',
    run: (user: User) => Promise<void>,
    message: (user: User) => string,
  ) => {
    const { identity, params, remember } = req;
    requireAction(identity, 'administer', { type: 'user', tenantId: identity.tenantId });
    const user = await d.users.get(identity.tenantId, params.userId);
    if (!user) throw new NotFound('Không tìm thấy người dùng');
    if (!user.active) {
      throw new Conflict('Tài khoản đang bị khóa: hãy mở khóa trước', undefined, 'account_inactive');
    }
    await run(user);
    const response = ok({ user, message: message(user) });
    const audit = await d.audit.record(identity, {
      kind: 'user',
      subject: user,
      action,
      summary: `${action === 'password_reset' ? 'Đặt lại mật khẩu' : 'Gửi lại lời mời'}: ${user.name}`,
    });
    await transactWrite(d.clients.doc, [...remember(response), ...audit]);
    return response;
  };

  return [
    userRoute(c.resetUserPassword, (req) =>
      accountAction(
        req,
        'password_reset',
        (u) => d.directory.resetPassword(u.email),
        (u) =>
          `Đã đặt lại mật khẩu của ${u.name}: mật khẩu cũ không còn dùng được; mã xác nhận đã gửi tới ${u.email} để đặt mật khẩu mới qua "Quên mật khẩu?".`,
      ),
    ),
    userRoute(c.resendInvitation, (req) =>
      accountAction(
        req,
        'invitation_resent',
        (u) => d.directory.resendInvitation(u.email),
        (u) =>
          `Đã gửi lại thư mời tới ${u.email} với mật khẩu tạm thời mới; mật khẩu tạm thời cũ hết hiệu lực.`,
      ),
    ),
  ];
};
