import { auditContracts as c } from '@thidua/shared/contracts';
import type { Identity } from '@thidua/shared/org';
import { requireAction } from '../../kernel/access';
import { chainKey } from '../../kernel/data/chain-key';
import { submissionEntity } from '../../kernel/data/keys';
import type { Deps } from '../../kernel/deps';
import { NotFound } from '../../kernel/http/errors';
import { ok, redirect, text } from '../../kernel/http/response';
import { type RouteImpl, userRoute } from '../../kernel/http/route';
import { newId } from '../../kernel/ids';
import { verifyEvidence } from '../attachments/evidence-audit';
import { loadReadable } from '../submissions/use-cases';
import { type AnchorStore, latestAnchor } from './anchor';
import { type AuditEvent, verifyChain } from './chain';
import { type ChainRef, chainEventEntity, listChains } from './chains';
import {
  anchorProblems,
  sealProblems,
  type VerifiedChain,
  type VerifyContext,
  verifyAuditChain,
  verifyChains,
} from './verify';

/** What the audit routes read: the chains' subjects and the evidence files they name. */
type AuditDeps = Pick<
  Deps,
  | 'campaigns'
  | 'clients'
  | 'config'
  | 'files'
  | 'submissions'
  | 'users'
  | 'units'
  | 'templates'
  | 'attachments'
>;

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
  // Added with the keyed chain: the subject, the actor by name, and whether the event verifies.
  'loai_chuoi',
  'ten_nguoi_thuc_hien',
  'xac_minh',
] as const;

const csvCell = (v: unknown): string => {
  const s = v === null || v === undefined ? '' : String(v);
  // Quote everything that could break a row; neutralize formula injection for spreadsheet users.
  const safe = /^[=+\-@\t\r]/.test(s) ? `'${s}` : s;
  return /[",\n\r]/.test(safe) || safe !== s ? `"${safe.replace(/"/g, '""')}"` : safe;
};

/** Where anchors are: the Object Lock bucket on AWS, the platform's bucket locally. */
export const anchorStore = (d: Pick<Deps, 'clients' | 'config'>): AnchorStore => ({
  s3: d.clients.s3,
  bucket: d.config.auditAnchorBucket ?? d.config.bucketName,
});

const verifyContext = async (d: AuditDeps, tenantId: string, now: Date): Promise<VerifyContext> => {
  const key = chainKey();
  return {
    ref: { table: d.config.tableName, client: d.clients.doc },
    key,
    anchor: await latestAnchor(anchorStore(d), key, tenantId, now),
  };
};

/**
 * What the CSV says of each event: `hợp lệ`, or why not. An event does not verify when a problem names
 * it or an earlier event of its chain (everything after a broken link is unproven), or when its chain
 * has a problem of its own (head, MAC, anchor, current item).
 */
const verdicts = (v: VerifiedChain): Map<number, string> => {
  const out = new Map<number, string>();
  const chainWide = v.problems.filter((p) => p.seq === null).map((p) => p.problem);
  const first = Math.min(...v.problems.map((p) => p.seq ?? Number.POSITIVE_INFINITY));
  for (const e of v.events) {
    const own = v.problems.filter((p) => p.seq === e.seq).map((p) => p.problem);
    const reasons = [
      ...own,
      ...(e.seq > first && own.length === 0 ? ['sự kiện trước đó không hợp lệ'] : []),
      ...chainWide,
    ];
    out.set(e.seq, reasons.length === 0 ? 'hợp lệ' : `KHÔNG HỢP LỆ: ${reasons.join('; ')}`);
  }
  return out;
};

const scopeOf = (campaignId: string | undefined): string | null => campaignId ?? null;

/** Audit: verify chains (a submission's, any subject's, a whole campaign's); export a campaign's trail. */
export const auditRoutes = (d: AuditDeps): RouteImpl[] => {
  const requireScope = async (identity: Identity, campaignId: string | undefined) => {
    requireAction(identity, 'export', { type: 'audit', tenantId: identity.tenantId });
    if (campaignId !== undefined && !(await d.campaigns.get(identity.tenantId, campaignId)))
      throw new NotFound('Không tìm thấy phong trào');
  };

  return [
    userRoute(c.verifySubmissionAudit, async ({ identity, params, now }) => {
      const s = await loadReadable(d, identity, params.submissionId);
      requireAction(identity, 'read', {
        type: 'audit',
        tenantId: identity.tenantId,
        unitId: s.unitId,
        unitPath: s.unitPath,
      });
      const events = await d.submissions.history(identity.tenantId, s.id);
      const ctx = await verifyContext(d, identity.tenantId, now);
      const chain = verifyChain(events, s);
      const partition = submissionEntity.partition({ tenantId: identity.tenantId, id: s.id });
      const evidence = await verifyEvidence(d, identity.tenantId, s.id, events);
      const problems = [
        ...chain.problems,
        ...(await sealProblems(ctx.key, partition, events.at(-1))),
        ...anchorProblems(ctx.anchor, partition, events),
        ...evidence,
      ];
      return ok({ submissionId: s.id, ...chain, valid: problems.length === 0, problems });
    }),

    userRoute(c.listAuditChains, async ({ identity, query }) => {
      await requireScope(identity, query.campaignId);
      const chains = await listChains(
        { table: d.config.tableName, client: d.clients.doc },
        identity.tenantId,
        scopeOf(query.campaignId),
      );
      return ok({
        items: chains.map((x: ChainRef) => ({
          kind: x.kind,
          subjectId: x.subjectId,
          campaignId: x.campaignId,
          label: x.label,
          eventCount: x.seq,
          readable: x.readable,
        })),
      });
    }),

    userRoute(c.verifyAuditChains, async ({ identity, query, now }) => {
      await requireScope(identity, query.campaignId);
      const ctx = await verifyContext(d, identity.tenantId, now);
      const scope = scopeOf(query.campaignId);
      const listed = await listChains(ctx.ref, identity.tenantId, scope);
      const chains = (await verifyChains(ctx, identity.tenantId, listed, scope)).map(
        ({ events: _events, ...v }) => v,
      );
      return ok({
        valid: chains.every((x) => x.valid),
        anchoredAt: ctx.anchor.kind === 'valid' ? ctx.anchor.anchor.at : null,
        chains,
      });
    }),

    userRoute(c.verifyAuditChain, async ({ identity, params, now }) => {
      requireAction(identity, 'export', { type: 'audit', tenantId: identity.tenantId });
      const ctx = await verifyContext(d, identity.tenantId, now);
      const v = await verifyAuditChain(ctx, identity.tenantId, params.kind, params.subjectId);
      if (v.eventCount === 0 && v.problems.some((p) => p.problem.startsWith('Không còn hồ sơ')))
        throw new NotFound('Không tìm thấy chuỗi nhật ký');
      return ok(v);
    }),

    userRoute(c.exportCampaignAudit, async ({ identity, params, now }) => {
      requireAction(identity, 'export', { type: 'audit', tenantId: identity.tenantId });
      const campaign = await d.campaigns.get(identity.tenantId, params.campaignId);
      if (!campaign) throw new NotFound('Không tìm thấy phong trào');
      const ctx = await verifyContext(d, identity.tenantId, now);
      const chains = new Map<string, Promise<Map<number, string>>>();
      const verdictOf = async (kind: ChainRef['kind'], subjectId: string, seq: number) => {
        const k = `${kind}#${subjectId}`;
        let v = chains.get(k);
        if (!v) {
          v = verifyAuditChain(ctx, identity.tenantId, kind, subjectId).then(verdicts);
          chains.set(k, v);
        }
        return (await v).get(seq) ?? 'KHÔNG HỢP LỆ: sự kiện không còn trong chuỗi';
      };
      const names = new Map<string, Promise<string>>();
      const nameOf = (userId: string) => {
        let n = names.get(userId);
        if (!n) {
          n = d.users.get(identity.tenantId, userId).then(
            (u) => u?.name ?? '',
            () => '',
          );
          names.set(userId, n);
        }
        return n;
      };
      const submissionRow = async (e: AuditEvent) =>
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
          'submission',
          await nameOf(e.actorId),
          await verdictOf('submission', e.submissionId, e.seq),
        ]
          .map(csvCell)
          .join(',');
      // BOM: Excel opens UTF-8 CSV with Vietnamese text correctly only with it.
      const rows: { at: string; line: string }[] = [];
      let cursor: string | undefined;
      do {
        const page = await d.submissions.campaignEvents(identity.tenantId, campaign.id, cursor);
        for (const e of page.items) rows.push({ at: e.at, line: await submissionRow(e) });
        cursor = page.nextCursor ?? undefined;
      } while (cursor !== undefined);
      // The campaign's other chains: tờ trình, disclosures, sessions, votes, decisions, rules.
      const others = await chainEventEntity
        .on(ctx.ref)
        .all('inScope', { tenantId: identity.tenantId, campaignId: campaign.id });
      for (const e of others) {
        const line = [
          e.at,
          e.subjectId,
          e.seq,
          e.action,
          e.actorId,
          e.actorUnitId,
          e.actorRoles.join(' '),
          '',
          '',
          '',
          '',
          e.summary,
          '',
          e.subjectHash,
          e.prevHash,
          e.hash,
          e.kind,
          e.actorName,
          await verdictOf(e.kind, e.subjectId, e.seq),
        ]
          .map(csvCell)
          .join(',');
        rows.push({ at: e.at, line });
      }
      rows.sort((a, b) => (a.at < b.at ? -1 : a.at > b.at ? 1 : 0));
      const csv = `\uFEFF${[CSV_COLUMNS.join(','), ...rows.map((r) => r.line)].join('\r\n')}\r\n`;
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
};
