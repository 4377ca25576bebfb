// The merge fields the service fills in a prompt's provocation and follow-up
// (service/src/domain/prompts/merge-fields.ts; a test fails when the two lists differ).
export const MERGE_FIELDS = [
  'Account.Name',
  'Account.Industry',
  'Opportunity.Name',
  'Opportunity.StageName',
  'Opportunity.CloseDate',
  'Opportunity.Amount',
];
