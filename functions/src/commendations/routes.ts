import type { RouteDef } from '../routes';

/** Routes of the `commendations` and `public` groups (issue 7). */
export const commendationRoutes: readonly RouteDef[] = [];
