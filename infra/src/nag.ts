import { Stack, Validations } from 'aws-cdk-lib';
import { CfnPolicy } from 'aws-cdk-lib/aws-iam';
import { flattenCfnReference } from 'cdk-nag/lib/utils/flatten-cfn-reference';
import type { IConstruct } from 'constructs';

/**
 * Acknowledge a cdk-nag finding on a construct and everything below it, with the reason it is acceptable.
 * (cdk-nag 3 runs as a CDK policy-validation plugin and reads these acknowledgements; a granular finding
 * is named `Rule[Finding]`, e.g. `AwsSolutions-IAM5[Resource::<BucketArn>/*]`.)
 */
export const acknowledge = (scope: IConstruct, id: string, reason: string): void => {
  Validations.of(scope).acknowledge({ id, reason });
};

/** Several acknowledgements on one construct. */
export const acknowledgeAll = (
  scope: IConstruct,
  findings: readonly { id: string; reason: string }[],
): void => {
  for (const f of findings) acknowledge(scope, f.id, f.reason);
};

interface PolicyStatementJson {
  Effect?: string;
  Action?: string | string[];
  Resource?: unknown;
}

const asArray = (v: unknown): unknown[] => (Array.isArray(v) ? v : v === undefined ? [] : [v]);

/**
 * The AwsSolutions-IAM5 findings of every IAM policy below `scope`, computed the way cdk-nag computes them.
 * Only for roles the CDK itself creates and we cannot shape (the BucketDeployment handler): our own
 * roles are written without wildcard actions, and their one wildcard resource is acknowledged by name.
 */
export const wildcardFindings = (scope: IConstruct): string[] => {
  const findings = new Set<string>();
  for (const node of scope.node.findAll()) {
    if (!(node instanceof CfnPolicy)) continue;
    const doc = Stack.of(node).resolve(node.policyDocument) as { Statement?: PolicyStatementJson[] };
    for (const statement of doc.Statement ?? []) {
      if (statement.Effect !== 'Allow') continue;
      for (const action of asArray(statement.Action)) {
        if (typeof action === 'string' && action.includes('*'))
          findings.add(`AwsSolutions-IAM5[Action::${action}]`);
      }
      for (const resource of asArray(statement.Resource)) {
        const flat = flattenCfnReference(resource);
        if (flat.includes('*')) findings.add(`AwsSolutions-IAM5[Resource::${flat}]`);
      }
    }
  }
  return [...findings];
};
