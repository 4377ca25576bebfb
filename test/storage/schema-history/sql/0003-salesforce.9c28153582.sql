create table "salesforce_connections" ("tenant_id" uuid primary key references "tenants" ("id") on delete cascade, "login_url" text not null, "instance_url" text, "api_version" text not null, "auth_flow" text not null check (auth_flow in ('jwt', 'client_credentials', 'password')), "client_id" text not null, "username" text, "secrets" text not null, "budget_share" double precision not null, "created_at" timestamptz default now() not null, "updated_at" timestamptz default now() not null)
-- statement --
create table "salesforce_outbox" ("tenant_id" uuid not null references "tenants" ("id") on delete cascade, "opportunity_id" text not null, "version" integer default 1 not null, "status" text not null check (status in ('pending', 'parked')), "attempts" integer default 0 not null, "next_attempt_at" timestamptz default now() not null, "leased_until" timestamptz, "lease_owner" text, "leased_version" integer, "in_doubt" boolean default false not null, "last_error" text, "enqueued_at" timestamptz default now() not null, constraint "salesforce_outbox_pk" primary key ("tenant_id", "opportunity_id"))
-- statement --
create index "salesforce_outbox_due" on "salesforce_outbox" ("tenant_id", "status", "next_attempt_at")
-- statement --
create table "salesforce_sync_schedules" ("tenant_id" uuid primary key references "tenants" ("id") on delete cascade, "interval_minutes" integer not null, "next_run_at" timestamptz default now() not null, "leased_until" timestamptz, "lease_owner" text, "last_run_at" timestamptz, "last_error" text)
-- statement --
create table "salesforce_watermarks" ("tenant_id" uuid not null references "tenants" ("id") on delete cascade, "sobject" text not null, "system_modstamp" text not null, "records_synced" integer default 0 not null, "updated_at" timestamptz default now() not null, constraint "salesforce_watermarks_pk" primary key ("tenant_id", "sobject"))
-- statement --
create table "salesforce_api_usage" ("tenant_id" uuid primary key references "tenants" ("id") on delete cascade, "used" integer not null, "daily_limit" integer not null, "observed_at" timestamptz default now() not null, "throttled_until" timestamptz, "throttle_reason" text)
-- statement --
create table "salesforce_api_calls" ("tenant_id" uuid not null references "tenants" ("id") on delete cascade, "hour" timestamptz not null, "calls" integer not null, constraint "salesforce_api_calls_pk" primary key ("tenant_id", "hour"))
