import * as z from 'zod';
import { pageOf } from '../api';
import { CalendarDate, Id } from '../common';
import { Unit, UnitChangeEvent, UnitKind } from '../org';
import { defineRoute, PageQuery } from './kernel';

export const UnitParams = z.object({ unitId: Id });

export const listUnits = defineRoute({
  method: 'GET',
  path: '/units',
  group: 'org',
  auth: 'user',
  operationId: 'listUnits',
  summary: "Units of the tenant's tree (a subtree with `root`), in tree order",
  query: PageQuery.extend({ root: Id.optional().describe('Gốc của cây con; mặc định cả tỉnh') }),
  response: pageOf(Unit),
  errors: [404],
  description: 'Cây đơn vị theo thứ tự cây (một Query trên gsi2).',
});

export const getUnit = defineRoute({
  method: 'GET',
  path: '/units/{unitId}',
  group: 'org',
  auth: 'user',
  operationId: 'getUnit',
  summary: 'One unit',
  params: UnitParams,
  response: Unit,
  errors: [404],
});
export const listUnitChildren = defineRoute({
  method: 'GET',
  path: '/units/{unitId}/children',
  group: 'org',
  auth: 'user',
  operationId: 'listUnitChildren',
  summary: 'Direct children of a unit',
  params: UnitParams,
  query: PageQuery,
  response: pageOf(Unit),
  errors: [404],
});

// ── The organisation as of a date, and its dated changes (docs/data-model.md, docs/adr/0016) ─────────

export const TreeRowView = z.object({
  unit: Unit.describe('Đơn vị như vào ngày asOf: tên, cấp, đơn vị cấp trên và path của ngày đó'),
  depth: z.number().int().min(0),
});

export const getOrgTree = defineRoute({
  method: 'GET',
  path: '/org/tree',
  group: 'org',
  auth: 'user',
  operationId: 'getOrgTree',
  summary: 'The whole tree as of a date, in reading order',
  query: z.object({ asOf: CalendarDate.optional().describe('Ngày xem cây; mặc định hôm nay') }),
  response: z.object({ asOf: CalendarDate, rows: z.array(TreeRowView) }),
  errors: [],
  description:
    'Các đơn vị hoạt động vào ngày asOf, mỗi đơn vị theo lịch sử của nó ngày đó; đơn vị con xếp theo tên.',
});

export const getUnitLineage = defineRoute({
  method: 'GET',
  path: '/units/{unitId}/lineage',
  group: 'org',
  auth: 'user',
  operationId: 'getUnitLineage',
  summary: "A unit's predecessors, transitively, nearest first",
  params: UnitParams,
  response: z.object({ unitId: Id, predecessors: z.array(Unit) }),
  errors: [404],
});

export const UnitChangeBody = z.discriminatedUnion('type', [
  z.object({ type: z.literal('rename'), name: z.string().trim().min(1).max(200), from: CalendarDate }),
  z.object({ type: z.literal('change_kind'), kind: UnitKind, from: CalendarDate }),
  z.object({ type: z.literal('move'), parentId: Id, from: CalendarDate }),
  z.object({ type: z.literal('close'), on: CalendarDate }),
]);
export type UnitChangeBody = z.infer<typeof UnitChangeBody>;

export const SuccessionBody = z.object({
  predecessorIds: z.array(Id).min(1).max(50).describe('Đơn vị cũ (một: chia tách; nhiều: sáp nhập)'),
  successorIds: z.array(Id).min(1).max(50).describe('Đơn vị kế thừa (nhiều: chia tách; một: sáp nhập)'),
  from: CalendarDate.describe('Ngày có hiệu lực: đơn vị cũ thôi hoạt động từ ngày này'),
});
export type SuccessionBody = z.infer<typeof SuccessionBody>;

export const UnitChangeResponse = z.object({
  event: UnitChangeEvent,
  changed: z.array(Unit).describe('Mọi đơn vị đã ghi (chuyển đơn vị: cả các đơn vị trực thuộc)'),
});

export const changeUnit = defineRoute({
  method: 'POST',
  path: '/admin/units/{unitId}/changes',
  group: 'org',
  auth: 'user',
  operationId: 'changeUnit',
  summary: 'Rename, change the kind of, move or close a unit from a date (province admin)',
  params: UnitParams,
  body: UnitChangeBody,
  response: UnitChangeResponse,
  status: 201,
  errors: [403, 404, 409, 422],
  description:
    'Thay đổi có hiệu lực từ ngày `from` (giải thể: `on`); báo cáo đang xử lý giữ luồng duyệt đã chụp. ' +
    'Từ chối (422) điều làm cây có vòng, đơn vị có hai cấp trên, đơn vị đang hoạt động dưới đơn vị đã giải thể.',
});

export const recordSuccession = defineRoute({
  method: 'POST',
  path: '/admin/unit-successions',
  group: 'org',
  auth: 'user',
  operationId: 'recordSuccession',
  summary: 'Split one unit into several, or merge several into one, from a date (province admin)',
  body: SuccessionBody,
  response: UnitChangeResponse,
  status: 201,
  errors: [403, 409, 422],
  description:
    'Đơn vị cũ thôi hoạt động từ ngày `from`; đơn vị kế thừa và cấp trên của nó được xem hồ sơ của đơn vị cũ.',
});

export const listUnitChanges = defineRoute({
  method: 'GET',
  path: '/admin/unit-changes',
  group: 'org',
  auth: 'user',
  operationId: 'listUnitChanges',
  summary: 'The administration log of the organisation, newest first (province admin)',
  query: PageQuery,
  response: pageOf(UnitChangeEvent),
  errors: [403],
});

/** The dated organisation's routes (in the `org` group: its Lambda already reads the tree). */
export const orgDatedContracts = {
  getOrgTree,
  getUnitLineage,
  changeUnit,
  recordSuccession,
  listUnitChanges,
};

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const orgContracts = { listUnits, getUnit, listUnitChildren, ...orgDatedContracts };
