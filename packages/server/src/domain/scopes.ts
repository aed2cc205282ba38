/** What an API key or a staff person may reach; each staff operation of the spec names one. */
export const scopes = ['read', 'bookings', 'members', 'events', 'billing', 'admin'] as const;
export type Scope = (typeof scopes)[number];

export const roles = ['member', 'staff', 'admin'] as const;
export type Role = (typeof roles)[number];
export type StaffRole = Exclude<Role, 'member'>;

/** The scopes a person's role carries: staff every one but `admin`, admins all. */
export function scopesOfRole(role: StaffRole): readonly Scope[] {
  return role === 'admin' ? scopes : scopes.filter((scope) => scope !== 'admin');
}

export function isStaffRole(role: string): role is StaffRole {
  return role === 'staff' || role === 'admin';
}

/** The stored JSON array of a key's scopes, keeping only scopes this server knows. */
export function parseScopes(stored: string): Scope[] {
  const parsed: unknown = JSON.parse(stored);
  return Array.isArray(parsed) ? scopes.filter((scope) => parsed.includes(scope)) : [];
}
