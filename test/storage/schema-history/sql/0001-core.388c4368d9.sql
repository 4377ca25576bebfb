create table "tenants" ("id" uuid primary key, "slug" text not null unique, "name" text not null, "created_at" timestamptz default now() not null)
-- statement --
create table "api_keys" ("tenant_id" uuid not null references "tenants" ("id") on delete cascade, "id" uuid not null, "key_hash" text not null unique, "hint" text not null, "created_at" timestamptz default now() not null, "revoked_at" timestamptz, constraint "api_keys_pk" primary key ("tenant_id", "id"))
-- statement --
create table "tenant_settings" ("tenant_id" uuid primary key references "tenants" ("id") on delete cascade, "industries" jsonb not null, "stage_phases" jsonb not null, "weights" jsonb not null, "updated_at" timestamptz default now() not null)
-- statement --
create table "opportunities" ("tenant_id" uuid not null references "tenants" ("id") on delete cascade, "id" text not null, "name" text, "stage" text, "amount" double precision, "close_date" text, "record_type" text, "account_name" text, "industry" text, "is_closed" boolean, "is_won" boolean, "owner_id" text, "updated_at" timestamptz default now() not null, constraint "opportunities_pk" primary key ("tenant_id", "id"))
-- statement --
create table "prompt_sets" ("tenant_id" uuid not null references "tenants" ("id") on delete cascade, "id" uuid not null, "name" text not null, "description" text not null, "created_at" timestamptz default now() not null, constraint "prompt_sets_pk" primary key ("tenant_id", "id"))
-- statement --
create table "prompt_set_versions" ("tenant_id" uuid not null, "set_id" uuid not null, "version" integer not null, "status" text not null check (status in ('draft', 'published', 'retired')), "name" text not null, "description" text not null, "created_at" timestamptz default now() not null, "published_at" timestamptz, "retired_at" timestamptz, constraint "prompt_set_versions_pk" primary key ("tenant_id", "set_id", "version"), constraint "prompt_set_versions_set_fk" foreign key ("tenant_id", "set_id") references "prompt_sets" ("tenant_id", "id"))
-- statement --
create table "prompts" ("tenant_id" uuid not null, "id" uuid not null, "set_id" uuid not null, "version" integer not null, "position" integer not null, "key" text not null, "title" text not null, "provocation" text not null, "follow_up" text not null, "rationale" text not null, "source" text not null, "expires_on" text, "targeting" jsonb not null, constraint "prompts_pk" primary key ("tenant_id", "id"), constraint "prompts_version_key_unique" unique ("tenant_id", "set_id", "version", "key"), constraint "prompts_version_fk" foreign key ("tenant_id", "set_id", "version") references "prompt_set_versions" ("tenant_id", "set_id", "version") on delete cascade)
-- statement --
create table "notes" ("tenant_id" uuid not null references "tenants" ("id") on delete cascade, "id" uuid not null, "opportunity_id" text not null, "author_id" text not null, "occurred_at" text not null, "opportunity_stage" text, "summary" text not null, "customer_view" text, "ideas" text, "next_step" text, "next_step_date" text, "prompts" jsonb not null, "score" jsonb, "overall" integer, "scorer_version" text, "created_at" timestamptz default now() not null, "updated_at" timestamptz default now() not null, constraint "notes_pk" primary key ("tenant_id", "id"))
-- statement --
create index "notes_by_opportunity" on "notes" ("tenant_id", "opportunity_id", "created_at" desc, "id" desc)
-- statement --
create table "note_prompts" ("tenant_id" uuid not null, "note_id" uuid not null, "position" integer not null, "prompt_id" uuid, "prompt_key" text, "set_id" uuid, "version" integer, "text" text, "reaction" text, constraint "note_prompts_pk" primary key ("tenant_id", "note_id", "position"), constraint "note_prompts_note_fk" foreign key ("tenant_id", "note_id") references "notes" ("tenant_id", "id") on delete cascade)
-- statement --
create index "note_prompts_by_key" on "note_prompts" ("tenant_id", "prompt_key")
-- statement --
create table "idempotency_keys" ("tenant_id" uuid not null references "tenants" ("id") on delete cascade, "key" text not null, "request_hash" text not null, "status_code" integer, "body" jsonb, "created_at" timestamptz default now() not null, constraint "idempotency_keys_pk" primary key ("tenant_id", "key"))
-- statement --
create index "idempotency_keys_by_age" on "idempotency_keys" ("created_at")
-- statement --
create table "jobs" ("tenant_id" uuid not null references "tenants" ("id") on delete cascade, "id" uuid not null, "kind" text not null, "status" text not null, "done" integer default 0 not null, "total" integer default 0 not null, "error" text, "created_at" timestamptz default now() not null, "updated_at" timestamptz default now() not null, constraint "jobs_pk" primary key ("tenant_id", "id"))
