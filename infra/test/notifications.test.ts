import type { CfnElement } from 'aws-cdk-lib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DIGEST_JOB_INPUT } from '../src/notifications';
import { allStatements, asArray, cleanup, flatten, prodContext, type Synthesized, synth } from './helpers';

let prod: Synthesized;
beforeAll(() => {
  prod = synth({ context: prodContext });
});
afterAll(() => cleanup(prod));

const idOf = (c: { node: { defaultChild?: unknown } }) =>
  prod.stack.getLogicalId(c.node.defaultChild as CfnElement);

describe('the daily digest and the unsubscribe links on AWS', () => {
  it('EventBridge Scheduler invokes the notifications function for the digest every hour at :05', () => {
    const schedules = Object.values(prod.template.findResources('AWS::Scheduler::Schedule')).filter((s) =>
      String(s.Properties.Target.Input).includes(DIGEST_JOB_INPUT.job),
    );
    expect(schedules).toHaveLength(1);
    const [digest] = schedules;
    expect(digest?.Properties.ScheduleExpression).toBe('cron(5 * * * ? *)');
    expect(JSON.parse(digest?.Properties.Target.Input)).toEqual(DIGEST_JOB_INPUT);
    const fn = idOf(prod.stack.functions.get('notifications'));
    expect(flatten(digest?.Properties.Target.Arn)).toBe(`<${fn}.Arn>`);
  });

  it('a KMS HMAC key of its own signs the links; only the notifications function may use it', () => {
    const key = idOf(prod.stack.notifications.linkKey);
    prod.template.hasResourceProperties('AWS::KMS::Key', {
      KeySpec: 'HMAC_256',
      KeyUsage: 'GENERATE_VERIFY_MAC',
    });
    const fn =
      prod.template.findResources('AWS::Lambda::Function')[idOf(prod.stack.functions.get('notifications'))];
    expect(flatten(fn?.Properties.Environment.Variables.NOTIFY_LINK_KEY_ID)).toBe(`<${key}>`);
    const users = allStatements(prod.template).filter(({ statement }) =>
      flatten(statement.Resource).includes(`<${key}.Arn>`),
    );
    expect(users.length).toBeGreaterThan(0);
    for (const { statement } of users) {
      if (statement.Effect !== 'Allow') continue;
      expect(asArray(statement.Action).sort()).toEqual(['kms:GenerateMac', 'kms:VerifyMac']);
    }
    const roleOfFn = flatten(fn?.Properties.Role);
    const holders = new Set(
      users
        .filter(({ statement }) => statement.Effect === 'Allow')
        .map(({ policy }) =>
          flatten(prod.template.findResources('AWS::IAM::Policy')[policy]?.Properties.Roles),
        ),
    );
    expect([...holders]).toEqual([roleOfFn.replace('.Arn', '')]);
  });
});
