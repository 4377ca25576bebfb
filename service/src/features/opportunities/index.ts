// Opportunities: the context Apex sends and the panel a rep opens, as other features see them. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export type { OpportunityContext, StoredOpportunityContext } from './context';
export { opportunityContextSchema, salesforceId } from './contracts';
export { dealRoute } from './deal-route';
export { pickPrompts } from './panel';
export { findOpportunity, upsertOpportunities, upsertOpportunity } from './repository';
export { opportunitiesRoutes } from './router';
