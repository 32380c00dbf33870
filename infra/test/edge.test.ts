import {
  counterEntity,
  disclosureEntity,
  sessionEntity,
} from '@thidua/functions/features/commendations/keys';
import {
  attachmentEntity,
  auditEventEntity,
  completenessCellEntity,
  listEntryEntity,
  submissionEntity,
  unitEntity,
  userEntity,
} from '@thidua/functions/kernel/data/keys';
import { routeGroups, routeKey, routes } from '@thidua/functions/routes';
import { App, type CfnElement } from 'aws-cdk-lib';
import { Annotations, Match, Template } from 'aws-cdk-lib/assertions';
import { OriginRequestPolicy } from 'aws-cdk-lib/aws-cloudfront';
import { AwsSolutionsChecks } from 'cdk-nag';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendOnlyPartitions, auditOnlyPartitions, readsChain, signsChain } from '../src/audit';
import { ConfigError, EnvConfig, environments, loadConfig } from '../src/config';
import { edgeRegion, managedRuleGroups } from '../src/edge';
import { groupAccess } from '../src/functions';
import { scanResultDetailType } from '../src/malware';
import { createStacks } from '../src/stack';
import {
  type Built,
  build,
  cleanup,
  fakeWebDist,
  flatten,
  prodContext as fullProd,
  testCertificateArn,
} from './helpers';

/**
 * Issue 12, point 7 and the infrastructure halves of points 1 and 4: WAF on CloudFront, execute-api off
 * behind a domain of the API's own, the origin secret and viewer address, malware scanning wired, and the
 * audit trail's key, anchors and append-only partitions. Templates of dev and of a fully configured prod.
 */
const cert = testCertificateArn;
const apiCert = 'arn:aws:acm:ap-southeast-1:123456789012:certificate/1f1e2d3c-4b5a-6978-8a9b-0c1d2e3f4a5b';
/** prod with, in addition, a domain of the API's own (execute-api off). */
const prodContext = {
  ...fullProd,
  apiDomainName: 'api-origin.thidua.example.gov.vn',
  apiCertificateArn: apiCert,
};

interface Synth {
  built: Built;
  main: Template;
  edge: Template;
}
const synthBoth = (built: Built): Synth => ({
  built,
  main: Template.fromStack(built.stack),
  edge: Template.fromStack(built.edge),
});

let dev: Synth;
let prod: Synth;
beforeAll(() => {
  dev = synthBoth(build());
  prod = synthBoth(build({ context: prodContext }));
});
afterAll(() => {
  cleanup(dev?.built);
  cleanup(prod?.built);
});

const logicalId = (b: Built, c: { node: { defaultChild?: unknown } }): string =>
  b.stack.getLogicalId(c.node.defaultChild as CfnElement);
const fnProps = (s: Synth, group: (typeof routeGroups)[number]) =>
  s.main.findResources('AWS::Lambda::Function')[logicalId(s.built, s.built.stack.functions.get(group))]
    ?.Properties;
const apiBehavior = (s: Synth) => {
  const dist = Object.values(s.main.findResources('AWS::CloudFront::Distribution'))[0]?.Properties
    .DistributionConfig;
  const behavior = dist.CacheBehaviors.find((b: { PathPattern: string }) => b.PathPattern === '/api/*');
  const origin = dist.Origins.find((o: { Id: string }) => o.Id === behavior.TargetOriginId);
  return { dist, behavior, origin };
};

describe('WAF on CloudFront', () => {
  it('lives in a us-east-1 stack of its own, a CLOUDFRONT-scoped web ACL that allows by default', () => {
    expect(dev.built.edge.region).toBe(edgeRegion);
    expect(dev.built.stack.region).toBe('ap-southeast-1');
    dev.edge.resourceCountIs('AWS::WAFv2::WebACL', 1);
    dev.edge.hasResourceProperties('AWS::WAFv2::WebACL', {
      Scope: 'CLOUDFRONT',
      DefaultAction: { Allow: {} },
      VisibilityConfig: Match.objectLike({ CloudWatchMetricsEnabled: true, SampledRequestsEnabled: true }),
    });
  });

  it('runs the AWS managed rule groups, with only the 8 KB body-size rule relaxed to count', () => {
    const rules = Object.values(dev.edge.findResources('AWS::WAFv2::WebACL'))[0]?.Properties.Rules as {
      Name: string;
      Priority: number;
      Statement: {
        ManagedRuleGroupStatement?: { VendorName: string; Name: string; RuleActionOverrides?: unknown[] };
      };
      OverrideAction?: unknown;
    }[];
    const managed = rules.filter((r) => r.Statement.ManagedRuleGroupStatement);
    expect(managed.map((r) => r.Statement.ManagedRuleGroupStatement?.Name).sort()).toEqual(
      [
        'AWSManagedRulesAmazonIpReputationList',
        'AWSManagedRulesCommonRuleSet',
        'AWSManagedRulesKnownBadInputsRuleSet',
      ].sort(),
    );
    for (const r of managed) {
      expect(r.Statement.ManagedRuleGroupStatement?.VendorName).toBe('AWS');
      expect(r.OverrideAction, r.Name).toEqual({ None: {} });
    }
    const common = managed.find((r) => r.Name === 'AWSManagedRulesCommonRuleSet');
    expect(common?.Statement.ManagedRuleGroupStatement?.RuleActionOverrides).toEqual([
      { Name: 'SizeRestrictions_BODY', ActionToUse: { Count: {} } },
    ]);
    expect(new Set(rules.map((r) => r.Priority)).size).toBe(rules.length);
    expect(managedRuleGroups).toHaveLength(3);
  });

  it('limits each client address, and more strictly on the public routes that write, answering 429', () => {
    const rules = Object.values(dev.edge.findResources('AWS::WAFv2::WebACL'))[0]?.Properties.Rules as {
      Name: string;
      Action?: unknown;
      Statement: { RateBasedStatement?: Record<string, unknown> };
    }[];
    const rate = (name: string) => rules.find((r) => r.Name === name);
    const all = rate('RatePerClient');
    expect(all?.Statement.RateBasedStatement).toEqual({
      Limit: environments.dev.waf.requestsPer5Min,
      EvaluationWindowSec: 300,
      AggregateKeyType: 'IP',
    });
    expect(all?.Action).toEqual({ Block: { CustomResponse: { ResponseCode: 429 } } });
    const pub = rate('RatePerClientPublicWrites');
    expect(pub?.Statement.RateBasedStatement).toMatchObject({
      Limit: environments.dev.waf.publicWritesPer5Min,
      AggregateKeyType: 'IP',
    });
    const scope = JSON.stringify(pub?.Statement.RateBasedStatement?.ScopeDownStatement);
    expect(scope).toContain('"SearchString":"/api/public/"');
    expect(scope).toContain('"PositionalConstraint":"STARTS_WITH"');
    // Every public route that writes is a POST today; the rule is built from the route table.
    const methods = new Set(
      routes.filter((r) => r.auth === 'public' && r.method !== 'GET').map((r) => r.method),
    );
    for (const m of methods) expect(scope).toContain(`"SearchString":"${m}"`);
  });

  it('logs only blocked and counted requests, without the Authorization header, to aws-waf-logs-*', () => {
    dev.edge.hasResourceProperties('AWS::Logs::LogGroup', {
      LogGroupName: 'aws-waf-logs-thidua-dev',
      RetentionInDays: 14,
    });
    const logging = Object.values(dev.edge.findResources('AWS::WAFv2::LoggingConfiguration'))[0]?.Properties;
    const group = dev.built.edge.getLogicalId(dev.built.edge.logGroup?.node.defaultChild as CfnElement);
    expect(flatten(logging.LogDestinationConfigs)).toBe(
      `arn:<AWS::Partition>:logs:us-east-1:<AWS::AccountId>:log-group:<${group}>`,
    );
    expect(logging.RedactedFields).toEqual([{ SingleHeader: { Name: 'authorization' } }]);
    expect(logging.LoggingFilter).toEqual({
      DefaultBehavior: 'DROP',
      Filters: [
        {
          Behavior: 'KEEP',
          Requirement: 'MEETS_ANY',
          Conditions: [{ ActionCondition: { Action: 'BLOCK' } }, { ActionCondition: { Action: 'COUNT' } }],
        },
      ],
    });
  });

  it('is attached to the distribution through a cross-region reference the edge stack writes', () => {
    const { dist } = apiBehavior(dev);
    expect(JSON.stringify(dist.WebACLId)).toContain('ExportsReader');
    expect(dev.built.stack.dependencies.map((d) => d.stackName)).toContain(dev.built.edge.stackName);
  });

  it('has no cdk-nag finding in the edge stack, dev or prod', () => {
    for (const s of [dev, prod]) {
      const report = new AwsSolutionsChecks(undefined, { verbose: true }).validateScope(s.built.edge);
      expect(report.violations.map((v) => v.ruleName)).toEqual([]);
    }
  });
});

describe('the API behind CloudFront only', () => {
  it('keeps execute-api on without an API domain (it is the origin then), and says so at synth', () => {
    dev.main.hasResourceProperties('AWS::ApiGatewayV2::Api', {
      DisableExecuteApiEndpoint: false,
    });
    const warnings = Annotations.fromStack(dev.built.stack).findWarning(
      '*',
      Match.stringLikeRegexp('execute-api endpoint stays enabled'),
    );
    expect(warnings).toHaveLength(1);
  });

  it('disables execute-api and reaches the API through its own domain when one is configured', () => {
    prod.main.hasResourceProperties('AWS::ApiGatewayV2::Api', { DisableExecuteApiEndpoint: true });
    prod.main.hasResourceProperties('AWS::ApiGatewayV2::DomainName', {
      DomainName: prodContext.apiDomainName,
      DomainNameConfigurations: [
        Match.objectLike({ CertificateArn: apiCert, EndpointType: 'REGIONAL', SecurityPolicy: 'TLS_1_2' }),
      ],
    });
    prod.main.resourceCountIs('AWS::ApiGatewayV2::ApiMapping', 1);
    const { origin } = apiBehavior(prod);
    expect(origin.DomainName).toBe(prodContext.apiDomainName);
    expect(Object.keys(prod.main.findOutputs('ApiDirectUrl'))).toEqual([]);
    expect(Object.keys(prod.main.findOutputs('ApiOriginDnsTarget'))).toHaveLength(1);
  });

  it('refuses an API certificate outside the stack region, and half an API domain', () => {
    expect(() => loadConfig({ ...prodContext, apiCertificateArn: cert })).toThrow(
      /certificate in ap-southeast-1/,
    );
    expect(() => loadConfig({ env: 'dev', apiDomainName: 'api.example.gov.vn' })).toThrow(ConfigError);
  });

  it('sends the origin secret from Secrets Manager as x-origin-verify, and forwards the viewer address', () => {
    for (const s of [dev, prod]) {
      const { behavior, origin } = apiBehavior(s);
      const header = origin.OriginCustomHeaders.find(
        (h: { HeaderName: string }) => h.HeaderName === 'x-origin-verify',
      );
      const secretId = logicalId(s.built, s.built.stack.originSecrets.originVerify);
      expect(flatten(header.HeaderValue)).toBe(`{{resolve:secretsmanager:<${secretId}>:SecretString:::}}`);
      // AllViewerExceptHostHeader: every viewer header but Host, plus CloudFront's own, among them
      // CloudFront-Viewer-Address, which the public-comment limit counts.
      expect(behavior.OriginRequestPolicyId).toBe(
        OriginRequestPolicy.ALL_VIEWER_EXCEPT_HOST_HEADER.originRequestPolicyId,
      );
    }
  });

  it('gives the secret and the rate-limit salt to the public function only, never as literals', () => {
    const secrets = dev.main.findResources('AWS::SecretsManager::Secret');
    expect(Object.keys(secrets)).toHaveLength(2);
    for (const secret of Object.values(secrets)) {
      expect(secret.Properties.GenerateSecretString).toMatchObject({
        PasswordLength: 48,
        ExcludePunctuation: true,
      });
      expect(secret.Properties.SecretString).toBeUndefined();
    }
    const salt = logicalId(dev.built, dev.built.stack.originSecrets.rateLimitSalt);
    const verify = logicalId(dev.built, dev.built.stack.originSecrets.originVerify);
    for (const group of routeGroups) {
      const env = fnProps(dev, group)?.Environment.Variables;
      if (group !== 'public') {
        expect(env.RATE_LIMIT_SALT, group).toBeUndefined();
        expect(env.ORIGIN_VERIFY_SECRET, group).toBeUndefined();
        continue;
      }
      expect(flatten(env.RATE_LIMIT_SALT)).toBe(`{{resolve:secretsmanager:<${salt}>:SecretString:::}}`);
      expect(flatten(env.ORIGIN_VERIFY_SECRET)).toBe(
        `{{resolve:secretsmanager:<${verify}>:SecretString:::}}`,
      );
    }
  });

  it('throttles the public routes that write at a tenth of the stage, per route', () => {
    const stages = dev.main.findResources('AWS::ApiGatewayV2::Stage');
    const [stageId, stage] = Object.entries(stages)[0] ?? [];
    const writes = routes.filter((r) => r.auth === 'public' && r.method !== 'GET');
    expect(writes.length).toBeGreaterThan(0);
    expect(Object.keys(stage?.Properties.RouteSettings).sort()).toEqual(writes.map(routeKey).sort());
    for (const r of writes) {
      expect(stage?.Properties.RouteSettings[routeKey(r)]).toEqual({
        ThrottlingRateLimit: 5,
        ThrottlingBurstLimit: 10,
      });
    }
    const routeIds = Object.entries(dev.main.findResources('AWS::ApiGatewayV2::Route'))
      .filter(([, x]) => writes.some((r) => routeKey(r) === x.Properties.RouteKey))
      .map(([id]) => id);
    expect(stageId && stages[stageId]?.DependsOn).toEqual(expect.arrayContaining(routeIds));
  });
});

describe('malware scanning', () => {
  it('protects the attachments bucket with a GuardDuty plan that tags each object with its verdict', () => {
    const bucket = logicalId(dev.built, dev.built.stack.storage.bucket);
    const plan = Object.values(dev.main.findResources('AWS::GuardDuty::MalwareProtectionPlan'))[0]
      ?.Properties;
    expect(flatten(plan.ProtectedResource.S3Bucket.BucketName)).toBe(`<${bucket}>`);
    // Only confirmed evidence: where `confirm` moves the checked bytes.
    expect(plan.ProtectedResource.S3Bucket.ObjectPrefixes).toEqual(['evidence/']);
    expect(plan.Actions).toEqual({ Tagging: { Status: 'ENABLED' } });
    const roleId = plan.Role['Fn::GetAtt'][0];
    const role = dev.main.findResources('AWS::IAM::Role')[roleId];
    expect(role?.Properties.AssumeRolePolicyDocument.Statement[0].Principal).toEqual({
      Service: 'malware-protection-plan.guardduty.amazonaws.com',
    });
    const policy = Object.values(dev.main.findResources('AWS::IAM::Policy')).find((p) =>
      p.Properties.Roles.some((r: { Ref: string }) => r.Ref === roleId),
    );
    const statements = (policy?.Properties.PolicyDocument.Statement ?? []) as { Action: string | string[] }[];
    const actions = statements.flatMap((s) => (Array.isArray(s.Action) ? s.Action : [s.Action]));
    expect(actions).toEqual(
      expect.arrayContaining([
        's3:GetObject',
        's3:PutObjectTagging',
        's3:PutBucketNotification',
        'events:PutRule',
      ]),
    );
    expect(actions.filter((a) => a.startsWith('s3:Delete'))).toEqual([]);
  });

  it('routes each scan result of that bucket to the attachments function, with a dead-letter queue', () => {
    const bucket = logicalId(dev.built, dev.built.stack.storage.bucket);
    const fn = logicalId(dev.built, dev.built.stack.functions.get('attachments'));
    const rule = Object.values(dev.main.findResources('AWS::Events::Rule'))[0]?.Properties;
    expect(rule.EventPattern.source).toEqual(['aws.guardduty']);
    expect(rule.EventPattern['detail-type']).toEqual([scanResultDetailType]);
    expect(flatten(rule.EventPattern.detail.s3ObjectDetails.bucketName)).toBe(`<${bucket}>`);
    expect(rule.Targets).toHaveLength(1);
    expect(flatten(rule.Targets[0].Arn)).toBe(`<${fn}.Arn>`);
    expect(rule.Targets[0].DeadLetterConfig).toBeDefined();
    const invoke = Object.values(dev.main.findResources('AWS::Lambda::Permission')).filter(
      (p) => p.Properties.Principal === 'events.amazonaws.com',
    );
    expect(invoke.map((p) => flatten(p.Properties.FunctionName))).toEqual([`<${fn}.Arn>`]);
  });

  it('tells every function whether scanning is wired (MALWARE_SCANNER), and wires nothing when off', () => {
    for (const group of routeGroups)
      expect(fnProps(dev, group)?.Environment.Variables.MALWARE_SCANNER).toBe('guardduty');
    const app = new App({ context: { 'aws:cdk:bundling-stacks': [] } });
    const config = EnvConfig.parse({ ...environments.dev, malwareScanning: false });
    const webDist = fakeWebDist();
    const { main } = createStacks(app, config, { webDist });
    const t = Template.fromStack(main);
    t.resourceCountIs('AWS::GuardDuty::MalwareProtectionPlan', 0);
    t.resourceCountIs('AWS::Events::Rule', 0);
    for (const fn of Object.values(t.findResources('AWS::Lambda::Function'))) {
      const env = fn.Properties.Environment?.Variables;
      if (env?.TABLE_NAME) expect(env.MALWARE_SCANNER).toBe('none');
    }
  });
});

describe('audit trail', () => {
  it('keys the chain with a KMS HMAC-SHA-256 key that is kept when the stack goes', () => {
    const keys = dev.main.findResources('AWS::KMS::Key');
    const key = Object.values(keys).find((k) => k.Properties.KeySpec === 'HMAC_256');
    expect(key?.Properties.KeyUsage).toBe('GENERATE_VERIFY_MAC');
    expect(key?.DeletionPolicy).toBe('Retain');
  });

  it('anchors chain heads in an Object Lock bucket: governance in dev, compliance for 10 years in prod', () => {
    const anchors = (s: Synth) =>
      s.main.findResources('AWS::S3::Bucket')[logicalId(s.built, s.built.stack.auditTrail.anchors)]
        ?.Properties;
    expect(anchors(dev).ObjectLockEnabled).toBe(true);
    expect(anchors(dev).ObjectLockConfiguration).toEqual({
      ObjectLockEnabled: 'Enabled',
      Rule: { DefaultRetention: { Mode: 'GOVERNANCE', Days: 7 } },
    });
    expect(anchors(prod).ObjectLockConfiguration.Rule.DefaultRetention).toEqual({
      Mode: 'COMPLIANCE',
      Days: 3653,
    });
    expect(anchors(dev).VersioningConfiguration).toEqual({ Status: 'Enabled' });
  });

  it('passes the key id and the anchor bucket to every function', () => {
    const key = logicalId(dev.built, dev.built.stack.auditTrail.macKey);
    const bucket = logicalId(dev.built, dev.built.stack.auditTrail.anchors);
    for (const group of routeGroups) {
      const env = fnProps(dev, group)?.Environment.Variables;
      expect(flatten(env.AUDIT_MAC_KEY_ID), group).toBe(`<${key}>`);
      expect(flatten(env.AUDIT_ANCHOR_BUCKET), group).toBe(`<${bucket}>`);
    }
  });

  const policyOf = (s: Synth, policy: { node: { defaultChild?: unknown } }) =>
    s.main.findResources('AWS::IAM::ManagedPolicy')[logicalId(s.built, policy)]?.Properties;
  const rolesOf = (s: Synth, groups: readonly string[]) =>
    groups
      .map((g) =>
        logicalId(s.built, s.built.stack.functions.get(g as (typeof routeGroups)[number]).role as never),
      )
      .sort();

  it('denies every function deleting audit events, a Put outside a transaction, and updates of audit-only partitions', () => {
    const p = policyOf(dev, dev.built.stack.auditTrail.appendOnly);
    expect(p.Roles.map(flatten).sort()).toEqual(rolesOf(dev, routeGroups).map((r) => `<${r}>`));
    const table = `<${logicalId(dev.built, dev.built.stack.data.table)}.Arn>`;
    expect(p.PolicyDocument.Statement).toEqual([
      {
        Sid: 'NoDelete',
        Effect: 'Deny',
        Action: ['dynamodb:DeleteItem', 'dynamodb:BatchWriteItem'],
        Resource: expect.anything(),
        Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['T#*#SUB#*', 'T#*#AUDIT#*'] } },
      },
      {
        Sid: 'NoUpdateOfAuditOnlyPartitions',
        Effect: 'Deny',
        Action: 'dynamodb:UpdateItem',
        Resource: expect.anything(),
        Condition: { 'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['T#*#AUDIT#*'] } },
      },
      {
        Sid: 'PutOnlyInTransactions',
        Effect: 'Deny',
        Action: 'dynamodb:PutItem',
        Resource: expect.anything(),
        Condition: {
          'ForAnyValue:StringLike': { 'dynamodb:LeadingKeys': ['T#*#SUB#*', 'T#*#AUDIT#*'] },
          StringNotEquals: { 'dynamodb:EnclosingOperation': 'TransactWriteItems' },
        },
      },
    ]);
    for (const st of p.PolicyDocument.Statement) expect(flatten(st.Resource)).toBe(table);
  });

  it('lets writers GenerateMac and the audit routes VerifyMac only, on this key; anchors add and read only', () => {
    const key = `<${logicalId(dev.built, dev.built.stack.auditTrail.macKey)}.Arn>`;
    const signers = policyOf(dev, dev.built.stack.auditTrail.signers);
    const verifiers = policyOf(dev, dev.built.stack.auditTrail.verifiers);
    const writers = routeGroups.filter((g) => groupAccess(g).table === 'readWrite');
    expect(routeGroups.filter(signsChain)).toEqual(writers);
    expect(signers.Roles.map(flatten).sort()).toEqual(rolesOf(dev, writers).map((r) => `<${r}>`));
    const readersOnly = routeGroups.filter((g) => readsChain(g) && !signsChain(g));
    expect((verifiers.Roles ?? []).map(flatten).sort()).toEqual(
      rolesOf(dev, readersOnly).map((r) => `<${r}>`),
    );
    const mac = (p: typeof signers) =>
      p.PolicyDocument.Statement.find((s: { Action: unknown }) => JSON.stringify(s.Action).includes('kms:'));
    expect(mac(signers).Action).toEqual(['kms:GenerateMac', 'kms:VerifyMac']);
    expect(mac(verifiers).Action).toBe('kms:VerifyMac');
    for (const p of [signers, verifiers]) {
      expect(flatten(mac(p).Resource)).toBe(key);
      const s3 = p.PolicyDocument.Statement.flatMap((s: { Action: string | string[] }) =>
        Array.isArray(s.Action) ? s.Action : [s.Action],
      ).filter((a: string) => a.startsWith('s3:'));
      expect(s3.sort()).toEqual(['s3:GetObject', 's3:GetObjectVersion', 's3:ListBucket', 's3:PutObject']);
    }
  });
});

/** IAM's StringLike: `*` any run of characters, `?` one character, everything else literal. */
const stringLike = (pattern: string, value: string): boolean =>
  new RegExp(
    `^${pattern
      .replace(/[.+^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '.*')
      .replace(/\?/g, '.')}$`,
  ).test(value);
const appendOnly = (pk: string) => appendOnlyPartitions.some((p) => stringLike(p, pk));

describe('append-only partitions (what the Deny matches)', () => {
  it("cover a submission's item collection, where its audit events live, and the reserved audit chains", () => {
    expect(appendOnly(auditEventEntity.key({ tenantId: 't1', submissionId: 's1', seq: 1 }).pk)).toBe(true);
    expect(appendOnly(submissionEntity.partition({ tenantId: 't1', id: 's1' }))).toBe(true);
    expect(appendOnly(attachmentEntity.key({ tenantId: 't1', submissionId: 's1', id: 'a1' }).pk)).toBe(true);
    expect(appendOnly('T#t1#AUDIT#ADMIN')).toBe(true);
    // UpdateItem stays allowed where an attachment's scan verdict is recorded in place.
    expect(
      stringLike(
        auditOnlyPartitions,
        attachmentEntity.key({ tenantId: 't1', submissionId: 's1', id: 'a1' }).pk,
      ),
    ).toBe(false);
    expect(stringLike(auditOnlyPartitions, 'T#t1#AUDIT#SUB#s1')).toBe(true);
  });

  it("leave alone the partitions today's code updates or deletes (lists, counters, disclosures, sessions)", () => {
    const scope = { parentUnitId: 'u0', campaignId: 'c1', formKey: 'f', period: '2026' };
    for (const pk of [
      listEntryEntity.partition({ tenantId: 't1', scope: 'TREE', ownerUnitId: 'u1' }),
      completenessCellEntity.partition({ tenantId: 't1', scope }),
      disclosureEntity.partition({ tenantId: 't1', id: 'd1' }),
      sessionEntity.partition({ tenantId: 't1', id: 's1' }),
      counterEntity.partition({ tenantId: 't1', sequence: 'DECISION-2026' }),
      unitEntity.partition({ tenantId: 't1', id: 'u1' }),
      userEntity.partition({ tenantId: 't1', id: 'x' }),
    ]) {
      expect(appendOnly(pk), pk).toBe(false);
    }
  });
});
