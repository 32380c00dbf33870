import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { VoteRule } from '../commendation/award-types';
import { type AgendaItem, tallySession } from '../commendation/council';
import type { ListEntry } from '../commendation/records';
import { listEntry } from '../testing/notifications';
import {
  ballotOpenIntent,
  batchAwaitingIntent,
  decisionToSignIntent,
  publicCommentIntent,
} from './commendations';
import { renderEmail } from './email';
import { NotificationIntent } from './schema';

const naming = { campaignId: 'kh-2026', campaignTitle: 'Phong trào thi đua "Vì an ninh Tổ quốc" năm 2026' };
const at = '2026-12-06T02:00:00.000Z';

const entryArb = fc.record({
  nominationId: fc.stringMatching(/^[a-z0-9]{4,12}$/),
  unitId: fc.constantFrom('tan-phu', 'tan-binh', 'so-tu-phap'),
  unitName: fc.constantFrom('Phường Tân Phú', 'Phường Tân Bình', 'Sở Tư pháp <Đồng Nai>'),
  nomineeKind: fc.constantFrom('collective' as const, 'individual' as const),
  nomineeName: fc.string({ minLength: 1, maxLength: 80 }),
  nomineeTitle: fc.string({ maxLength: 40 }),
  nomineeUnitName: fc.string({ maxLength: 40 }),
  awardTypeId: fc.constantFrom('bang_khen', 'giay_khen'),
  awardTypeName: fc.constantFrom('Bằng khen của Chủ tịch UBND tỉnh', 'Giấy khen'),
});
const entriesArb = fc.uniqueArray(entryArb, { minLength: 1, maxLength: 45, selector: (e) => e.nominationId });
const idArb = fc.stringMatching(/^[A-Za-z0-9_-]{6,26}$/);

const voteRule: VoteRule = {
  thresholdPercent: 50,
  comparison: 'gt',
  quorumPercent: 50,
  denominator: 'all_members',
  legalBasis: { ref: 'test', article: '', effectiveFrom: '2024-01-01', effectiveTo: null, toVerify: true },
};
const agendaOf = (entries: readonly ListEntry[]): AgendaItem[] =>
  entries.map(({ nomineeUnitName: _u, ...e }) => ({ ...e, voteRule }));

describe('the commendation events as intents', () => {
  it('are deterministic, valid, addressed to whose turn it is, and link to their page', () => {
    fc.assert(
      fc.property(entriesArb, idArb, fc.nat(20), fc.boolean(), (entries, id, version, about) => {
        const sent = { tenantId: 'dong-nai', id, unitName: 'Thành phố Biên Hòa', reference: '', entries };
        const batchOf = () =>
          batchAwaitingIntent({
            batch: { ...sent, version: version + 1 },
            provinceUnitId: 'dong-nai',
            naming,
            at,
          });
        const batch = batchOf();
        const members = entries.slice(0, 5).map((e, i) => ({ userId: `u${i}-${e.nominationId}`, name: 'x' }));
        const session = {
          tenantId: 'dong-nai',
          id,
          title: 'Phiên họp tháng 12',
          members,
          agenda: agendaOf(entries),
          // Every member agrees on the even items and disagrees on the others: the real tally decides.
          results: tallySession(
            { members, agenda: agendaOf(entries) },
            members.map(() => ({
              choices: Object.fromEntries(
                entries.map((e, i) => [e.nominationId, i % 2 === 0 ? 'agree' : 'disagree']),
              ),
            })),
          ),
          minutesNumber: '03/BB-HĐTĐKT',
        };
        const ballot = ballotOpenIntent({ session, issuingBodyName: 'Ủy ban nhân dân tỉnh', naming, at });
        const sign = decisionToSignIntent({
          session,
          signerUnitId: 'dong-nai',
          issuingBodyName: 'Ủy ban nhân dân tỉnh',
          naming,
          at,
        });
        const comment = publicCommentIntent({
          disclosure: {
            tenantId: 'dong-nai',
            id,
            title: 'Danh sách công khai',
            entries,
            closesOn: '2026-12-11',
          },
          comment: {
            id: `c-${id}`,
            nominationId: about ? (entries[0]?.nominationId ?? null) : null,
            body: 'Đề nghị xem lại thành tích',
            receivedAt: at,
          },
          provinceUnitId: 'dong-nai',
          naming,
        });
        const all = [batch, ballot, sign, comment];
        for (const i of all) NotificationIntent.parse(i);
        expect(new Set(all.map((i) => i.id)).size).toBe(4);
        // The same act gives the same ids (a replayed request writes nothing new).
        expect(batchOf()).toEqual(batch);

        expect(batch.audience).toEqual({
          type: 'unit_roles',
          unitId: 'dong-nai',
          roles: ['reviewer', 'secretariat'],
        });
        expect(ballot.audience).toEqual({ type: 'users', userIds: members.map((m) => m.userId) });
        expect(sign.audience).toEqual({ type: 'unit_roles', unitId: 'dong-nai', roles: ['chair'] });
        expect(comment.audience).toEqual({ type: 'unit_roles', unitId: 'dong-nai', roles: ['secretariat'] });

        expect(batch.subject.path).toBe(`/commendations/batches?campaign=kh-2026#batch-${id}`);
        expect(ballot.subject.path).toBe(`/commendations/vote#session-${id}`);
        expect(sign.subject.path).toBe(`/commendations/sign?campaign=kh-2026#session-${id}`);
        expect(comment.subject.path).toBe(`/commendations/disclosures?campaign=kh-2026#disclosure-${id}`);

        const passed = entries.filter((_, i) => i % 2 === 0).length;
        expect(sign.details).toContainEqual({
          label: 'Kết quả bỏ phiếu',
          value: `${passed}/${entries.length} trường hợp đạt`,
        });
        expect(batch.details).toContainEqual({ label: 'Số trường hợp', value: String(entries.length) });
        // The window's last day, in Vietnam: comments are received until its end.
        expect(comment.dueAt).toBe('2026-12-11T17:00:00.000Z');
        expect(comment.details?.[1]?.value).toBe(
          about
            ? `${entries[0]?.nomineeName} (${entries[0]?.unitName}) — ${entries[0]?.awardTypeName}`.slice(
                0,
                500,
              )
            : 'Cả danh sách',
        );
      }),
      { numRuns: 200 },
    );
  });

  it('the e-mail lists the particulars, escaped in HTML, with the deadline and the link', () => {
    const entries = [listEntry({ unitName: 'Sở Tư pháp <Đồng Nai>', nomineeName: 'Phòng Hộ tịch' })];
    const intent = publicCommentIntent({
      disclosure: {
        tenantId: 'dong-nai',
        id: 'd1',
        title: 'Danh sách công khai đợt 1',
        entries,
        closesOn: '2026-12-11',
      },
      comment: { id: 'c1', nominationId: 'n1', body: 'Thành tích <chưa> đúng', receivedAt: at },
      provinceUnitId: 'dong-nai',
      naming,
    });
    const mail = renderEmail(intent, 'thuongtruc@x.vn', {
      appUrl: 'https://thidua.example.vn',
      unsubscribeUrl: 'https://thidua.example.vn/u',
      recipientName: 'Lê Thị B',
      contact: 'VP',
    });
    expect(mail.subject).toBe('[Thi đua] Ý kiến góp ý công khai mới: Danh sách công khai đợt 1');
    expect(mail.text).toContain(
      'Trường hợp được góp ý: Phòng Hộ tịch (Sở Tư pháp <Đồng Nai>) — Bằng khen của Chủ tịch UBND tỉnh',
    );
    expect(mail.text).toContain(`Phong trào: ${naming.campaignTitle}`);
    expect(mail.text).toContain('Hạn: 11/12/2026');
    expect(mail.text).toContain('Nội dung: Thành tích <chưa> đúng');
    expect(mail.text).toContain(
      'https://thidua.example.vn/commendations/disclosures?campaign=kh-2026#disclosure-d1',
    );
    expect(mail.html).toContain('Sở Tư pháp &#60;Đồng Nai&#62;');
    expect(mail.html).toContain('&#34;Vì an ninh Tổ quốc&#34;');
    expect(mail.html).not.toContain('<Đồng Nai>');
  });
});
