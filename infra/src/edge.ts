import { routes } from '@thidua/functions/routes';
import { ArnFormat, RemovalPolicy, Stack, type StackProps } from 'aws-cdk-lib';
import { LogGroup, type RetentionDays } from 'aws-cdk-lib/aws-logs';
import { CfnLoggingConfiguration, CfnWebACL } from 'aws-cdk-lib/aws-wafv2';
import type { Construct } from 'constructs';
import type { EnvConfig } from './config';
import { apiPathPrefix } from './web';

/** CloudFront web ACLs exist only in us-east-1, whatever the region of the distribution's stack. */
export const edgeRegion = 'us-east-1';

/**
 * AWS managed rule groups on every request. Not the SQL-injection group: there is no SQL anywhere (DynamoDB
 * takes typed values, never query text), so it would only cost requests and false positives on Vietnamese
 * prose that happens to read like SQL.
 */
export const managedRuleGroups = [
  // Addresses Amazon's threat intelligence saw attacking (bots, scanners): dropped before anything else.
  { name: 'AWSManagedRulesAmazonIpReputationList', countOnly: [] },
  // OWASP-style checks (LFI, RFI, XSS in query and body, bad user agents, SSRF to instance metadata).
  // SizeRestrictions_BODY blocks bodies over 8 KB: a report with its data is larger, so it only counts;
  // the API's own limits (body size, field lengths) apply instead.
  { name: 'AWSManagedRulesCommonRuleSet', countOnly: ['SizeRestrictions_BODY'] },
  // Request patterns of known exploits (Log4Shell, Spring4Shell, Java deserialization, localhost Host).
  { name: 'AWSManagedRulesKnownBadInputsRuleSet', countOnly: [] },
] as const;

/** The public routes that write (citizens' comments), from the route table, as CloudFront sees them. */
export const publicWritePrefix = `${apiPathPrefix}/public/`;
const publicWriteMethods = [
  ...new Set(routes.filter((r) => r.auth === 'public' && r.method !== 'GET').map((r) => r.method as string)),
];

const visibility = (metricName: string): CfnWebACL.VisibilityConfigProperty => ({
  cloudWatchMetricsEnabled: true,
  metricName,
  sampledRequestsEnabled: true,
});

const tooMany: CfnWebACL.RuleActionProperty = { block: { customResponse: { responseCode: 429 } } };

const byteMatch = (
  field: CfnWebACL.FieldToMatchProperty,
  searchString: string,
  positionalConstraint: 'EXACTLY' | 'STARTS_WITH',
): CfnWebACL.StatementProperty => ({
  byteMatchStatement: {
    fieldToMatch: field,
    searchString,
    positionalConstraint,
    textTransformations: [{ priority: 0, type: 'NONE' }],
  },
});

/** Rules of the web ACL, in evaluation order. */
export const webAclRules = (config: EnvConfig): CfnWebACL.RuleProperty[] => {
  const managed = managedRuleGroups.map(
    (group, i): CfnWebACL.RuleProperty => ({
      name: group.name,
      priority: i === 0 ? 0 : 10 + i,
      overrideAction: { none: {} },
      statement: {
        managedRuleGroupStatement: {
          vendorName: 'AWS',
          name: group.name,
          ruleActionOverrides: group.countOnly.map((name) => ({ name, actionToUse: { count: {} } })),
        },
      },
      visibilityConfig: visibility(group.name),
    }),
  );
  const [reputation, ...others] = managed;
  if (!reputation) throw new Error('no managed rule group');
  const methodIs = (method: string) => byteMatch({ method: {} }, method, 'EXACTLY');
  const publicWrites: CfnWebACL.StatementProperty = {
    andStatement: {
      statements: [
        byteMatch({ uriPath: {} }, publicWritePrefix, 'STARTS_WITH'),
        publicWriteMethods.length === 1
          ? methodIs(publicWriteMethods[0] ?? 'POST')
          : { orStatement: { statements: publicWriteMethods.map(methodIs) } },
      ],
    },
  };
  return [
    reputation,
    {
      // CloudFront is the client-facing edge, so the source address WAF sees is the viewer's own.
      name: 'RatePerClient',
      priority: 1,
      action: tooMany,
      statement: {
        rateBasedStatement: {
          limit: config.waf.requestsPer5Min,
          evaluationWindowSec: 300,
          aggregateKeyType: 'IP',
        },
      },
      visibilityConfig: visibility('RatePerClient'),
    },
    {
      name: 'RatePerClientPublicWrites',
      priority: 2,
      action: tooMany,
      statement: {
        rateBasedStatement: {
          limit: config.waf.publicWritesPer5Min,
          evaluationWindowSec: 300,
          aggregateKeyType: 'IP',
          scopeDownStatement: publicWrites,
        },
      },
      visibilityConfig: visibility('RatePerClientPublicWrites'),
    },
    ...others,
  ];
};

export interface ThiduaEdgeStackProps extends StackProps {
  config: EnvConfig;
}

/**
 * What CloudFront needs from us-east-1: the WAF web ACL (and its log group). Deployed before the main stack,
 * which reads the ACL's ARN through a CDK cross-region reference (an SSM parameter the CDK writes in the
 * main stack's region and reads back at deploy time); `cdk deploy --all` orders the two.
 */
export class ThiduaEdgeStack extends Stack {
  readonly webAcl: CfnWebACL;
  readonly logGroup: LogGroup | undefined;

  constructor(scope: Construct, id: string, props: ThiduaEdgeStackProps) {
    super(scope, id, {
      ...props,
      env: { account: props.config.account, region: edgeRegion },
      crossRegionReferences: true,
      description: `Thi đua (${props.config.envName}): WAF web ACL of the CloudFront distribution`,
    });
    const { config } = props;

    this.webAcl = new CfnWebACL(this, 'WebAcl', {
      name: `thidua-${config.envName}`,
      description: 'Managed rule groups and per-client rate limits in front of the web app and the API',
      scope: 'CLOUDFRONT',
      defaultAction: { allow: {} },
      rules: webAclRules(config),
      visibilityConfig: visibility(`thidua-${config.envName}`),
    });

    if (config.waf.logging) {
      // WAF only delivers to log groups named aws-waf-logs-*, in the web ACL's region.
      this.logGroup = new LogGroup(this, 'WafLogs', {
        logGroupName: `aws-waf-logs-thidua-${config.envName}`,
        retention: config.logRetentionDays as RetentionDays,
        removalPolicy: config.retainLogs ? RemovalPolicy.RETAIN : RemovalPolicy.DESTROY,
      });
      new CfnLoggingConfiguration(this, 'WafLogging', {
        resourceArn: this.webAcl.attrArn,
        // The log group's ARN without the trailing `:*` (WAF refuses it).
        logDestinationConfigs: [
          this.formatArn({
            service: 'logs',
            resource: 'log-group',
            resourceName: this.logGroup.logGroupName,
            arnFormat: ArnFormat.COLON_RESOURCE_NAME,
          }),
        ],
        // ID tokens never reach a log.
        redactedFields: [{ singleHeader: { Name: 'authorization' } }],
        // Only what WAF blocked or counted: allowed traffic is in the CloudFront and API access logs
        // already, and logging it all would cost more than the web ACL.
        loggingFilter: {
          DefaultBehavior: 'DROP',
          Filters: [
            {
              Behavior: 'KEEP',
              Requirement: 'MEETS_ANY',
              Conditions: [
                { ActionCondition: { Action: 'BLOCK' } },
                { ActionCondition: { Action: 'COUNT' } },
              ],
            },
          ],
        },
      });
    }
  }
}
