// The API budget: background work stops when our own calls over the last 24 hours reach the
// tenant's share of the org's daily allocation (default 5 %), when the org as a whole is close to
// its limit, or while the org told us to back off (REQUEST_LIMIT_EXCEEDED, 503).
import type { ApiUsageRecord } from './data-access/api-usage';

export const DEFAULT_BUDGET_SHARE = 0.05;
/** leave the last 5 % of the org's allocation to the org's own users and integrations */
const ORG_CEILING = 0.95;
const ORG_READING_TTL_MS = 3600_000;

export type BudgetVerdict = { paused: false } | { paused: true; reason: string };

export function budgetVerdict(usage: ApiUsageRecord, share: number, nowMs = Date.now()): BudgetVerdict {
  if (usage.throttledUntil && Date.parse(usage.throttledUntil) > nowMs) {
    return { paused: true, reason: `${usage.throttleReason ?? 'throttled'} (until ${usage.throttledUntil})` };
  }
  if (usage.dailyLimit) {
    const allowance = Math.floor(usage.dailyLimit * share);
    if (usage.ownCalls24h >= allowance) {
      return {
        paused: true,
        reason: `budget: ${usage.ownCalls24h} calls in 24 h reached ${Math.round(share * 1000) / 10} % of the org's ${usage.dailyLimit}`,
      };
    }
    // the org's own usage is only re-read by making calls: an old reading stops pausing after an hour
    const fresh = usage.observedAt !== null && nowMs - Date.parse(usage.observedAt) < ORG_READING_TTL_MS;
    if (fresh && usage.orgUsed !== null && usage.orgUsed >= usage.dailyLimit * ORG_CEILING) {
      return { paused: true, reason: `org near its daily API limit (${usage.orgUsed}/${usage.dailyLimit})` };
    }
  }
  return { paused: false };
}
