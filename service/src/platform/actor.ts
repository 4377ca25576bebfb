// Who is acting: the tenant (authenticated by its API key) and the Salesforce user Apex vouches for.
export const ROLES = ['rep', 'salesops', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  tenantId: string;
  userId: string;
  role: Role;
}
