import { describe, expect, it } from 'vitest';
import { ConfigError, EnvConfig, environments, envNames, loadConfig } from '../src/config';

const cert = 'arn:aws:acm:us-east-1:123456789012:certificate/0f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';

describe('deployment configuration', () => {
  it('validates every committed environment', () => {
    for (const name of envNames) {
      expect(EnvConfig.safeParse(environments[name]).success, name).toBe(true);
    }
  });

  it('defaults to dev and needs no account to synthesize', () => {
    const config = loadConfig({});
    expect(config.envName).toBe('dev');
    expect(config.account).toBeUndefined();
    expect(config.region).toBe('ap-southeast-1');
  });

  it('chooses the environment with -c env', () => {
    const config = loadConfig({ env: 'prod' });
    expect(config.envName).toBe('prod');
    expect(config.cognitoFeaturePlan).toBe('plus');
    expect(config.logRetentionDays).toBe(365);
    expect(config.extraCorsOrigins).toEqual([]);
  });

  it('rejects an unknown environment with a message naming the choices', () => {
    expect(() => loadConfig({ env: 'staging' })).toThrow(/unknown environment \(expected dev or prod\)/);
  });

  it("uses the CLI's default account for dev only: prod must name its account", () => {
    expect(loadConfig({}, '111122223333').account).toBe('111122223333');
    expect(loadConfig({ env: 'prod' }, '111122223333').account).toBeUndefined();
    expect(loadConfig({ env: 'prod', account: '444455556666' }, '111122223333').account).toBe('444455556666');
  });

  it('enables the online OCSP check only with -c signingOcspOnline=true (ADR 0035)', () => {
    expect(loadConfig({}).signingOcspOnline).toBeUndefined();
    expect(loadConfig({ signingOcspOnline: 'true' }).signingOcspOnline).toBe(true);
    expect(loadConfig({ signingOcspOnline: 'false' }).signingOcspOnline).toBe(false);
    expect(loadConfig({ signingOcspOnline: true }).signingOcspOnline).toBe(true);
  });

  it('rejects a malformed account id with the field path', () => {
    expect(() => loadConfig({ account: '12345' })).toThrow(/account: an AWS account id has 12 digits/);
  });

  it('takes a custom domain only together with a us-east-1 certificate', () => {
    const config = loadConfig({ env: 'prod', domainName: 'thidua.example.gov.vn', certificateArn: cert });
    expect(config.domain).toEqual({ name: 'thidua.example.gov.vn', certificateArn: cert });
    expect(() => loadConfig({ domainName: 'thidua.example.gov.vn' })).toThrow(ConfigError);
    expect(() =>
      loadConfig({
        domainName: 'thidua.example.gov.vn',
        certificateArn: cert.replace('us-east-1', 'ap-southeast-1'),
      }),
    ).toThrow(/domain.certificateArn: CloudFront needs an ACM certificate in us-east-1/);
    expect(() => loadConfig({ domainName: 'Not A Host', certificateArn: cert })).toThrow(/domain.name/);
  });

  it('builds the SES sender from -c emailSender and validates the address', () => {
    const config = loadConfig({ env: 'prod', emailSender: 'no-reply@thidua.example.gov.vn' });
    expect(config.emailSender).toEqual({
      fromEmail: 'no-reply@thidua.example.gov.vn',
      fromName: 'Thi đua',
      sesRegion: 'ap-southeast-1',
    });
    expect(() => loadConfig({ emailSender: 'not-an-address' })).toThrow(/emailSender.fromEmail/);
    expect(() => loadConfig({ alarmEmail: 'nope' })).toThrow(/alarmEmail/);
  });

  it('accepts only retention periods CloudWatch Logs knows', () => {
    const bad = { ...environments.dev, logRetentionDays: 10 };
    const result = EnvConfig.safeParse(bad);
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['logRetentionDays']);
  });

  it('rejects unknown keys (a typo is an error, not a silently ignored setting)', () => {
    expect(EnvConfig.safeParse({ ...environments.dev, logRetentionDay: 14 }).success).toBe(false);
  });

  it('rejects a throttling burst far below the steady rate', () => {
    const result = EnvConfig.safeParse({ ...environments.dev, api: { rateLimit: 1000, burstLimit: 10 } });
    expect(result.success).toBe(false);
    expect(result.error?.issues[0]?.path).toEqual(['api', 'burstLimit']);
  });
});
