import { roles } from '@thidua/shared/org';
import { Duration, RemovalPolicy, Stack } from 'aws-cdk-lib';
import {
  AccountRecovery,
  CfnUserPoolGroup,
  ClientAttributes,
  FeaturePlan,
  Mfa,
  StandardThreatProtectionMode,
  StringAttribute,
  UserPool,
  type UserPoolClient,
  UserPoolEmail,
} from 'aws-cdk-lib/aws-cognito';
import { Construct } from 'constructs';
import type { EnvConfig } from './config';
import { acknowledgeAll } from './nag';

/** Vietnamese descriptions of the Cognito groups (one group per role, the group name is the role). */
const roleDescriptions: Record<(typeof roles)[number], string> = {
  submitter: 'Cán bộ lập và gửi báo cáo của đơn vị',
  unit_head: 'Lãnh đạo đơn vị, ký duyệt trước khi gửi lên cấp trên',
  reviewer: 'Cán bộ thẩm định của cấp trên (huyện, tỉnh)',
  secretariat: 'Cơ quan thường trực: chiến dịch, biểu mẫu, hạn nộp, chuẩn bị hội đồng',
  council_member: 'Thành viên Hội đồng Thi đua - Khen thưởng',
  chair: 'Chủ tịch UBND tỉnh / Trưởng Ban chỉ đạo: ký quyết định',
  admin: 'Quản trị: đơn vị, người dùng, vai trò, biểu mẫu',
};

/** The custom attributes the ID token carries as `custom:tenant_id` and `custom:unit_id`. */
export const customAttributes = { tenantId: 'tenant_id', unitId: 'unit_id' } as const;

/**
 * The user pool. Accounts are created by a province administrator (no self sign-up); the ID token carries
 * the tenant, the unit and the roles (`cognito:groups`), which is everything the API's identity
 * middleware needs.
 */
export class Auth extends Construct {
  readonly userPool: UserPool;
  readonly webClient: UserPoolClient;
  /** The JWT issuer, as API Gateway's authorizer and the web app see it. */
  readonly issuerUrl: string;
  /** The regional Cognito IdP endpoint the SPA calls (InitiateAuth, RespondToAuthChallenge, ...). */
  readonly cognitoEndpoint: string;

  constructor(scope: Construct, id: string, props: { config: EnvConfig }) {
    super(scope, id);
    const { config } = props;
    const stack = Stack.of(this);
    const plus = config.cognitoFeaturePlan === 'plus';

    this.userPool = new UserPool(this, 'UserPool', {
      userPoolName: `thidua-${config.envName}`,
      selfSignUpEnabled: false,
      signInAliases: { email: true },
      signInCaseSensitive: false,
      autoVerify: { email: true },
      // A changed e-mail takes effect only once verified: nobody can redirect another user's resets.
      keepOriginal: { email: true },
      standardAttributes: {
        email: { required: true, mutable: true },
        fullname: { required: true, mutable: true },
      },
      customAttributes: {
        // A user never changes province: immutable, set once by admin-create-user.
        [customAttributes.tenantId]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: false }),
        // A user can be transferred to another unit by an administrator.
        [customAttributes.unitId]: new StringAttribute({ minLen: 1, maxLen: 64, mutable: true }),
      },
      passwordPolicy: {
        minLength: 12,
        requireLowercase: true,
        requireUppercase: true,
        requireDigits: true,
        requireSymbols: true,
        tempPasswordValidity: Duration.days(3),
        ...(plus ? { passwordHistorySize: 5 } : {}),
      },
      mfa: Mfa.OPTIONAL,
      mfaSecondFactor: { sms: false, otp: true },
      accountRecovery: AccountRecovery.EMAIL_ONLY,
      featurePlan: plus ? FeaturePlan.PLUS : FeaturePlan.ESSENTIALS,
      ...(plus ? { standardThreatProtectionMode: StandardThreatProtectionMode.FULL_FUNCTION } : {}),
      email: config.emailSender
        ? UserPoolEmail.withSES({
            fromEmail: config.emailSender.fromEmail,
            fromName: config.emailSender.fromName,
            replyTo: config.emailSender.replyTo,
            sesRegion: config.emailSender.sesRegion,
          })
        : UserPoolEmail.withCognito(),
      userInvitation: {
        emailSubject: 'Tài khoản hệ thống Thi đua - Khen thưởng',
        emailBody:
          'Xin chào,<br>Tài khoản của bạn trên hệ thống Thi đua - Khen thưởng đã được tạo.<br>' +
          'Tên đăng nhập: {username}<br>Mật khẩu tạm thời: {####}<br>' +
          'Vui lòng đăng nhập và đổi mật khẩu trong vòng 3 ngày.',
      },
      userVerification: {
        emailSubject: 'Mã xác minh - Thi đua - Khen thưởng',
        emailBody: 'Mã xác minh của bạn là {####}',
      },
      deletionProtection: true,
      removalPolicy: RemovalPolicy.RETAIN,
    });

    roles.forEach((role, precedence) => {
      new CfnUserPoolGroup(this, `Group-${role}`, {
        userPoolId: this.userPool.userPoolId,
        groupName: role,
        description: roleDescriptions[role],
        // Lower precedence wins when a role-mapped IAM role is chosen; unused here, kept stable.
        precedence,
      });
    });

    this.webClient = this.userPool.addClient('WebClient', {
      userPoolClientName: 'web',
      // A browser cannot keep a secret.
      generateSecret: false,
      authFlows: { userPassword: true, userSrp: true },
      // The SPA signs in against the IdP API directly; no hosted UI, no OAuth redirect flows.
      disableOAuth: true,
      preventUserExistenceErrors: true,
      enableTokenRevocation: true,
      idTokenValidity: Duration.minutes(60),
      accessTokenValidity: Duration.minutes(60),
      refreshTokenValidity: Duration.days(30),
      authSessionValidity: Duration.minutes(5),
      readAttributes: new ClientAttributes()
        .withStandardAttributes({ email: true, emailVerified: true, fullname: true })
        .withCustomAttributes(customAttributes.tenantId, customAttributes.unitId),
      // The tenant, unit and roles decide what a user may see: a user must never be able to rewrite
      // them with their own access token (UpdateUserAttributes). Only the UI language is self-service;
      // an empty list would mean "every writable attribute" to Cognito.
      writeAttributes: new ClientAttributes().withStandardAttributes({ locale: true }),
    });

    this.cognitoEndpoint = `https://cognito-idp.${stack.region}.${stack.urlSuffix}`;
    this.issuerUrl = `${this.cognitoEndpoint}/${this.userPool.userPoolId}`;

    if (!plus) {
      acknowledgeAll(this.userPool, [
        {
          id: 'AwsSolutions-COG8',
          reason:
            'The Plus feature plan (threat protection) is billed per monthly active user; it is on in prod (cognitoFeaturePlan=plus) and off in dev, which holds demo accounts only.',
        },
      ]);
    }
    acknowledgeAll(this.userPool, [
      {
        id: 'AwsSolutions-COG2',
        reason:
          'TOTP MFA is optional by product decision: commune officers share phones and have no authenticator at rollout; administrators are asked to enrol (docs/deploy.md). Threat protection covers credential attacks in prod.',
      },
    ]);
  }
}
