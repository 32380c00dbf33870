import { Id } from '@thidua/shared/common';
import { Unit } from '@thidua/shared/org';
import * as z from 'zod';
import { defineContract } from '../http/contract';
import { PageQuery, pageOf } from './common';

export const UnitParams = z.object({ unitId: Id });

export const orgContracts = {
  listUnits: defineContract({
    operationId: 'listUnits',
    query: PageQuery.extend({ root: Id.optional().describe('Gốc của cây con; mặc định cả tỉnh') }),
    response: pageOf(Unit),
    errors: [404],
    description: 'Cây đơn vị theo thứ tự cây (một Query trên gsi2).',
  }),
  getUnit: defineContract({ operationId: 'getUnit', params: UnitParams, response: Unit, errors: [404] }),
  listUnitChildren: defineContract({
    operationId: 'listUnitChildren',
    params: UnitParams,
    query: PageQuery,
    response: pageOf(Unit),
    errors: [404],
  }),
};
