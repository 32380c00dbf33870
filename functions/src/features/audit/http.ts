import { auditContracts as c } from '@thidua/shared/contracts';
import { requireAction } from '../../kernel/access';
import type { Deps } from '../../kernel/deps';
import { NotFound } from '../../kernel/http/errors';
import { ok, redirect, text } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { newId } from '../../kernel/ids';
import { verifyEvidence } from '../attachments/evidence-audit';
import { loadReadable } from '../submissions/use-cases';
import { type AuditEvent, verifyChain } from './chain';

/** Lambda answers are limited to 6 MB: a bigger export goes through S3 and a short-lived link. */
export const MAX_INLINE_CSV_BYTES = 5 * 1024 * 1024;

const CSV_COLUMNS = [
  'thoi_diem',
  'ma_bao_cao',
  'stt',
  'thao_tac',
  'nguoi_thuc_hien',
  'don_vi_thuc_hien',
  'vai_tro',
  'tu_trang_thai',
  'tu_cap',
  'den_trang_thai',
  'den_cap',
  'ly_do',
  'phien_ban',
  'bam_du_lieu',
  'bam_truoc',
  'bam',
] as const;

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote everything that could break a row; neutralize formula injection for spreadsheet users.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

const csvRow = (e: AuditEvent): string =>
  [
    e.at,
    e.submissionId,
    e.seq,
    e.action,
    e.actorId,
    e.actorUnitId,
    e.actorRoles.join(' '),
    e.from.state,
    e.from.level,
    e.to.state,
    e.to.level,
    e.reason,
    e.version,
    e.dataHash,
    e.prevHash,
    e.hash,
  ]
    .map(csvCell)
    .join(',');

/** Audit: verify one submission's hash chain; export a campaign's trail. */
export const auditRoutes = (d: Deps): RouteImpl[] => [
  userRoute(c.verifySubmissionAudit, async ({ identity, params }) => {
    const s = await loadReadable(d, identity, params.submissionId);
    requireAction(identity, 'read', {
      type: 'audit',
      tenantId: identity.tenantId,
      unitId: s.unitId,
      unitPath: s.unitPath,
    });
    const events = await d.submissions.history(identity.tenantId, s.id);
    const chain = verifyChain(events, s);
    const evidence = await verifyEvidence(d, identity.tenantId, s.id, events);
    const problems = [...chain.problems, ...evidence];
    return ok({ submissionId: s.id, ...chain, valid: problems.length === 0, problems });
  }),

  userRoute(c.exportCampaignAudit, async ({ identity, params, now }) => {
    requireAction(identity, 'export', { type: 'audit', tenantId: identity.tenantId });
    const campaign = await d.campaigns.get(identity.tenantId, params.campaignId);
    if (!campaign) throw new NotFound('Không tìm thấy phong trào');
    // BOM: Excel opens UTF-8 CSV with Vietnamese text correctly only with it.
    const rows: string[] = [`\uFEFF${CSV_COLUMNS.join(',')}`];
    let cursor: string | undefined;
    do {
      const page = await d.submissions.campaignEvents(identity.tenantId, campaign.id, cursor);
      for (const e of page.items) rows.push(csvRow(e));
      cursor = page.nextCursor ?? undefined;
    } while (cursor !== undefined);
    const csv = `${rows.join('\r\n')}\r\n`;
    const fileName = `nhat-ky-${campaign.id}-${now.toISOString().slice(0, 10)}.csv`;
    if (Buffer.byteLength(csv, 'utf8') <= MAX_INLINE_CSV_BYTES) {
      return text(200, csv, 'text/csv; charset=utf-8', {
        'content-disposition': `attachment; filename="${fileName}"`,
      });
    }
    const key = `${identity.tenantId}/exports/audit/${campaign.id}/${newId(now)}.csv`;
    await d.files.put(key, csv, 'text/csv; charset=utf-8');
    const link = await d.files.presignDownload(key, fileName, 'text/csv; charset=utf-8', now);
    return redirect(link.url);
  }),
];
