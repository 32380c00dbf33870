import { publicContracts } from '@thidua/shared/contracts';
import { publicRouteImpls } from '../features/commendations/public-http';
import { appDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** The `public` Lambda: published lists and decisions, comments during a disclosure. No sign-in. */
export const handler = createGroupHandler(publicContracts, publicRouteImpls(appDeps()));
