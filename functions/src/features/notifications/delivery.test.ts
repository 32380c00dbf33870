import { marshall, unmarshall } from '@aws-sdk/util-dynamodb';
import type { Campaign } from '@thidua/shared/campaign';
import { campaign2023 } from '@thidua/shared/campaign';
import {
  defaultReminderPolicy,
  type NotificationIntent,
  notificationHref,
} from '@thidua/shared/notifications';
import { describe, expect, it } from 'vitest';
import { intentsOf, messageIdOf } from './delivery';
import { duePairs, inReminderWindow, reminderPolicyOf } from './reminders';
import { intentEntity, noticeId } from './repository';

const intent: NotificationIntent = {
  id: 'sub#S1#3#returned#u1',
  tenantId: 'binh-phuoc',
  kind: 'returned',
  audience: { type: 'unit_roles', unitId: 'u1', roles: ['submitter'] },
  subject: {
    type: 'submission',
    id: 'S1',
    title: 'Báo cáo — Xã A',
    path: '/submissions/S1',
    fieldKey: 'a.b',
  },
  reason: 'Sửa số liệu',
  dueAt: null,
  createdAt: '2026-03-10T01:00:00.000Z',
};

describe('the stream consumer picks the outbox intents out of a batch', () => {
  const record = (eventName: string, item: Record<string, unknown>) => ({
    eventName,
    dynamodb: { NewImage: marshall(item, { removeUndefinedValues: true }) as Record<string, unknown> },
  });
  const un = (img: Record<string, unknown>) => unmarshall(img as Parameters<typeof unmarshall>[0]);

  it('new outbox items only: not modifications, not other item types, not malformed intents', () => {
    const stored = intentEntity.item(intent);
    const got = intentsOf(
      [
        record('INSERT', stored),
        record('MODIFY', stored),
        record('INSERT', { ...stored, type: 'Submission' }),
        record('INSERT', { ...stored, kind: 'no_such_kind' }),
      ],
      un,
    );
    expect(got).toEqual([intent]);
  });

  it('a notice id is the same for the same intent, sorts by time, and is a valid path id', () => {
    expect(noticeId(intent)).toBe(noticeId({ ...intent }));
    expect(noticeId(intent) < noticeId({ ...intent, createdAt: '2026-03-11T01:00:00.000Z' })).toBe(true);
    expect(noticeId(intent)).toMatch(/^[A-Za-z0-9_-]{1,64}$/);
    expect(notificationHref(intent)).toBe('/submissions/S1#field-a.b');
  });
});

describe('the reminder job looks only at deadlines in its window', () => {
  it('from four days before (3 + 1) to a day after the last escalation step (5 + 1)', () => {
    const due = '2026-03-15T17:00:00.000Z';
    const at = (iso: string) => inReminderWindow(due, new Date(iso), defaultReminderPolicy);
    expect(at('2026-03-10T00:00:00.000Z')).toBe(false);
    expect(at('2026-03-12T02:00:00.000Z')).toBe(true);
    expect(at('2026-03-21T02:00:00.000Z')).toBe(true);
    expect(at('2026-03-23T02:00:00.000Z')).toBe(false);
  });

  it("a campaign's own days apply when valid; an invalid order falls back to the default", () => {
    const base: Campaign = campaign2023;
    expect(reminderPolicyOf({ ...base, reminders: { daysBefore: [7], escalateAfterDays: [1, 3] } })).toEqual({
      daysBefore: [7],
      escalateAfterDays: [1, 3],
    });
    expect(reminderPolicyOf({ ...base, reminders: { daysBefore: [7], escalateAfterDays: [5, 2] } })).toEqual(
      defaultReminderPolicy,
    );
    expect(duePairs({ ...base, status: 'closed' }, new Date('2023-03-13T00:00:00.000Z'))).toEqual([]);
  });
});

describe('an e-mail keeps one Message-ID over every attempt', () => {
  it('the same for the same intent and person, another for another person, in the sender’s domain', () => {
    const from = 'Thi đua Đồng Nai <no-reply@thidua.dongnai.gov.vn>';
    const id = messageIdOf(intent.id, 'user-1', from);
    expect(id).toMatch(/^<[0-9a-f]{40}@thidua\.dongnai\.gov\.vn>$/);
    expect(messageIdOf(intent.id, 'user-1', from)).toBe(id);
    expect(messageIdOf(intent.id, 'user-2', from)).not.toBe(id);
    expect(messageIdOf(`${intent.id}x`, 'user-1', from)).not.toBe(id);
    expect(messageIdOf(intent.id, 'user-1', 'no-reply@thidua.local')).toMatch(/@thidua\.local>$/);
  });
});
