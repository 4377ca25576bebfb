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
  const items = await repo.accountProvocations(
    db,
    actor.tenantId,
    { name: accountName },
    ACCOUNT_HISTORY_LIMIT,
  );
  return { accountName, items, nextCursor: null };
}

/** The same history keyed by the Salesforce Account Id (names are not unique). */
export async function accountProvocationsById(
  db: Executor,
  actor: Actor,
  accountId: string,
): Promise<{ accountId: string; items: repo.AccountProvocation[]; nextCursor: null }> {
  const items = await repo.accountProvocations(db, actor.tenantId, { id: accountId }, ACCOUNT_HISTORY_LIMIT);
  return { accountId, items, nextCursor: null };
}

/** The account a deal belongs to: by its Account Id when its context carries one, else by its name. */
function accountOf(deal: { accountId?: string; accountName?: string }): repo.AccountKey | null {
  if (deal.accountId) return { id: deal.accountId };
  return deal.accountName ? { name: deal.accountName } : null;
}

/** The prompts the deal's account heard in the last 90 days, each at its latest raise, by key. */
export async function recentlyRaisedWithAccount(
  db: Executor,
  tenantId: string,
  deal: { accountId?: string; accountName?: string },
): Promise<Map<string, repo.LatestRaise>> {
  const account = accountOf(deal);
  if (!account) return new Map();
  const since = addDays(todayUtc(), -ACCOUNT_REPEAT_DAYS);
  const raises = await repo.latestRaisesWithAccount(db, tenantId, account, since);
  return new Map(raises.map((r) => [r.promptKey, r]));
}

/** The newest provocations raised with the deal's account, for the panel; `more` when it has older ones. */
export async function accountHistoryForDeal(
  db: Executor,
  tenantId: string,
  deal: { accountId?: string; accountName?: string },
  limit: number,
): Promise<{ items: repo.AccountProvocation[]; more: boolean }> {
  const account = accountOf(deal);
  if (!account) return { items: [], more: false };
  const items = await repo.accountProvocations(db, tenantId, account, limit + 1);
  return { items: items.slice(0, limit), more: items.length > limit };
}
