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
  accountId?: string;
  industry?: string;
  isClosed?: boolean;
  isWon?: boolean;
  ownerId?: string;
  /** the deal's currency (the org's, or the record's in a multi-currency org): formats amounts */
  currencyIsoCode?: string;
  /** the acting user's Salesforce locale (en_US): formats amounts and dates */
  locale?: string;
}

/** What the service stores of a deal: the context without the user's presentation preferences. */
export type StoredOpportunityContext = Omit<OpportunityContext, 'currencyIsoCode' | 'locale'>;
