import * as z from 'zod';
import { pageOf } from '../api';
import { Id } from '../common';
import { Unit } from '../org';
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

/** The routes of this group, by operationId (the group's Lambda implements each). */
export const orgContracts = { listUnits, getUnit, listUnitChildren };
