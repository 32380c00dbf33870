import { authorizeWorkspace, type Workspace, type WorkspaceContext } from '@thidua/shared/policy';
import type { RouteObject } from 'react-router';
import type { MessageKey } from '../i18n';

/**
 * A navigation entry: shown to whoever the shared policy lets open its workspace (never a role list
 * of the web's own, so the menu and the API cannot disagree).
 */
export interface NavItem {
  to: string;
  /** A key of the core catalogue, or the feature's own strings. */
  label: MessageKey | { vi: string; en: string };
  workspace: Workspace;
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
  /** Where a user who may open `workspace` lands after sign-in, if this feature is their main work. */
  homeFor?: { workspace: Workspace; path: string; priority: number }[];
}

export function defineFeature(module: FeatureModule): FeatureModule {
  return module;
}

const found = import.meta.glob<FeatureModule>('../features/*/module.ts', { eager: true, import: 'default' });

export const features: readonly FeatureModule[] = Object.keys(found)
  .sort()
  .map((k) => found[k])
  .filter((m): m is FeatureModule => m !== undefined);

const mayOpen = (context: WorkspaceContext, workspace: Workspace) =>
  authorizeWorkspace(context, workspace).allowed;

export function navItemsFor(context: WorkspaceContext): NavItem[] {
  return features
    .flatMap((f) => f.navItems ?? [])
    .filter((n) => mayOpen(context, n.workspace))
    .sort((a, b) => a.order - b.order);
}

/** The landing page of a user: the highest-priority feature home among the workspaces they may open. */
export function homePathFor(context: WorkspaceContext): string {
  const candidates = features
    .flatMap((f) => f.homeFor ?? [])
    .filter((h) => mayOpen(context, h.workspace))
    .sort((a, b) => a.priority - b.priority);
  return candidates[0]?.path ?? '/account';
}
