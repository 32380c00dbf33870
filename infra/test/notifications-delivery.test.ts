import type { CfnElement } from 'aws-cdk-lib';
import { Match } from 'aws-cdk-lib/assertions';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { cleanup, type Synthesized, synth } from './helpers';

let s: Synthesized;
beforeAll(() => {
  s = synth();
});
afterAll(() => cleanup(s));

const notificationsFn = () => {
  const fn = s.stack.functions.get('notifications');
  if (!fn) throw new Error('no notifications function');
  const id = s.stack.getLogicalId(fn.node.defaultChild as CfnElement);
  return { id, props: s.template.findResources('AWS::Lambda::Function')[id]?.Properties };
};

describe('the delivery of notifications on AWS', () => {
  it('the stream wakes the consumer for new outbox items only — the commendation events are the same item type', () => {
    const { id } = notificationsFn();
    s.template.hasResourceProperties('AWS::Lambda::EventSourceMapping', {
      FunctionName: { Ref: id },
      BisectBatchOnFunctionError: true,
      FunctionResponseTypes: ['ReportBatchItemFailures'],
      FilterCriteria: {
        Filters: [
          {
            Pattern: JSON.stringify({
              eventName: ['INSERT'],
              dynamodb: { NewImage: { type: { S: ['NotificationIntent'] } } },
            }),
          },
        ],
      },
    });
  });

  it('a claimed e-mail is held longer than the function can live, and swept every 10 minutes after', () => {
    const { id, props } = notificationsFn();
    const env = props?.Environment?.Variables as Record<string, string>;
    const timeoutMs = Number(props?.Timeout ?? 3) * 1000;
    expect(Number(env.NOTIFY_LEASE_MS)).toBeGreaterThanOrEqual(5 * timeoutMs);
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(10 minutes)',
      State: 'ENABLED',
      Target: Match.objectLike({
        Arn: { 'Fn::GetAtt': [id, 'Arn'] },
        Input: JSON.stringify({ job: 'notification-redeliver' }),
      }),
    });
    s.template.hasResourceProperties('AWS::Scheduler::Schedule', {
      ScheduleExpression: 'rate(1 hour)',
      Target: Match.objectLike({ Input: JSON.stringify({ job: 'notification-reminders' }) }),
    });
  });
});
