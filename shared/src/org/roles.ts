/**
 * Roles a user can hold. A user belongs to exactly one unit; what a role allows is decided by the
 * policy in `policy/` from the unit tree, never by a handler. Plain constants without zod, so the policy
 * (which the web's menu runs at start) does not pull the schema library into the first download.
 */
export const roles = [
  'submitter',
  'unit_head',
  'reviewer',
  'secretariat',
  'council_member',
  'chair',
  'admin',
] as const;
export type RoleName = (typeof roles)[number];

/** Roles that act for the whole tenant when held at the province root. */
export const provinceRoles = [
  'secretariat',
  'admin',
  'chair',
  'council_member',
] as const satisfies readonly RoleName[];
