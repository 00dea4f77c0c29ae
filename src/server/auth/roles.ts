/** Roles, each including the ones before it: a reviewer can do what an analyst can. */
export const ROLES = ['viewer', 'analyst', 'reviewer', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** True when `has` is at least `needs`. */
export function hasRole(has: Role, needs: Role): boolean {
  return ROLES.indexOf(has) >= ROLES.indexOf(needs);
}

export function isRole(s: string): s is Role {
  return (ROLES as readonly string[]).includes(s);
}
