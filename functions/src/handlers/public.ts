import { publicContracts } from '@thidua/shared/contracts';
import { commendationDeps } from '../features/commendations/deps';
import { publicRouteImpls } from '../features/commendations/public-http';
import { groupDeps } from '../kernel/deps';
import { createGroupHandler } from '../kernel/http/route';

/** The `public` Lambda: published lists and decisions, comments during a disclosure. No sign-in. */
export const handler = createGroupHandler(publicContracts, publicRouteImpls(groupDeps(commendationDeps)));
