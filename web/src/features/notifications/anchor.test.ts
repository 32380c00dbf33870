import {
  ballotOpenIntent,
  batchAwaitingIntent,
  decisionToSignIntent,
  notificationHref,
  publicCommentIntent,
} from '@thidua/shared/notifications';
import { listEntry } from '@thidua/shared/testing';
import { describe, expect, it } from 'vitest';
import commendations from '../commendations/module';
import { fieldOfHash, itemOfHash } from './anchor';

const naming = { campaignId: 'kh 2026', campaignTitle: 'Phong trào năm 2026' };
const at = '2026-12-06T02:00:00.000Z';
const entries = [listEntry()];
const session = {
  tenantId: 'dong-nai',
  id: 'S-1',
  title: 'Phiên họp',
  members: [{ userId: 'u1', name: 'A' }],
  agenda: [],
  results: [],
  minutesNumber: null,
};

describe('a commendation notice opens its page at its item', () => {
  const cases = [
    [
      batchAwaitingIntent({
        batch: { tenantId: 'dong-nai', id: 'B-1', unitName: 'TP', reference: '', entries, version: 2 },
        provinceUnitId: 'dong-nai',
        naming,
        at,
      }),
      'commendations/batches',
      'batch',
      'B-1',
    ],
    [
      ballotOpenIntent({ session, issuingBodyName: 'UBND', naming, at }),
      'commendations/vote',
      'session',
      'S-1',
    ],
    [
      decisionToSignIntent({ session, signerUnitId: 'dong-nai', issuingBodyName: 'UBND', naming, at }),
      'commendations/sign',
      'session',
      'S-1',
    ],
    [
      publicCommentIntent({
        disclosure: { tenantId: 'dong-nai', id: 'D-1', title: 'DS', entries, closesOn: '2026-12-11' },
        comment: { id: 'c1', nominationId: null, body: 'Ý kiến', receivedAt: at },
        provinceUnitId: 'dong-nai',
        naming,
      }),
      'commendations/disclosures',
      'disclosure',
      'D-1',
    ],
  ] as const;

  it.each(cases)(
    '%#: a route of the app, the campaign chosen, the item named by the hash',
    (intent, route, kind, id) => {
      const url = new URL(notificationHref(intent), 'https://thidua.example.vn');
      expect((commendations.appRoutes ?? []).map((r) => r.path)).toContain(url.pathname.slice(1));
      expect(url.pathname.slice(1)).toBe(route);
      if (kind !== 'session' || route.endsWith('sign'))
        expect(url.searchParams.get('campaign')).toBe('kh 2026');
      expect(itemOfHash(url.hash, kind)).toBe(id);
      expect(itemOfHash(url.hash, 'other')).toBeUndefined();
      expect(fieldOfHash(url.hash)).toBeUndefined();
    },
  );
});
