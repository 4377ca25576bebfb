// What every analytics read model filters by: the tenant and, for a team, its users; a day range.

/** `userIds: null` is the whole tenant; otherwise notes by, and opportunities owned by, these users. */
export interface AnalyticsScope {
  tenantId: string;
  userIds: string[] | null;
}

export interface DayRange {
  from: string;
  to: string;
}
