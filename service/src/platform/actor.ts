// Who is acting: the tenant (authenticated by its API key) and the Salesforce user Apex vouches for.
import { forbidden } from './lib/errors';

export const ROLES = ['rep', 'salesops', 'manager'] as const;
export type Role = (typeof ROLES)[number];

export interface Actor {
  tenantId: string;
  userId: string;
  role: Role;
}

export function requireRole(actor: Actor, ...roles: Role[]): void {
  if (!roles.includes(actor.role)) {
    throw forbidden(`this needs the ${roles.join(' or ')} role; you are acting as ${actor.role}`);
  }
}
