import {
  blankFor,
  type CertificateBlank,
  type CertificateValues,
  certificateHtml,
  certificateValues,
  sampleCertificateValues,
  splitUnitBodyId,
} from '@thidua/shared/commendation';
import type { Identity } from '@thidua/shared/org';
import { requireAllowed } from '../../kernel/access';
import { NotFound, RuleViolation } from '../../kernel/http/errors';
import { type CommendationDeps, commendationConfigOf, provinceResource, rootUnit } from './context';
import { loadDecision } from './decisions-read';
import { concreteBody } from './register';

/**
 * The blank of a campaign's configuration, or 404. Printing is the issuing office's work: the province's
 * for its decisions, a commune's (ward's, department's) for the decisions its head made (`unitId`).
 */
const blankOf = async (
  d: CommendationDeps,
  identity: Identity,
  campaignId: string,
  blankId: string,
  unitId?: string,
) => {
  requireAllowed(
    identity,
    'export',
    unitId
      ? { type: 'decision', tenantId: identity.tenantId, unitId, headDecision: true }
      : await provinceResource(d, identity.tenantId, 'decision'),
  );
  const { config } = await commendationConfigOf(d, identity.tenantId, campaignId);
  const blank = (config.certificateBlanks ?? []).find((b) => b.id === blankId);
  if (!blank) throw new NotFound('Không có phôi này trong cấu hình');
  return { config, blank };
};

/** What prints on a blank: one page of values per certificate; HTML (preview) and PDF render the same. */
export interface CertificatePrint {
  blank: CertificateBlank;
  pages: CertificateValues[];
  title: string;
  testPrint: boolean;
}

export const printableHtml = (p: CertificatePrint) => ({
  html: certificateHtml(p.blank, p.pages, { testPrint: p.testPrint, title: p.title }),
  blankId: p.blank.id,
  count: p.pages.length,
});

/** The test print of a blank: sample values in their boxes, to lay over a real blank and measure. */
export const testPrint = async (
  d: CommendationDeps,
  identity: Identity,
  campaignId: string,
  blankId: string,
) => {
  // At the province the province's office prints; elsewhere the unit's own (for its head's decisions).
  const root = await rootUnit(d, identity.tenantId);
  const { blank } = await blankOf(
    d,
    identity,
    campaignId,
    blankId,
    identity.unitId === root.id ? undefined : identity.unitId,
  );
  return {
    blank,
    pages: [sampleCertificateValues],
    title: `In thử — ${blank.name}`,
    testPrint: true,
  } satisfies CertificatePrint;
};

/**
 * The certificates of a signed decision on one blank: every awarded line not revoked whose award type
 * prints on that blank (or the one line asked for). 422 when none does.
 */
export const decisionCertificates = async (
  d: CommendationDeps,
  identity: Identity,
  decisionId: string,
  blankId: string,
  nominationId?: string,
) => {
  const decision = await loadDecision(d, identity, identity.tenantId, decisionId);
  const [{ config, blank }, revocations] = await Promise.all([
    blankOf(
      d,
      identity,
      decision.campaignId,
      blankId,
      decision.decidedBy === 'head'
        ? (splitUnitBodyId(decision.issuingBodyId).unitId ?? undefined)
        : undefined,
    ),
    d.commendations.revocations(identity.tenantId, decision.id),
  ]);
  const revoked = new Set(revocations.map((r) => r.nominationId));
  const lines = decision.entries.filter(
    (e) =>
      e.outcome === 'awarded' &&
      !revoked.has(e.nominationId) &&
      (nominationId === undefined || e.nominationId === nominationId) &&
      blankFor([blank], e.awardTypeId) !== null,
  );
  if (lines.length === 0)
    throw new RuleViolation(
      'Không có trường hợp nào của quyết định in trên phôi này',
      [],
      'nothing_to_print',
    );
  const place = (await concreteBody(d, identity.tenantId, config, decision.issuingBodyId))?.place ?? '';
  const achievement = `Đã có thành tích xuất sắc trong ${config.movementTitle}`;
  return {
    blank,
    pages: lines.map((e) => certificateValues(decision, e, place, achievement)),
    title: `Quyết định số ${decision.numberText}`,
    testPrint: false,
  } satisfies CertificatePrint;
};
