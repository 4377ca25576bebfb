// Read-modify-write races (issue 13). Settings and notes get a version that every change bumps:
// it is their ETag, and a rescore writes a score only over the version it read. A note records the
// settings version whose weights scored it, so a rescore finds notes scored with older weights. A
// rescore job records the settings version it applies and, when a newer one replaces it, which job
// did. At most one job of a kind is active per tenant, enforced by a partial unique index.
export const statements: readonly string[] = [
  `alter table tenant_settings add column version integer not null default 1`,
  `alter table notes add column version integer not null default 1`,
  `alter table notes add column settings_version integer`,
  `alter table jobs add column settings_version integer`,
  `alter table jobs add column superseded_by uuid`,
  `update jobs set status = 'failed', error = 'a newer job of the same kind was started', updated_at = now()
    where status in ('queued', 'running')
      and exists (
        select 1 from jobs newer
        where newer.tenant_id = jobs.tenant_id and newer.kind = jobs.kind
          and newer.status in ('queued', 'running')
          and (newer.created_at, newer.id) > (jobs.created_at, jobs.id))`,
  `create unique index jobs_one_active_per_kind on jobs (tenant_id, kind)
    where status in ('queued', 'running')`,
];
