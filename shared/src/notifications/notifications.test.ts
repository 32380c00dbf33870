import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { Role } from '../org';
import { returnedIntent } from '../testing/notifications';
import { type Position, type Submission, submissionStates, WorkflowEvent } from '../workflow/types';
import { renderEmail } from './email';
import {
  daysLeft,
  defaultReminderPolicy,
  manualReminders,
  type Obligation,
  plannedReminders,
  ReminderPolicy,
} from './reminders';
import { defaultPreferences, emailTiming, NotificationIntent } from './schema';
import { submissionNotifications } from './submissions';

const chainOf = (n: number) =>
  ['huyen', 'tinh', 'trung-uong']
    .slice(0, n)
    .map((id) => ({ unitId: id, unitName: id, unitKind: 'district' as const }));

const submission = (chainLength: number, to: Position): Submission => ({
  tenantId: 'binh-phuoc',
  id: 'sub-1',
  campaignId: 'kh38-2023',
  formKey: 'periodic_report',
  templateId: 't',
  templateVersion: 1,
  period: '2023-Q1',
  unitId: 'xa',
  unitName: 'Xã Tân Thành',
  unitPath: ['tinh', 'huyen'],
  chain: chainOf(chainLength),
  state: to.state,
  level: to.level,
  returnedFromLevel: null,
  version: 3,
  data: {},
  filledBy: ['u1'],
  submittedBy: 'u1',
  createdBy: 'u1',
  createdAt: '2023-03-01T00:00:00.000Z',
  updatedAt: '2023-03-02T00:00:00.000Z',
  dueAt: '2023-03-20T17:00:00.000Z',
  lastEventHash: 'h',
  eventSeq: 3,
});

const states = submissionStates;
const actions = WorkflowEvent.shape.action.options;

const positionArb = (chainLength: number) =>
  fc
    .record({ state: fc.constantFrom(...states), level: fc.nat(chainLength - 1) })
    .map((p): Position => ({ state: p.state, level: p.state === 'under_review' ? p.level : null }));

const caseArb = fc.integer({ min: 1, max: 3 }).chain((n) =>
  fc.record({
    chainLength: fc.constant(n),
    from: positionArb(n),
    to: positionArb(n),
    action: fc.constantFrom(...actions),
    seq: fc.nat(500),
    reason: fc.option(fc.string({ minLength: 3, maxLength: 40 }), { nil: null }),
    fields: fc.uniqueArray(fc.constantFrom('cases', 'cleared', 'note', 'rate'), { maxLength: 3 }),
  }),
);

const naming = { formTitle: 'Báo cáo kết quả', periodText: 'quý I/2023' };
const authorRoleSet: Role[] = ['submitter', 'unit_head'];

describe('submissionNotifications', () => {
  it('addresses whoever the event made responsible, deterministically and in the intent schema', () => {
    fc.assert(
      fc.property(caseArb, (c) => {
        const s = submission(c.chainLength, c.to);
        const event: WorkflowEvent = {
          submissionId: s.id,
          action: c.action,
          actorId: 'actor',
          actorUnitId: 'somewhere',
          actorRoles: ['reviewer'],
          at: '2023-03-05T02:00:00.000Z',
          from: c.from,
          to: c.to,
          reason: c.reason,
        };
        const input = { submission: s, event, eventSeq: c.seq, naming, commentedFields: c.fields };
        const out = submissionNotifications(input);
        expect(submissionNotifications(input)).toEqual(out);
        expect(new Set(out.map((i) => i.id)).size).toBe(out.length);
        for (const i of out) {
          NotificationIntent.parse(i);
          expect(i.id).toContain(`#${c.seq}#`);
          expect(i.reason).toBe(c.reason);
        }
        const kinds = out.map((i) => i.kind);
        switch (c.to.state) {
          case 'under_review':
            expect(out).toHaveLength(1);
            expect(out[0]?.audience).toEqual({
              type: 'unit_roles',
              unitId: s.chain[c.to.level ?? -1]?.unitId,
              roles: ['reviewer', 'secretariat'],
            });
            break;
          case 'returned':
          case 'approved':
          case 'rejected':
            expect(kinds).toEqual([c.to.state]);
            expect(out[0]?.audience).toEqual({ type: 'unit_roles', unitId: 'xa', roles: authorRoleSet });
            if (c.to.state === 'returned') expect(out[0]?.subject.fieldKey).toBe(c.fields[0]);
            break;
          case 'awaiting_signoff':
            expect(kinds).toEqual(c.action === 'submit' ? ['awaiting_signoff'] : []);
            break;
          case 'withdrawn':
            expect(kinds).toEqual(c.from.state === 'under_review' ? ['withdrawn'] : []);
            break;
          case 'draft':
            expect(out).toEqual([]);
        }
      }),
      { numRuns: 500 },
    );
  });
});

const obligation = (status: Obligation['status'], dueAt: string): Obligation => ({
  tenantId: 'dong-nai',
  campaignId: 'c2026',
  formKey: 'monthly',
  period: '2026-Q4',
  unitId: 'p-binh-phuoc',
  unitName: 'Phường Bình Phước',
  reviewerUnitId: 'dn',
  status,
  dueAt,
  naming,
});

describe('plannedReminders', () => {
  it('counts calendar days in Vietnam, not in UTC', () => {
    // 23:30 on the 9th in Vietnam is still the 9th there; the deadline ends the 10th (17:00Z).
    expect(daysLeft('2026-12-09T16:30:00.000Z', '2026-12-10T17:00:00.000Z')).toBe(1);
    expect(daysLeft('2026-12-09T17:30:00.000Z', '2026-12-10T17:00:00.000Z')).toBe(0);
  });

  it('sends each step once over any schedule of runs, in order, and nothing to units that filed', () => {
    const policyArb = fc
      .record({
        daysBefore: fc.uniqueArray(fc.integer({ min: 1, max: 10 }), { maxLength: 3 }),
        a: fc.integer({ min: 1, max: 5 }),
        b: fc.integer({ min: 1, max: 5 }),
      })
      .map((p) => ReminderPolicy.parse({ daysBefore: p.daysBefore, escalateAfterDays: [p.a, p.a + p.b] }));
    const runsArb = fc.uniqueArray(fc.integer({ min: -15 * 24, max: 20 * 24 }), {
      minLength: 1,
      maxLength: 60,
    });
    fc.assert(
      fc.property(
        policyArb,
        runsArb,
        fc.constantFrom<Obligation['status']>('not_started', 'in_progress', 'submitted', 'approved'),
        (policy, hours, status) => {
          const dueAt = '2026-12-10T17:00:00.000Z';
          const o = obligation(status, dueAt);
          const sent = new Map<string, number>();
          for (const h of [...hours].sort((x, y) => x - y)) {
            const now = new Date(Date.parse(dueAt) + h * 3_600_000).toISOString();
            const out = plannedReminders([o], policy, now);
            expect(plannedReminders([o], policy, now)).toEqual(out);
            for (const i of out) {
              NotificationIntent.parse(i);
              const before = Date.parse(now) < Date.parse(dueAt);
              if (i.kind === 'deadline_soon') expect(before).toBe(true);
              else expect(before).toBe(false);
              if (!sent.has(i.id)) sent.set(i.id, h);
            }
          }
          if (status === 'submitted' || status === 'approved') expect(sent.size).toBe(0);
          const soon = [...sent.keys()].filter((id) => id.includes('#before-'));
          expect(soon.length).toBeLessThanOrEqual(policy.daysBefore.length);
          const first = sent.get(`rem#c2026#monthly#2026-Q4#p-binh-phuoc#escalate-1`);
          const second = sent.get(`rem#c2026#monthly#2026-Q4#p-binh-phuoc#escalate-2`);
          if (second !== undefined) expect(first).toBeDefined();
          if (first !== undefined)
            expect(sent.get(`rem#c2026#monthly#2026-Q4#p-binh-phuoc#overdue`)).toBeDefined();
        },
      ),
      { numRuns: 300 },
    );
  });

  it('escalates to the unit head, then to the reviewing level', () => {
    const o = obligation('not_started', '2026-12-10T17:00:00.000Z');
    const at = (day: string) => plannedReminders([o], defaultReminderPolicy, `${day}T03:00:00.000Z`);
    expect(at('2026-12-08').map((i) => i.kind)).toEqual(['deadline_soon']);
    expect(at('2026-12-08')[0]?.id).toMatch(/#before-3$/);
    expect(at('2026-12-10')[0]?.id).toMatch(/#before-1$/);
    expect(at('2026-12-11').map((i) => i.kind)).toEqual(['overdue']);
    const late = at('2026-12-16');
    expect(late.map((i) => [i.kind, i.audience])).toEqual([
      ['overdue', { type: 'unit_roles', unitId: 'p-binh-phuoc', roles: ['submitter', 'unit_head'] }],
      ['escalation', { type: 'unit_roles', unitId: 'p-binh-phuoc', roles: ['unit_head'] }],
      ['escalation', { type: 'unit_roles', unitId: 'dn', roles: ['reviewer', 'secretariat'] }],
    ]);
  });

  it('a manual reminder is one notice per unit that has not filed, per request', () => {
    const list = [
      obligation('not_started', '2026-12-10T17:00:00.000Z'),
      obligation('approved', '2026-12-10T17:00:00.000Z'),
    ];
    const out = manualReminders(list, 'key-1', '2026-12-05T01:00:00.000Z', 'Đề nghị nộp trước thứ Sáu');
    expect(out).toHaveLength(1);
    expect(out[0]?.id).toBe('rem#c2026#monthly#2026-Q4#p-binh-phuoc#manual-key-1');
    expect(out[0]?.reason).toBe('Đề nghị nộp trước thứ Sáu');
  });
});

describe('renderEmail and preferences', () => {
  const intent = returnedIntent({
    id: 'x',
    title: 'Báo cáo <quý I>',
    fieldKey: 'cases',
    reason: 'Số vụ "đã xử lý" lớn hơn số vụ phát hiện',
    dueAt: '2026-12-10T17:00:00.000Z',
  });
  const mail = renderEmail(intent, 'a@x.vn', {
    appUrl: 'https://thidua.example.vn/',
    unsubscribeUrl: 'https://thidua.example.vn/api/unsubscribe?t=abc',
    recipientName: 'Nguyễn Văn A',
    contact: 'Văn phòng Ban Thi đua - Khen thưởng, 0251 123 456',
  });

  it('says what happened, the deadline in Vietnam, the reason and a link to the commented field', () => {
    expect(mail.subject).toBe('[Thi đua] Báo cáo bị trả lại: Báo cáo <quý I>');
    expect(mail.text).toContain('Hạn: 10/12/2026');
    expect(mail.text).toContain('https://thidua.example.vn/submissions/s1#field-cases');
    expect(mail.text).toContain('Nội dung: Số vụ "đã xử lý"');
    expect(mail.text).toContain(mail.listUnsubscribe);
  });

  it('escapes everything it puts into HTML', () => {
    expect(mail.html).not.toContain('<quý I>');
    expect(mail.html).toContain('&#60;quý I&#62;');
    expect(mail.html).toContain('&#34;đã xử lý&#34;');
  });

  it('mails action kinds at once, the rest in the digest, and never an unsubscribed kind', () => {
    const p = defaultPreferences();
    expect(emailTiming('returned', p)).toBe('now');
    expect(emailTiming('approved', p)).toBe('digest');
    expect(emailTiming('returned', { ...p, unsubscribed: ['returned'] })).toBe('none');
    expect(emailTiming('approved', { ...p, dailyDigest: false })).toBe('none');
  });
});
