// The opportunity context Apex reads with the user's access and sends with each request; stored
// as it arrives, so the use cases, the repository and the sync share one shape.
export interface OpportunityContext {
  id: string;
  name?: string;
  stage?: string;
  amount?: number;
  closeDate?: string;
  recordType?: string;
  accountName?: string;
  industry?: string;
  isClosed?: boolean;
  isWon?: boolean;
  ownerId?: string;
}
