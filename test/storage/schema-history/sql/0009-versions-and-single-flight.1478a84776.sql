alter table tenant_settings add column version integer not null default 1
-- statement --
alter table notes add column version integer not null default 1
-- statement --
alter table notes add column settings_version integer
-- statement --
alter table jobs add column settings_version integer
-- statement --
alter table jobs add column superseded_by uuid
-- statement --
update jobs set status = 'failed', error = 'a newer job of the same kind was started', updated_at = now()
    where status in ('queued', 'running')
      and exists (
        select 1 from jobs newer
        where newer.tenant_id = jobs.tenant_id and newer.kind = jobs.kind
          and newer.status in ('queued', 'running')
          and (newer.created_at, newer.id) > (jobs.created_at, jobs.id))
-- statement --
create unique index jobs_one_active_per_kind on jobs (tenant_id, kind)
    where status in ('queued', 'running')
