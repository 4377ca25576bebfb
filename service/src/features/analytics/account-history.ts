// What an account has already heard: every prompt raised on any of its opportunities, by whom and
// when — shown to reps, and used by the panel so it does not serve a recent repeat.
import type { Executor } from '../../platform/database/database';
import * as repo from './read-models/account-history';
import type { Actor } from '../../platform/actor';
import { addDays, todayUtc } from './buckets';

/** A prompt raised with the account this recently is not offered again on another of its deals. */
export const ACCOUNT_REPEAT_DAYS = 90;
export const ACCOUNT_HISTORY_LIMIT = 200;

export async function accountProvocations(
  db: Executor,
  actor: Actor,
  accountName: string,
): Promise<{ accountName: string; items: repo.AccountProvocation[]; nextCursor: null }> {
  const items = await repo.accountProvocations(db, actor.tenantId, accountName, ACCOUNT_HISTORY_LIMIT);
  return { accountName, items, nextCursor: null };
}

export async function recentlyRaisedWithAccount(
  db: Executor,
  tenantId: string,
  accountName: string | undefined,
): Promise<Set<string>> {
  if (!accountName) return new Set();
  const since = addDays(todayUtc(), -ACCOUNT_REPEAT_DAYS);
  return repo.promptKeysRaisedWithAccount(db, tenantId, accountName, since);
}
