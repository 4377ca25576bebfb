// The team dashboard, prompt effectiveness and drill-down, as other features and tools see them. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export { addDays, todayUtc } from './buckets';
export { accountHistoryForDeal, accountProvocationsById, recentlyRaisedWithAccount } from './account-history';
export type { AccountProvocation, LatestRaise } from './read-models/account-history';
export { candidateSources } from './candidates';
export { dashboardQuerySchema, promptsQuerySchema } from './contracts';
export { loadDashboard } from './dashboard';
export { drilldownNotes } from './drilldown';
export { scopeOf } from './scope';
export { loadPromptEffectiveness } from './prompt-effectiveness';
export { accountProvocationsResponse } from './responses';
export { analyticsRoutes } from './router';
