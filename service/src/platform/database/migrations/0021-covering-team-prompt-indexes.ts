// A manager's prompt view reads its team's rows of the per-author prompt aggregates and, per closed
// deal of the team, the prompts raised on it. Both went to the table for every index entry, page by
// scattered page; with the counts in the index the reads are index-only. The per-author key index
// takes the counts (one index to keep up, not two) and the per-deal index the columns the team's
// deal counts read. Rebuilding them locks the two tables against writes while it runs.
export const statements: readonly string[] = [
  `create unique index analytics_prompt_author_raises_key_covering on analytics_prompt_author_raises
     (tenant_id, author_id, prompt_key, set_id, version, note_stage, industry, opp_stage, opp_won)
     include (raised, new_to_them, already_addressing, redirected, dismissed) nulls not distinct`,
  `drop index analytics_prompt_author_raises_key`,
  `alter index analytics_prompt_author_raises_key_covering rename to analytics_prompt_author_raises_key`,
  `create index analytics_prompt_deals_by_deal_covering on analytics_prompt_deals
     (tenant_id, opportunity_id) include (author_id, raised, prompt_key, set_id, version)`,
  `drop index analytics_prompt_deals_by_deal`,
  `alter index analytics_prompt_deals_by_deal_covering rename to analytics_prompt_deals_by_deal`,
];
