import { chainKey } from '../../kernel/data/chain-key';
import type { Deps } from '../../kernel/deps';
import { anchorTenant } from './anchor';

/**
 * Scheduled work of the audit function. The same event arrives from the local scheduler
 * (functions/local/scheduler.ts) and, on AWS, from the EventBridge Scheduler schedule in infra/src/audit.ts:
 * `{ "job": "audit-anchor" }`.
 */
export const AUDIT_ANCHOR_JOB = 'audit-anchor';

export interface ScheduledJobEvent {
  job: string;
  /** When the schedule fired (the local scheduler's clock); default now. */
  time?: string;
}

export const isScheduledJob = (event: unknown): event is ScheduledJobEvent =>
  typeof event === 'object' && event !== null && typeof (event as { job?: unknown }).job === 'string';

export interface JobResult {
  job: string;
  anchored: { tenantId: string; chains: number; at: string }[];
}

/** Anchors the chain heads of every tenant of the deployment (`AUDIT_TENANTS`). */
export const runAuditJob = async (
  d: Pick<Deps, 'config' | 'clients'>,
  event: ScheduledJobEvent,
  store: Parameters<typeof anchorTenant>[1],
): Promise<JobResult> => {
  if (event.job !== AUDIT_ANCHOR_JOB) throw new Error(`unknown scheduled job ${event.job}`);
  const now = event.time ? new Date(event.time) : new Date();
  const ref = { table: d.config.tableName, client: d.clients.doc };
  const anchored: JobResult['anchored'] = [];
  for (const tenantId of d.config.auditTenants) {
    const a = await anchorTenant(ref, store, chainKey(), tenantId, now);
    anchored.push({ tenantId, chains: Object.keys(a.heads).length, at: a.at });
  }
  return { job: event.job, anchored };
};
