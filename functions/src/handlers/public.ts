import { publicContracts } from '@thidua/shared/contracts';
import { createCommendationDeps } from '../commendations/context';
import { publicRouteImpls } from '../commendations/public-http';
import { appDeps } from '../deps';
import { createGroupHandler } from '../http/route';

/** The `public` Lambda: published lists and decisions, comments during a disclosure. No sign-in. */
const deps = appDeps();
export const handler = createGroupHandler(
  publicContracts,
  publicRouteImpls(createCommendationDeps(deps.config, deps.clients)),
);
