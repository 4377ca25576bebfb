// Analytics at a large org's scale: indexes for the dashboard's scans, and two rollups of notes
// (per author and day; per opportunity) that statement-level triggers keep exact on every insert,
// edit, delete and bulk rescore, so the dashboard never aggregates a million score documents.
export const statements: readonly string[] = [
  `create table "analytics_daily" ("tenant_id" uuid not null, "author_id" text not null, "day" date not null, "note_count" integer not null, "scored_count" integer not null, "overall_sum" float8 not null, "provocation_sum" float8 not null, "customer_view_sum" float8 not null, "collaboration_sum" float8 not null, "business_focus_sum" float8 not null, "next_step_sum" float8 not null, constraint "analytics_daily_pk" primary key ("tenant_id", "author_id", "day"))`,
  `create index "analytics_daily_by_day" on "analytics_daily" ("tenant_id", "day")`,
  `create table "analytics_opportunities" ("tenant_id" uuid not null, "opportunity_id" text not null, "note_count" integer not null, "scored_count" integer not null, "overall_sum" float8 not null, constraint "analytics_opportunities_pk" primary key ("tenant_id", "opportunity_id"))`,
  `create function analytics_notes_insert() returns trigger language plpgsql as $fn$
         begin 
    with changed as (select *, 1 as sign from new_rows)
    insert into analytics_daily as a (tenant_id, author_id, day, note_count, scored_count, overall_sum, provocation_sum, customer_view_sum, collaboration_sum, business_focus_sum, next_step_sum)
    select tenant_id, author_id, occurred_at::date, sum(sign), sum(sign * (overall is not null)::int), coalesce(sum(sign * overall), 0), coalesce(sum(sign * (score->'dimensions'->>'provocation')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'customerView')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'collaboration')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'businessFocus')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'nextStep')::float8), 0)
    from changed group by tenant_id, author_id, occurred_at::date
    order by tenant_id, author_id, occurred_at::date
    on conflict (tenant_id, author_id, day) do update set
      note_count = a.note_count + excluded.note_count, scored_count = a.scored_count + excluded.scored_count, overall_sum = a.overall_sum + excluded.overall_sum, provocation_sum = a.provocation_sum + excluded.provocation_sum, customer_view_sum = a.customer_view_sum + excluded.customer_view_sum, collaboration_sum = a.collaboration_sum + excluded.collaboration_sum, business_focus_sum = a.business_focus_sum + excluded.business_focus_sum, next_step_sum = a.next_step_sum + excluded.next_step_sum;

    with changed as (select *, 1 as sign from new_rows)
    insert into analytics_opportunities as a (tenant_id, opportunity_id, note_count, scored_count, overall_sum)
    select tenant_id, opportunity_id, sum(sign), sum(sign * (overall is not null)::int), coalesce(sum(sign * overall), 0)
    from changed group by tenant_id, opportunity_id
    order by tenant_id, opportunity_id
    on conflict (tenant_id, opportunity_id) do update set
      note_count = a.note_count + excluded.note_count, scored_count = a.scored_count + excluded.scored_count, overall_sum = a.overall_sum + excluded.overall_sum; return null; end $fn$`,
  `create trigger analytics_notes_insert after insert on notes referencing new table as new_rows
         for each statement execute function analytics_notes_insert()`,
  `create function analytics_notes_delete() returns trigger language plpgsql as $fn$
         begin 
    with changed as (select *, -1 as sign from old_rows)
    insert into analytics_daily as a (tenant_id, author_id, day, note_count, scored_count, overall_sum, provocation_sum, customer_view_sum, collaboration_sum, business_focus_sum, next_step_sum)
    select tenant_id, author_id, occurred_at::date, sum(sign), sum(sign * (overall is not null)::int), coalesce(sum(sign * overall), 0), coalesce(sum(sign * (score->'dimensions'->>'provocation')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'customerView')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'collaboration')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'businessFocus')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'nextStep')::float8), 0)
    from changed group by tenant_id, author_id, occurred_at::date
    order by tenant_id, author_id, occurred_at::date
    on conflict (tenant_id, author_id, day) do update set
      note_count = a.note_count + excluded.note_count, scored_count = a.scored_count + excluded.scored_count, overall_sum = a.overall_sum + excluded.overall_sum, provocation_sum = a.provocation_sum + excluded.provocation_sum, customer_view_sum = a.customer_view_sum + excluded.customer_view_sum, collaboration_sum = a.collaboration_sum + excluded.collaboration_sum, business_focus_sum = a.business_focus_sum + excluded.business_focus_sum, next_step_sum = a.next_step_sum + excluded.next_step_sum;

    with changed as (select *, -1 as sign from old_rows)
    insert into analytics_opportunities as a (tenant_id, opportunity_id, note_count, scored_count, overall_sum)
    select tenant_id, opportunity_id, sum(sign), sum(sign * (overall is not null)::int), coalesce(sum(sign * overall), 0)
    from changed group by tenant_id, opportunity_id
    order by tenant_id, opportunity_id
    on conflict (tenant_id, opportunity_id) do update set
      note_count = a.note_count + excluded.note_count, scored_count = a.scored_count + excluded.scored_count, overall_sum = a.overall_sum + excluded.overall_sum; return null; end $fn$`,
  `create trigger analytics_notes_delete after delete on notes referencing old table as old_rows
         for each statement execute function analytics_notes_delete()`,
  `create function analytics_notes_update() returns trigger language plpgsql as $fn$
         begin 
    with changed as (select *, 1 as sign from new_rows union all select *, -1 as sign from old_rows)
    insert into analytics_daily as a (tenant_id, author_id, day, note_count, scored_count, overall_sum, provocation_sum, customer_view_sum, collaboration_sum, business_focus_sum, next_step_sum)
    select tenant_id, author_id, occurred_at::date, sum(sign), sum(sign * (overall is not null)::int), coalesce(sum(sign * overall), 0), coalesce(sum(sign * (score->'dimensions'->>'provocation')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'customerView')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'collaboration')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'businessFocus')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'nextStep')::float8), 0)
    from changed group by tenant_id, author_id, occurred_at::date
    order by tenant_id, author_id, occurred_at::date
    on conflict (tenant_id, author_id, day) do update set
      note_count = a.note_count + excluded.note_count, scored_count = a.scored_count + excluded.scored_count, overall_sum = a.overall_sum + excluded.overall_sum, provocation_sum = a.provocation_sum + excluded.provocation_sum, customer_view_sum = a.customer_view_sum + excluded.customer_view_sum, collaboration_sum = a.collaboration_sum + excluded.collaboration_sum, business_focus_sum = a.business_focus_sum + excluded.business_focus_sum, next_step_sum = a.next_step_sum + excluded.next_step_sum;

    with changed as (select *, 1 as sign from new_rows union all select *, -1 as sign from old_rows)
    insert into analytics_opportunities as a (tenant_id, opportunity_id, note_count, scored_count, overall_sum)
    select tenant_id, opportunity_id, sum(sign), sum(sign * (overall is not null)::int), coalesce(sum(sign * overall), 0)
    from changed group by tenant_id, opportunity_id
    order by tenant_id, opportunity_id
    on conflict (tenant_id, opportunity_id) do update set
      note_count = a.note_count + excluded.note_count, scored_count = a.scored_count + excluded.scored_count, overall_sum = a.overall_sum + excluded.overall_sum; return null; end $fn$`,
  `create trigger analytics_notes_update after update on notes referencing old table as old_rows new table as new_rows
         for each statement execute function analytics_notes_update()`,
  `with changed as (select *, 1 as sign from notes)
    insert into analytics_daily as a (tenant_id, author_id, day, note_count, scored_count, overall_sum, provocation_sum, customer_view_sum, collaboration_sum, business_focus_sum, next_step_sum)
    select tenant_id, author_id, occurred_at::date, sum(sign), sum(sign * (overall is not null)::int), coalesce(sum(sign * overall), 0), coalesce(sum(sign * (score->'dimensions'->>'provocation')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'customerView')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'collaboration')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'businessFocus')::float8), 0), coalesce(sum(sign * (score->'dimensions'->>'nextStep')::float8), 0)
    from changed group by tenant_id, author_id, occurred_at::date
    order by tenant_id, author_id, occurred_at::date
    on conflict (tenant_id, author_id, day) do update set
      note_count = a.note_count + excluded.note_count, scored_count = a.scored_count + excluded.scored_count, overall_sum = a.overall_sum + excluded.overall_sum, provocation_sum = a.provocation_sum + excluded.provocation_sum, customer_view_sum = a.customer_view_sum + excluded.customer_view_sum, collaboration_sum = a.collaboration_sum + excluded.collaboration_sum, business_focus_sum = a.business_focus_sum + excluded.business_focus_sum, next_step_sum = a.next_step_sum + excluded.next_step_sum;`,
  `with changed as (select *, 1 as sign from notes)
    insert into analytics_opportunities as a (tenant_id, opportunity_id, note_count, scored_count, overall_sum)
    select tenant_id, opportunity_id, sum(sign), sum(sign * (overall is not null)::int), coalesce(sum(sign * overall), 0)
    from changed group by tenant_id, opportunity_id
    order by tenant_id, opportunity_id
    on conflict (tenant_id, opportunity_id) do update set
      note_count = a.note_count + excluded.note_count, scored_count = a.scored_count + excluded.scored_count, overall_sum = a.overall_sum + excluded.overall_sum;`,
  `create index notes_by_day on notes (tenant_id, occurred_at, id) include (opportunity_id, author_id, overall)`,
  `create index notes_by_author_day on notes (tenant_id, author_id, occurred_at, id)`,
  `create index "opportunities_by_owner" on "opportunities" ("tenant_id", "owner_id")`,
  `create index "opportunities_by_account" on "opportunities" ("tenant_id", "account_name")`,
];
