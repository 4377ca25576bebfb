// The opportunity context Apex reads with the user's access and sends with each request; stored
// as it arrives, so the domain and the repository share one shape.
export type { OpportunityRecord as OpportunityContext } from '../../storage/repositories/opportunities';
