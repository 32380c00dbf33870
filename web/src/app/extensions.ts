import type { Role } from '@thidua/shared/org';
import type { RouteObject } from 'react-router';
import type { MessageKey } from '../i18n';

/** A navigation entry: shown to users holding any of `roles`. */
export interface NavItem {
  to: string;
  /** A key of the core catalogue, or the feature's own strings. */
  label: MessageKey | { vi: string; en: string };
  roles: readonly Role[];
  /** Lower comes first. */
  order: number;
}

/**
 * A feature plugs into the app by exporting a default `FeatureModule` from `features/<name>/module.ts`:
 * routes inside the signed-in shell, public routes (no sign-in, own layout), and navigation entries.
 * Route elements must be `lazy` so each page is its own chunk; this file is the only place that finds
 * them, so a new feature (commendations, public pages) needs no edit to the app shell or the router.
 */
export interface FeatureModule {
  appRoutes?: RouteObject[];
  publicRoutes?: RouteObject[];
  navItems?: NavItem[];
  /** Where a user with these roles lands after sign-in, if this feature is their main work. */
  homeFor?: { roles: readonly Role[]; path: string; priority: number }[];
}

export function defineFeature(module: FeatureModule): FeatureModule {
  return module;
}

const found = import.meta.glob<FeatureModule>('../features/*/module.ts', { eager: true, import: 'default' });

export const features: readonly FeatureModule[] = Object.keys(found)
  .sort()
  .map((k) => found[k])
  .filter((m): m is FeatureModule => m !== undefined);

export function navItemsFor(roles: readonly Role[]): NavItem[] {
  return features
    .flatMap((f) => f.navItems ?? [])
    .filter((n) => n.roles.some((r) => roles.includes(r)))
    .sort((a, b) => a.order - b.order);
}

/** The landing page of a user: the highest-priority feature home among their roles. */
export function homePathFor(roles: readonly Role[]): string {
  const candidates = features
    .flatMap((f) => f.homeFor ?? [])
    .filter((h) => h.roles.some((r) => roles.includes(r)))
    .sort((a, b) => a.priority - b.priority);
  return candidates[0]?.path ?? '/account';
}
