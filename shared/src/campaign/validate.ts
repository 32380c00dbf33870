import type { CalendarDate, Id } from '../common';
import { type ChainConfig, type ChainLevel, deriveChain, selectChainConfig } from '../org/chain';
import { treeOn } from '../org/dated';
import type { Unit } from '../org/schema';
import type { UnitLookup } from '../org/tree';
import { parsePeriod } from '../workflow/period';
import { filesForm, isParticipant } from './helpers';
import type { Campaign } from './schema';

/**
 * What the campaign builder checks before a campaign is published (issue 14): everything that would
 * otherwise surface months later as a unit that cannot file, a deadline before its own window, or a chain
 * that names a tier the province no longer has. Errors block publication; warnings are shown and may be
 * accepted. Messages are Vietnamese and point at the field (`forms.0.deadlines.2.dueAt`).
 */
export interface CampaignIssue {
  path: string;
  message: string;
}

export interface CampaignCheck {
  errors: CampaignIssue[];
  warnings: CampaignIssue[];
}

export interface CampaignCheckContext {
  /** The tenant's units (every version the tree knows; `asOf` picks the ones in force). */
  units: readonly Unit[];
  unitsById: UnitLookup;
  /** The date the tree is read at: usually the day the campaign's first window opens, or today. */
  asOf: CalendarDate;
  /** Published versions of each template the campaign may use. */
  publishedTemplates: ReadonlyMap<Id, readonly number[]>;
}

const ms = (instant: string): number => Date.parse(instant);

export function checkCampaign(c: Campaign, ctx: CampaignCheckContext): CampaignCheck {
  const errors: CampaignIssue[] = [];
  const warnings: CampaignIssue[] = [];
  const err = (path: string, message: string) => errors.push({ path, message });
  const warn = (path: string, message: string) => warnings.push({ path, message });

  const seenContent = new Set<number>();
  c.contents.forEach((k, i) => {
    if (seenContent.has(k.no)) err(`contents.${i}.no`, `Nội dung số ${k.no} bị trùng`);
    seenContent.add(k.no);
  });
  if (!/^\d+\/[A-ZĐ0-9-]+(\/[A-ZĐ0-9-]+)?$/u.test(c.number))
    warn('number', 'Số, ký hiệu kế hoạch thường có dạng "38/KH-UBND"');

  c.periods.forEach((p, i) => {
    const parts = parsePeriod(p);
    if (parts && Number(parts.year) !== c.year)
      warn(`periods.${i}`, `Kỳ ${p} không thuộc năm ${c.year} của phong trào`);
  });
  if (new Set(c.periods).size !== c.periods.length) err('periods', 'Có kỳ báo cáo bị trùng');

  // Participants, in the tree as of the date.
  const active = [...treeOn(ctx.units, ctx.asOf).values()];
  const participants = active.filter((u) => isParticipant(c, u, ctx.asOf));
  if (participants.length === 0)
    err('participants', `Không có đơn vị nào tham gia theo cây đơn vị ngày ${ctx.asOf}`);
  const known = (id: Id) => active.some((u) => u.id === id);
  c.participants.unitIds.forEach((id, i) => {
    if (!known(id)) err(`participants.unitIds.${i}`, `Đơn vị ${id} không có hoặc đã ngừng hoạt động`);
  });
  const kindsInForce = new Set(active.map((u) => u.kind));
  c.participants.unitKinds.forEach((k, i) => {
    if (!kindsInForce.has(k))
      err(`participants.unitKinds.${i}`, `Cây đơn vị ngày ${ctx.asOf} không còn cấp "${k}"`);
  });

  // Chains: every filing unit gets one, and no rule names a tier the tree no longer has.
  const config = selectChainConfig(c.chainConfigs, ctx.asOf);
  if (config === null) err('chainConfigs', `Không có luồng duyệt nào có hiệu lực ngày ${ctx.asOf}`);
  else {
    const at = c.chainConfigs.indexOf(config);
    config.rules.forEach((r, i) => {
      r.reviewerKinds.forEach((k, j) => {
        if (!kindsInForce.has(k) && !r.optionalKinds.includes(k))
          err(
            `chainConfigs.${at}.rules.${i}.reviewerKinds.${j}`,
            `Cấp duyệt "${k}" không còn trong cây đơn vị`,
          );
      });
    });
    const failed = new Map<string, string>();
    for (const u of participants) {
      const d = deriveChain(config, ctx.unitsById, u.id, ctx.asOf);
      if (!d.ok && !failed.has(d.error.message)) failed.set(d.error.message, u.name);
    }
    for (const [message, unitName] of failed) err(`chainConfigs.${at}`, `${unitName}: ${message}`);
  }

  const formKeys = new Set<string>();
  c.forms.forEach((f, i) => {
    const at = `forms.${i}`;
    if (formKeys.has(f.formKey)) err(`${at}.formKey`, `Biểu mẫu "${f.formKey}" bị khai báo hai lần`);
    formKeys.add(f.formKey);
    if (!(ctx.publishedTemplates.get(f.templateId) ?? []).includes(f.templateVersion))
      err(`${at}.templateVersion`, `Mẫu ${f.templateId} chưa có phiên bản ${f.templateVersion} đã ban hành`);
    f.periods.forEach((p, j) => {
      if (!c.periods.includes(p)) err(`${at}.periods.${j}`, `Kỳ ${p} không thuộc các kỳ của phong trào`);
    });
    if (!participants.some((u) => filesForm(c, f, u, ctx.asOf)))
      err(`${at}.unitKinds`, 'Không đơn vị tham gia nào phải nộp biểu mẫu này');

    const inForm = (p: string | null) => p === null || f.periods.includes(p);
    f.entryWindows.forEach((w, j) => {
      if (ms(w.opensAt) >= ms(w.closesAt))
        err(`${at}.entryWindows.${j}.closesAt`, 'Hạn nhập phải sau ngày mở');
      if (!inForm(w.period)) err(`${at}.entryWindows.${j}.period`, `Kỳ ${w.period} không thuộc biểu mẫu`);
    });
    f.entryWindows.forEach((w, j) => {
      f.entryWindows.forEach((o, k) => {
        if (k > j && o.period === w.period)
          err(`${at}.entryWindows.${k}.period`, `Kỳ ${w.period ?? '(mọi kỳ)'} có hai thời hạn nhập liệu`);
      });
    });
    f.lockExceptions.forEach((x, j) => {
      const unit = active.find((u) => u.id === x.unitId);
      if (!unit || !filesForm(c, f, unit, ctx.asOf))
        err(`${at}.lockExceptions.${j}.unitId`, 'Đơn vị được gia hạn không phải nộp biểu mẫu này');
      if (!inForm(x.period)) err(`${at}.lockExceptions.${j}.period`, `Kỳ ${x.period} không thuộc biểu mẫu`);
      if (x.reason.trim().length < 3) err(`${at}.lockExceptions.${j}.reason`, 'Cần ghi lý do gia hạn');
    });

    // Deadlines: within the form's periods, after the window opens, and in the order the work flows.
    const order = { submit: 0, sign_off: 1, review: 2 } as const;
    f.deadlines.forEach((d, j) => {
      const path = `${at}.deadlines.${j}`;
      if (!inForm(d.period)) err(`${path}.period`, `Kỳ ${d.period} không thuộc biểu mẫu`);
      if (d.stage === 'sign_off' && !c.requireUnitSignOff)
        warn(`${path}.stage`, 'Có hạn ký duyệt nhưng phong trào không bật bước thủ trưởng ký duyệt');
      if (d.reviewerKind !== undefined && !kindsInForce.has(d.reviewerKind))
        err(`${path}.reviewerKind`, `Cây đơn vị không còn cấp "${d.reviewerKind}"`);
      const window =
        f.entryWindows.find((w) => w.period === d.period) ?? f.entryWindows.find((w) => w.period === null);
      if (window && ms(d.dueAt) <= ms(window.opensAt))
        err(`${path}.dueAt`, 'Hạn này trước cả ngày mở nhập liệu');
      f.deadlines.forEach((o, k) => {
        if (k === j || o.period !== d.period || order[o.stage] >= order[d.stage]) return;
        if (ms(d.dueAt) < ms(o.dueAt))
          err(`${path}.dueAt`, `Hạn bước sau (${d.stage}) sớm hơn hạn bước trước (${o.stage})`);
      });
    });
    if (config) checkReviewOrder(f.deadlines, config, at, err);
  });
  return { errors, warnings };
}

/** Review deadlines must follow the chain upwards: a district's before the province's. */
function checkReviewOrder(
  deadlines: Campaign['forms'][number]['deadlines'],
  config: ChainConfig,
  at: string,
  err: (path: string, message: string) => void,
): void {
  const rank = new Map<string, number>();
  for (const r of config.rules)
    for (const [i, k] of r.reviewerKinds.entries()) rank.set(k, Math.max(rank.get(k) ?? 0, i));
  deadlines.forEach((d, j) => {
    if (d.stage !== 'review' || d.reviewerKind === undefined) return;
    deadlines.forEach((o) => {
      if (o === d || o.stage !== 'review' || o.period !== d.period || o.reviewerKind === undefined) return;
      const below = (rank.get(o.reviewerKind) ?? 0) < (rank.get(d.reviewerKind ?? '') ?? 0);
      if (below && ms(d.dueAt) < ms(o.dueAt))
        err(
          `${at}.deadlines.${j}.dueAt`,
          `Hạn thẩm định cấp "${d.reviewerKind}" sớm hơn hạn cấp "${o.reviewerKind}" bên dưới`,
        );
    });
  });
}

/** The chain a unit will get if it files on `onDate`: the builder's preview. */
export function previewChain(
  c: Campaign,
  unitsById: UnitLookup,
  unitId: Id,
  onDate: CalendarDate,
): { ok: true; chain: ChainLevel[] } | { ok: false; message: string } {
  const config = selectChainConfig(c.chainConfigs, onDate);
  if (config === null) return { ok: false, message: `Không có luồng duyệt nào có hiệu lực ngày ${onDate}` };
  const d = deriveChain(config, unitsById, unitId, onDate);
  return d.ok ? { ok: true, chain: d.chain } : { ok: false, message: d.error.message };
}
