import { referenceContracts } from '@thidua/shared/contracts';
import { referenceRoutes } from '../features/system/http';
import { createGroupHandler } from '../kernel/http/route';

/** Lambda entry of the `reference` route group: the OpenAPI document (features/system/http.ts), no table. */
export const handler = createGroupHandler(referenceContracts, referenceRoutes());
