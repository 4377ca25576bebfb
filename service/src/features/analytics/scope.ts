// Who an actor's analytics cover. Sales ops: the whole tenant. Managers: themselves and everyone
// below them in the user hierarchy (never another manager's team). Reps: only themselves.
import type { Executor } from '../../platform/database/database';
import { reportsOf } from '../users';
import { forbidden } from '../../platform/lib/errors';
import type { Actor } from '../../platform/actor';

/** `userIds: null` means every user of the tenant. */
export interface Scope {
  tenantId: string;
  userIds: string[] | null;
}

export async function scopeOf(db: Executor, actor: Actor): Promise<Scope> {
  if (actor.role === 'salesops') return { tenantId: actor.tenantId, userIds: null };
  if (actor.role === 'rep') return { tenantId: actor.tenantId, userIds: [actor.userId] };
  const reports = await reportsOf(db, actor.tenantId, actor.userId);
  return { tenantId: actor.tenantId, userIds: [actor.userId, ...reports] };
}

/** Narrows a scope to one rep, who must be inside it: asking for someone else's rep is a 403. */
export function narrowToRep(scope: Scope, repId: string | undefined): Scope {
  if (repId === undefined) return scope;
  if (scope.userIds !== null && !scope.userIds.includes(repId)) {
    throw forbidden(`user ${repId} is not in your team`);
  }
  return { ...scope, userIds: [repId] };
}

/** Whose figures a view shows, so the dashboard can say so: the tenant's, a team's, or the actor's own. */
export interface ScopeView {
  kind: 'tenant' | 'team' | 'self';
  /**
   * False when a manager has nobody reporting to them: the hierarchy has not come in yet (no sync ran
   * and none was imported), and a team view would show only zeros.
   */
  hierarchyKnown: boolean;
}

export function scopeView(actor: Actor, scope: Scope): ScopeView {
  if (actor.role === 'salesops') return { kind: 'tenant', hierarchyKnown: true };
  if (actor.role === 'rep') return { kind: 'self', hierarchyKnown: true };
  return { kind: 'team', hierarchyKnown: scope.userIds !== null && scope.userIds.length > 1 };
}
