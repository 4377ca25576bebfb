// Table types for Kysely. Every table but `tenants` carries tenant_id; repositories always filter on it.
import type { ColumnType, JSONColumnType } from 'kysely';

type Timestamp = ColumnType<Date, Date | string | undefined, Date | string>;

export interface TenantsTable {
  id: string;
  slug: string;
  name: string;
  created_at: Timestamp;
}

export interface ApiKeysTable {
  tenant_id: string;
  id: string;
  key_hash: string;
  hint: string;
  created_at: Timestamp;
  revoked_at: Timestamp | null;
}

export interface TenantSettingsTable {
  tenant_id: string;
  industries: JSONColumnType<string[]>;
  stage_phases: JSONColumnType<Record<string, string>>;
  weights: JSONColumnType<Record<string, number>>;
  /** an inside-view entry older than this is marked stale */
  inside_view_stale_months: ColumnType<number, number | undefined, number>;
  /** null: the default bands */
  amount_bands: JSONColumnType<
    { smallBelow: number; largeFrom: number } | null,
    string | null | undefined,
    string | null
  >;
  /** bumped by every change: the settings' ETag, and what a rescore job applies */
  version: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface OpportunitiesTable {
  tenant_id: string;
  id: string;
  name: string | null;
  stage: string | null;
  amount: number | null;
  close_date: string | null;
  record_type: string | null;
  account_name: string | null;
  account_id: string | null;
  industry: string | null;
  is_closed: boolean | null;
  is_won: boolean | null;
  owner_id: string | null;
  updated_at: Timestamp;
}

export interface PromptSetsTable {
  tenant_id: string;
  id: string;
  name: string;
  description: string;
  created_at: Timestamp;
}

export interface PromptSetVersionsTable {
  tenant_id: string;
  set_id: string;
  version: number;
  status: 'draft' | 'published' | 'retired';
  name: string;
  description: string;
  created_at: Timestamp;
  published_at: Timestamp | null;
  retired_at: Timestamp | null;
}

export interface PromptsTable {
  tenant_id: string;
  id: string;
  set_id: string;
  version: number;
  position: number;
  key: string;
  title: string;
  provocation: string;
  follow_up: string;
  rationale: string;
  source: string;
  expires_on: string | null;
  targeting: JSONColumnType<{
    industries: string[];
    phases: string[];
    stages: string[];
    amountMin: number | null;
    amountMax: number | null;
    recordTypes: string[];
  }>;
}

export interface StoredNotePrompt {
  promptId: string | null;
  promptKey: string | null;
  setId: string | null;
  version: number | null;
  title: string | null;
  text: string | null;
  reaction: string | null;
}

export interface NotesTable {
  tenant_id: string;
  id: string;
  opportunity_id: string;
  author_id: string;
  occurred_at: string;
  opportunity_stage: string | null;
  summary: string;
  customer_view: string | null;
  ideas: string | null;
  next_step: string | null;
  next_step_date: string | null;
  prompts: JSONColumnType<StoredNotePrompt[]>;
  score: ColumnType<object | null, string | null | undefined, string | null>;
  overall: number | null;
  scorer_version: string | null;
  /** bumped by every edit: the note's ETag, and what a rescore's write is conditional on */
  version: ColumnType<number, number | undefined, number>;
  /** the settings version whose weights scored the note (null: scored before versions were kept) */
  settings_version: number | null;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface NotePromptsTable {
  tenant_id: string;
  note_id: string;
  position: number;
  prompt_id: string | null;
  prompt_key: string | null;
  set_id: string | null;
  version: number | null;
  text: string | null;
  reaction: string | null;
}

export interface IdempotencyKeysTable {
  tenant_id: string;
  /** SHA-256 (hex) of the client's Idempotency-Key; the key itself is never stored */
  key_digest: string;
  request_hash: string;
  status_code: number | null;
  body: ColumnType<object | null, string | null | undefined, string | null>;
  created_at: Timestamp;
}

export interface JobsTable {
  tenant_id: string;
  id: string;
  kind: string;
  status: 'queued' | 'running' | 'done' | 'failed' | 'superseded';
  done: number;
  total: number;
  error: string | null;
  /** the settings version whose weights a rescore applies */
  settings_version: number | null;
  /** the job that replaced this one when newer settings arrived */
  superseded_by: string | null;
  /** the worker running the job, until `leased_until` */
  lease_owner: string | null;
  leased_until: Timestamp | null;
  /** how many times a worker claimed the job */
  runs: ColumnType<number, number | undefined, number>;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface UsersTable {
  tenant_id: string;
  id: string;
  name: string;
  manager_id: string | null;
  is_active: boolean;
  updated_at: Timestamp;
}

export interface SalesforceConnectionsTable {
  tenant_id: string;
  login_url: string;
  instance_url: string | null;
  api_version: string;
  auth_flow: 'jwt' | 'client_credentials' | 'password';
  client_id: string;
  username: string | null;
  secrets: string;
  budget_share: number;
  created_at: Timestamp;
  updated_at: Timestamp;
}

export interface SalesforceOutboxTable {
  tenant_id: string;
  opportunity_id: string;
  version: ColumnType<number, number | undefined, number>;
  status: 'pending' | 'parked';
  attempts: ColumnType<number, number | undefined, number>;
  next_attempt_at: Timestamp;
  leased_until: Timestamp | null;
  lease_owner: string | null;
  leased_version: number | null;
  in_doubt: ColumnType<boolean, boolean | undefined, boolean>;
  last_error: string | null;
  enqueued_at: Timestamp;
}

export interface SalesforceSyncSchedulesTable {
  tenant_id: string;
  interval_minutes: number;
  next_run_at: Timestamp;
  leased_until: Timestamp | null;
  lease_owner: string | null;
  last_run_at: Timestamp | null;
  last_error: string | null;
}

export interface SalesforceWatermarksTable {
  tenant_id: string;
  sobject: string;
  system_modstamp: string;
  records_synced: ColumnType<number, number | undefined, number>;
  updated_at: Timestamp;
}

export interface SalesforceApiUsageTable {
  tenant_id: string;
  used: number;
  daily_limit: number;
  observed_at: Timestamp;
  throttled_until: Timestamp | null;
  throttle_reason: string | null;
}

export interface SalesforceApiCallsTable {
  tenant_id: string;
  hour: Timestamp;
  calls: number;
}

// ---- analytics aggregates, kept by the triggers of migrations 0004 and 0005 (never written by the app)

/** Score sums per day: the overall score and each rubric dimension. */
interface ScoreSumColumns {
  overall_sum: number;
  provocation_sum: number;
  customer_view_sum: number;
  collaboration_sum: number;
  business_focus_sum: number;
  next_step_sum: number;
}

export interface AnalyticsDailyTable extends ScoreSumColumns {
  tenant_id: string;
  author_id: string;
  day: string;
  note_count: number;
  scored_count: number;
}

/** Migration 0019: analytics_daily per author and calendar month (its first day). */
export interface AnalyticsAuthorMonthlyTable extends ScoreSumColumns {
  tenant_id: string;
  author_id: string;
  month: string;
  note_count: number;
  scored_count: number;
}

export interface AnalyticsTenantDailyTable extends ScoreSumColumns {
  tenant_id: string;
  day: string;
  note_count: number;
  scored_count: number;
}

export interface AnalyticsOpportunitiesTable {
  tenant_id: string;
  opportunity_id: string;
  note_count: number;
  scored_count: number;
  overall_sum: number;
}

export interface AnalyticsTenantDealScoresTable {
  tenant_id: string;
  score: number;
  closed: number;
  won: number;
}

export interface AnalyticsDealCoverageTable {
  tenant_id: string;
  opportunity_id: string;
  last_scored_on: string | null;
}

/** Raises of a prompt and the customers' reactions (one column per reaction). */
export interface AnalyticsPromptRaisesTable {
  tenant_id: string;
  prompt_key: string;
  set_id: string | null;
  version: number | null;
  note_stage: string | null;
  industry: string | null;
  opp_stage: string | null;
  opp_won: boolean;
  raised: number;
  new_to_them: number;
  already_addressing: number;
  redirected: number;
  dismissed: number;
}

export interface AnalyticsPromptAuthorRaisesTable extends AnalyticsPromptRaisesTable {
  author_id: string;
}

export interface AnalyticsPromptDealsTable {
  tenant_id: string;
  prompt_key: string;
  opportunity_id: string;
  set_id: string | null;
  version: number | null;
  author_id: string;
  raised: number;
}

/** Migration 0019: analytics_prompt_deals per phase of the stage on the note. */
export interface AnalyticsPromptPhaseDealsTable extends AnalyticsPromptDealsTable {
  phase: string;
}

/** Migration 0019: analytics_prompt_wins per phase of the stage on the note. */
export interface AnalyticsPromptPhaseWinsTable extends AnalyticsPromptWinsTable {
  phase: string;
}

export interface AnalyticsPromptWinsTable {
  tenant_id: string;
  level: number;
  prompt_key: string;
  set_id: string | null;
  version: number | null;
  industry: string | null;
  closed: number;
  won: number;
}

export interface AnalyticsAdhocTextsTable {
  tenant_id: string;
  author_id: string;
  note_stage: string | null;
  industry: string | null;
  text: string;
  raised: number;
}

export interface AnalyticsRedirectedNotesTable {
  tenant_id: string;
  author_id: string;
  note_stage: string | null;
  industry: string | null;
  sentence: string | null;
  notes: number;
}

export interface PromptPromotionsTable {
  tenant_id: string;
  id: string;
  kind: 'adhoc' | 'redirected';
  text: string;
  set_id: string;
  version: number;
  prompt_key: string;
  source_note_ids: JSONColumnType<string[]>;
  promoted_by: string;
  promoted_at: Timestamp;
}

export interface Database {
  users: UsersTable;
  tenants: TenantsTable;
  api_keys: ApiKeysTable;
  tenant_settings: TenantSettingsTable;
  opportunities: OpportunitiesTable;
  prompt_sets: PromptSetsTable;
  prompt_set_versions: PromptSetVersionsTable;
  prompts: PromptsTable;
  prompt_promotions: PromptPromotionsTable;
  notes: NotesTable;
  note_prompts: NotePromptsTable;
  idempotency_keys: IdempotencyKeysTable;
  jobs: JobsTable;
  salesforce_connections: SalesforceConnectionsTable;
  salesforce_outbox: SalesforceOutboxTable;
  salesforce_sync_schedules: SalesforceSyncSchedulesTable;
  salesforce_watermarks: SalesforceWatermarksTable;
  salesforce_api_usage: SalesforceApiUsageTable;
  salesforce_api_calls: SalesforceApiCallsTable;
  analytics_daily: AnalyticsDailyTable;
  analytics_tenant_daily: AnalyticsTenantDailyTable;
  analytics_author_monthly: AnalyticsAuthorMonthlyTable;
  analytics_opportunities: AnalyticsOpportunitiesTable;
  analytics_tenant_deal_scores: AnalyticsTenantDealScoresTable;
  analytics_deal_coverage: AnalyticsDealCoverageTable;
  analytics_prompt_raises: AnalyticsPromptRaisesTable;
  analytics_prompt_author_raises: AnalyticsPromptAuthorRaisesTable;
  analytics_prompt_deals: AnalyticsPromptDealsTable;
  analytics_prompt_wins: AnalyticsPromptWinsTable;
  analytics_prompt_phase_deals: AnalyticsPromptPhaseDealsTable;
  analytics_prompt_phase_wins: AnalyticsPromptPhaseWinsTable;
  analytics_adhoc_texts: AnalyticsAdhocTextsTable;
  analytics_redirected_notes: AnalyticsRedirectedNotesTable;
}
