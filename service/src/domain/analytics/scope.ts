// Who an actor's analytics cover. Sales ops: the whole tenant. Managers: themselves and everyone
// below them in the user hierarchy (never another manager's team). Reps: only themselves.
import type { Executor } from '../../storage/database';
import { reportsOf } from '../../storage/repositories/users';
import { forbidden } from '../../lib/errors';
import type { Actor } from '../actor';

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
