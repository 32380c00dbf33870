import { campaignItem, templateItem } from '@thidua/functions/features/campaigns/repository';
import { unitItem, userItem } from '@thidua/functions/features/org/repository';
import {
  createSubmissionRepository,
  type StoredSubmission,
  type SubmissionRepository,
} from '@thidua/functions/features/submissions/repository';
import { counterDeltas } from '@thidua/functions/kernel/data/counters';
import type { TxItem } from '@thidua/functions/kernel/data/transact';
import { newId } from '@thidua/functions/kernel/ids';
import { Campaign, campaign2023 } from '@thidua/shared/campaign';
import { type FormTemplate, templates2023 } from '@thidua/shared/forms';
import type { Identity, Role, Unit, User } from '@thidua/shared/org';
import {
  createDraft,
  rulesFor,
  saveDraft,
  type TransitionResult,
  transition,
  type WorkflowAction,
} from '@thidua/shared/workflow';
import type { BatchWriter } from './batch-write';
import { sampleData } from './form-data';
import type { ScaleSpec, TenantShape } from './scales';

/**
 * The benchmark's dataset, made by the product's own code: units, users, campaigns and templates as
 * the repositories' item builders write them (`unitItem`, `userItem`, `campaignItem`, `templateItem`);
 * every submission lived through the shared workflow (`createDraft`, `saveDraft`, `transition`) and
 * the submission repository's transaction plans (`planCreate`, `planChange`) — events hash-chained,
 * snapshots, list entries, completeness cells and counters exactly as the API writes them. Only the
 * transport differs: instead of one TransactWriteItems per step, the final items are bulk-written.
 */
export const MAIN_TENANT = 'binh-phuoc';

export interface PoolSubmission {
  tenantId: string;
  id: string;
  version: number;
  unitId: string;
  /** The district the commune belongs to (its first reviewer). */
  districtId: string;
}

export interface TenantWorld {
  tenantId: string;
  province: Unit;
  districts: Unit[];
  communesByDistrict: Map<string, Unit[]>;
  departments: Unit[];
  units: Map<string, Unit>;
  users: User[];
  campaigns: Campaign[];
}

export interface Dataset {
  main: TenantWorld;
  tenants: number;
  units: number;
  users: number;
  submissions: number;
  events: number;
  items: number;
  approvals: PoolSubmission[];
  drafts: PoolSubmission[];
  provinceInbox: number;
  details: PoolSubmission[];
  /** (campaign, form, period) triples for which the districts' completeness has cells. */
  completenessScopes: { campaignId: string; formKey: string; period: string }[];
  /** Items of the write pools as seeded (the restore between an API run and its floor replay). */
  seededItems(submissionIds: readonly string[]): Record<string, unknown>[];
  /** The draft data the save scenario sends (valid in draft mode). */
  draftData: Record<string, unknown>;
  draftTemplateId: string;
}

const itemKey = (item: { pk?: unknown; sk?: unknown }): string =>
  `${String(item.pk)}\u0000${String(item.sk)}`;

const OPENED_ON = '2000-01-01';
const two = (n: number): string => String(n).padStart(2, '0');

function buildUnits(
  tenantId: string,
  shape: TenantShape,
  provinceName: string,
): Omit<TenantWorld, 'users' | 'campaigns'> {
  const units = new Map<string, Unit>();
  const make = (id: string, kind: string, name: string, parent: Unit | null): Unit => {
    const unit: Unit = {
      tenantId,
      id,
      kind,
      name,
      parentId: parent?.id ?? null,
      path: parent ? [...parent.path, parent.id] : [],
      openedOn: OPENED_ON,
      closedOn: null,
      successorId: null,
    };
    units.set(id, unit);
    return unit;
  };
  const province = make(tenantId, 'province', provinceName, null);
  const districts: Unit[] = [];
  const communesByDistrict = new Map<string, Unit[]>();
  for (let d = 1; d <= shape.districts; d++) {
    const district = make(`huyen-${two(d)}`, 'district', `Huyện số ${d}`, province);
    districts.push(district);
    const communes: Unit[] = [];
    for (let c = 1; c <= shape.communesPerDistrict; c++) {
      communes.push(make(`xa-${two(d)}-${two(c)}`, 'commune', `Xã số ${c} huyện ${d}`, district));
    }
    communesByDistrict.set(district.id, communes);
  }
  const departments: Unit[] = [];
  for (let s = 1; s <= shape.departments; s++)
    departments.push(make(`so-${two(s)}`, 'department', `Sở số ${s}`, province));
  return { tenantId, province, districts, communesByDistrict, departments, units };
}

const rolesByKind: Record<string, Role[][]> = {
  province: [
    ['reviewer'],
    ['secretariat'],
    ['admin'],
    ['council_member'],
    ['chair'],
    ['reviewer'],
    ['council_member'],
  ],
  district: [['reviewer'], ['submitter'], ['unit_head'], ['reviewer'], ['submitter']],
  commune: [['submitter'], ['unit_head'], ['submitter'], ['submitter'], ['submitter']],
  department: [['submitter'], ['unit_head'], ['submitter']],
};

function buildUsers(world: Omit<TenantWorld, 'users' | 'campaigns'>, count: number): User[] {
  const units = [...world.units.values()];
  const users: User[] = [];
  const taken = new Map<string, number>();
  for (let i = 0; users.length < count && i < count * 10; i++) {
    const unit = units[i % units.length] as Unit;
    const n = taken.get(unit.id) ?? 0;
    const cycle = rolesByKind[unit.kind] ?? [['submitter']];
    taken.set(unit.id, n + 1);
    const roles = cycle[n % cycle.length] ?? ['submitter'];
    const id = `u-${world.tenantId}-${unit.id}-${n + 1}`;
    users.push({
      tenantId: world.tenantId,
      id,
      email: `${unit.id}.${n + 1}@${world.tenantId}.thidua.vn`,
      name: `Cán bộ ${n + 1} ${unit.name}`,
      title: roles.includes('reviewer') ? 'Chuyên viên thẩm định' : 'Cán bộ',
      unitId: unit.id,
      roles,
      active: true,
    });
  }
  return users;
}

/** The 2023 plan as it would have been issued in `year` (same forms and templates, dates moved). */
export function campaignForYear(tenantId: string, year: number): Campaign {
  const base = campaign2023;
  if (year === base.year) return { ...base, tenantId };
  const y = String(year);
  const shift = (s: string): string => s.replace(/^\d{4}/, y);
  return Campaign.parse({
    ...base,
    tenantId,
    id: `kh38-${y}`,
    issuedOn: shift(base.issuedOn),
    year,
    title: base.title.replace(String(base.year), y),
    periods: base.periods.map(shift),
    forms: base.forms.map((f) => ({
      ...f,
      periods: f.periods.map(shift),
      deadlines: f.deadlines.map((d) => ({
        ...d,
        ...(d.period ? { period: shift(d.period) } : {}),
        dueAt: shift(d.dueAt),
      })),
    })),
    chainConfigs: base.chainConfigs.map((c) => ({ ...c, effectiveFrom: `${y}-01-01` })),
  });
}

interface Slot {
  campaign: Campaign;
  formKey: string;
  template: FormTemplate;
  period: string;
  unit: Unit;
}

const PERIOD_MONTH: Record<string, number> = { Q1: 3, H1: 6, Q2: 6, Q3: 9, Q4: 11, H2: 11, Y: 11 };

/** Every (unit, form, period) of a campaign, the districts' communes interleaved (round-robin). */
function slotsOf(
  world: Omit<TenantWorld, 'users' | 'campaigns'>,
  campaign: Campaign,
  templates: Map<string, FormTemplate>,
): Slot[] {
  const filing: Unit[] = [];
  const lists = [...world.communesByDistrict.values()];
  const longest = Math.max(0, ...lists.map((l) => l.length));
  for (let i = 0; i < longest; i++) for (const l of lists) if (l[i]) filing.push(l[i] as Unit);
  filing.push(...world.districts, ...world.departments);
  const slots: Slot[] = [];
  for (const period of campaign.periods) {
    for (const form of campaign.forms) {
      if (!form.periods.includes(period)) continue;
      const template = templates.get(form.templateId);
      if (!template) throw new Error(`bench: no template ${form.templateId}`);
      for (const unit of filing) {
        if (form.unitKinds.length > 0 && !form.unitKinds.includes(unit.kind)) continue;
        if (!campaign.participants.unitKinds.includes(unit.kind)) continue;
        slots.push({ campaign, formKey: form.formKey, template, period, unit });
      }
    }
  }
  return slots;
}

type Plan = 'approved' | 'approved_after_return' | 'approval' | 'draft' | 'province_inbox';

interface Simulator {
  run(
    slot: Slot,
    plan: Plan,
  ): { submission: StoredSubmission; items: Map<string, Record<string, unknown>>; events: number };
  counters: Map<string, Record<string, unknown>>;
}

/** Adds a counter update's deltas to the simulated item (the repository only ever builds counter updates). */
function applyUpdate(target: Record<string, unknown>, item: TxItem): void {
  const deltas = counterDeltas(item);
  if (!deltas) throw new Error(`bench: cannot simulate update "${item.Update?.UpdateExpression}"`);
  for (const [name, delta] of deltas) {
    target[name] = (typeof target[name] === 'number' ? (target[name] as number) : 0) + delta;
  }
}

function simulator(
  repo: SubmissionRepository,
  world: Omit<TenantWorld, 'campaigns'>,
  dataByTemplate: Map<string, Record<string, unknown>>,
): Simulator {
  const counters = new Map<string, Record<string, unknown>>();
  const actorsByUnit = new Map<string, Identity>();
  const actorFor = (unitId: string, role: Role): Identity => {
    const cacheKey = `${unitId}/${role}`;
    const cached = actorsByUnit.get(cacheKey);
    if (cached) return cached;
    const user = world.users.find((u) => u.unitId === unitId && u.roles.includes(role));
    const identity: Identity = {
      userId: user?.id ?? `u-${world.tenantId}-${unitId}-${role}`,
      email: user?.email ?? `${unitId}.${role}@${world.tenantId}.thidua.vn`,
      name: user?.name ?? `${role} ${unitId}`,
      tenantId: world.tenantId,
      unitId,
      roles: [role],
    };
    actorsByUnit.set(cacheKey, identity);
    return identity;
  };
  const must = (r: TransitionResult, what: string): Extract<TransitionResult, { ok: true }> => {
    if (!r.ok) throw new Error(`bench: ${what} refused: ${r.error.code} ${r.error.message}`);
    return r;
  };

  return {
    counters,
    run(slot, plan) {
      const items = new Map<string, Record<string, unknown>>();
      let events = 0;
      const apply = (tx: readonly TxItem[]): void => {
        for (const t of tx) {
          if (t.Put?.Item) items.set(itemKey(t.Put.Item), t.Put.Item);
          else if (t.Delete?.Key) items.delete(itemKey(t.Delete.Key));
          else if (t.Update?.Key) {
            const key = itemKey(t.Update.Key);
            const current = counters.get(key) ?? { ...t.Update.Key };
            applyUpdate(current, t);
            counters.set(key, current);
          }
        }
      };
      const month = PERIOD_MONTH[slot.period.slice(5)] ?? 6;
      let clock = Date.UTC(slot.campaign.year, month - 1, 1, 1, 0, 0) + (slot.unit.id.length % 7) * 3_600_000;
      const tick = (): string => {
        clock += 86_400_000 + 1_234_567;
        return new Date(clock).toISOString();
      };
      const author = actorFor(slot.unit.id, 'submitter');
      const data = dataByTemplate.get(slot.template.id) ?? {};
      const rules = rulesFor({
        campaign: slot.campaign,
        template: slot.template,
        unitId: slot.unit.id,
        period: slot.period,
        formKey: slot.formKey,
      });
      const createdAt = tick();
      const created = must(
        createDraft({
          id: newId(new Date(createdAt)),
          campaign: slot.campaign,
          template: slot.template,
          formKey: slot.formKey,
          period: slot.period,
          unit: slot.unit,
          units: world.units,
          actor: author,
          now: createdAt,
        }),
        'createDraft',
      );
      const first = repo.planCreate({ ...created.submission, rules }, created.events);
      apply(first.items);
      events += first.events.length;
      let s = first.submission;
      const commit = (result: Extract<TransitionResult, { ok: true }>, snapshot = false): void => {
        const write = repo.planChange(s, { ...result.submission, rules }, result.events, { snapshot });
        apply(write.items);
        events += write.events.length;
        s = write.submission;
      };
      const act = (action: WorkflowAction, actor: Identity): void =>
        commit(
          must(transition({ submission: s, action, actor, now: tick(), rules }), action.type),
          action.type === 'submit',
        );
      const save = (): void =>
        commit(must(saveDraft({ submission: s, data, actor: author, now: tick(), rules }), 'saveDraft'));
      const reviewer = (): Identity => {
        const level = s.level === null ? undefined : s.chain[s.level];
        if (!level) throw new Error('bench: no reviewing level');
        return actorFor(level.unitId, 'reviewer');
      };

      save();
      if (plan === 'draft') return { submission: s, items, events };
      act({ type: 'submit' }, author);
      if (plan === 'approved_after_return') {
        act({ type: 'return', reason: 'Bổ sung số liệu và minh chứng theo hướng dẫn' }, reviewer());
        save();
        act({ type: 'submit' }, author);
      }
      if (plan === 'approval') return { submission: s, items, events };
      const top = s.chain.length - 1;
      while (s.state === 'under_review' && s.level !== null) {
        if (plan === 'province_inbox' && s.level === top) break;
        act({ type: 'approve' }, reviewer());
      }
      return { submission: s, items, events };
    },
  };
}

export interface GenerateOptions {
  scale: ScaleSpec;
  table: string;
  writer: BatchWriter;
  log: (line: string) => void;
}

export async function generateDataset(options: GenerateOptions): Promise<Dataset> {
  const { scale, table, writer } = options;
  // The repository only prepares transaction items here; it is never asked to send anything.
  const repo = createSubmissionRepository({ table, client: undefined as never });
  const templates = new Map(templates2023.map((t) => [t.id, t]));
  const dataByTemplate = new Map(templates2023.map((t) => [t.id, sampleData(t)]));
  const draftTemplateId = 'periodic_report_2023';
  const draftData = sampleData(templates.get(draftTemplateId) as FormTemplate, 11);

  const approvals: PoolSubmission[] = [];
  const drafts: PoolSubmission[] = [];
  const details: PoolSubmission[] = [];
  let provinceInbox = 0;
  const keep = new Map<string, Record<string, unknown>[]>();
  const totals = { tenants: 0, units: 0, users: 0, submissions: 0, events: 0, items: 0 };
  let main: TenantWorld | undefined;
  const completenessScopes: Dataset['completenessScopes'] = [];

  const tenantCount = 1 + scale.others.count;
  for (let t = 0; t < tenantCount; t++) {
    const isMain = t === 0;
    const shape = isMain ? scale.main : scale.others.shape;
    const tenantId = isMain ? MAIN_TENANT : `tinh-${two(t)}`;
    const base = buildUnits(tenantId, shape, isMain ? 'Tỉnh Bình Phước' : `Tỉnh số ${t}`);
    const users = buildUsers(base, shape.users);
    const campaigns: Campaign[] = [];
    for (let y = 0; y < shape.maxYears; y++) campaigns.push(campaignForYear(tenantId, shape.lastYear - y));
    const world: TenantWorld = { ...base, users, campaigns };
    if (isMain) main = world;

    for (const unit of world.units.values()) await writer.put(unitItem(unit));
    for (const user of users) await writer.put(userItem(user));
    for (const template of templates2023) await writer.put(templateItem(tenantId, template));
    for (const campaign of campaigns) await writer.put(campaignItem(campaign));
    totals.tenants += 1;
    totals.units += world.units.size;
    totals.users += users.length;
    totals.items += world.units.size + users.length + templates2023.length + campaigns.length;

    const sim = simulator(repo, world, dataByTemplate);
    const draftUnits = new Set(
      [...world.communesByDistrict.values()]
        .flat()
        .slice(0, scale.pools.draftUnits)
        .map((u) => u.id),
    );
    // Round-robin over the communes gives each pool member a different unit in turn.
    const detailEvery = Math.max(1, Math.floor(shape.submissions / Math.max(1, scale.pools.details)));
    let made = 0;
    for (const campaign of campaigns) {
      if (made >= shape.submissions) break;
      for (const slot of slotsOf(world, campaign, templates)) {
        if (made >= shape.submissions) break;
        const commune = slot.unit.kind === 'commune';
        let plan: Plan = made % 10 === 7 ? 'approved_after_return' : 'approved';
        if (isMain) {
          if (
            commune &&
            slot.formKey !== 'hotspot_report' &&
            draftUnits.has(slot.unit.id) &&
            drafts.length < scale.pools.drafts
          ) {
            plan = 'draft';
          } else if (
            commune &&
            slot.formKey !== 'hotspot_report' &&
            approvals.length < scale.pools.approvals
          ) {
            plan = 'approval';
          } else if (slot.formKey !== 'hotspot_report' && provinceInbox < scale.pools.provinceInbox) {
            plan = 'province_inbox';
          }
        }
        const r = sim.run(slot, plan);
        made += 1;
        totals.submissions += 1;
        totals.events += r.events;
        totals.items += r.items.size;
        for (const item of r.items.values()) await writer.put(item);
        if (!isMain) continue;
        const districtId = slot.unit.path[1] ?? slot.unit.id;
        const member: PoolSubmission = {
          tenantId,
          id: r.submission.id,
          version: r.submission.version,
          unitId: slot.unit.id,
          districtId,
        };
        if (plan === 'approval') approvals.push(member);
        if (plan === 'draft') drafts.push(member);
        if (plan === 'province_inbox') provinceInbox += 1;
        if (plan === 'approval' || plan === 'draft') keep.set(member.id, [...r.items.values()]);
        if (commune && made % detailEvery === 0 && details.length < scale.pools.details) details.push(member);
      }
      if (isMain) {
        const report = campaign.forms.find((f) => f.formKey === 'periodic_report');
        for (const period of report?.periods ?? []) {
          completenessScopes.push({ campaignId: campaign.id, formKey: 'periodic_report', period });
        }
      }
    }
    for (const counter of sim.counters.values()) await writer.put(counter);
    totals.items += sim.counters.size;
    if (isMain) {
      const counterItems = [...sim.counters.values()];
      // The counters of the pools' completeness partitions go back with them on a restore.
      for (const [id, items] of keep) {
        const partitions = new Set(
          items.filter((i) => String(i.sk).startsWith('U#')).map((i) => String(i.pk)),
        );
        keep.set(id, [...items, ...counterItems.filter((c) => partitions.has(String(c.pk)))]);
      }
    }
    options.log(
      `  tenant ${tenantId}: ${world.units.size} units, ${users.length} users, ${made} submissions`,
    );
  }
  await writer.flush();
  if (!main) throw new Error('bench: no tenant generated');
  return {
    main,
    ...totals,
    approvals,
    drafts,
    provinceInbox,
    details,
    completenessScopes,
    seededItems: (ids) => {
      const seen = new Map<string, Record<string, unknown>>();
      for (const id of ids) for (const item of keep.get(id) ?? []) seen.set(itemKey(item), item);
      return [...seen.values()];
    },
    draftData,
    draftTemplateId,
  };
}
