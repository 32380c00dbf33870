import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, type Synthesized, synth } from './helpers';

let s: Synthesized;
beforeAll(() => {
  s = synth();
});
afterAll(() => cleanup(s));

describe('the anchoring of audit chain heads', () => {
  it('EventBridge Scheduler invokes the audit function every 15 minutes with the job the handler runs', () => {
    const audit = s.stack.functions.get('audit');
    if (!audit) throw new Error('no audit function');
    const fnId = s.stack.getLogicalId(audit.node.defaultChild as CfnElement);
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(15 minutes)',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [fnId, 'Arn'] },
        Input: JSON.stringify({ job: 'audit-anchor' }),
      }),
    });
    const env = s.template.findResources('AWS::Lambda::Function')[fnId]?.Properties?.Environment?.Variables;
    expect(Object.keys(env ?? {})).toEqual(
      expect.arrayContaining(['AUDIT_MAC_KEY_ID', 'AUDIT_ANCHOR_BUCKET', 'AUDIT_TENANTS']),
    );
  });
});
