create table "users" ("tenant_id" uuid not null references "tenants" ("id") on delete cascade, "id" text not null, "name" text not null, "manager_id" text, "is_active" boolean default true not null, "updated_at" timestamptz default now() not null, constraint "users_pk" primary key ("tenant_id", "id"))
-- statement --
create index "users_by_manager" on "users" ("tenant_id", "manager_id")
