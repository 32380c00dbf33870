import { publicContracts } from '@thidua/shared/contracts';
import { publicRouteImpls } from '../commendations/public-http';
import { appDeps } from '../deps';
import { createGroupHandler } from '../http/route';

/** The `public` Lambda: published lists and decisions, comments during a disclosure. No sign-in. */
export const handler = createGroupHandler(publicContracts, publicRouteImpls(appDeps()));
