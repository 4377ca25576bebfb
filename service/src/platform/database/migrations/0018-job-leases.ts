// Jobs run by whichever worker claims them. A running job carries its worker and a lease the worker
// extends as it makes progress; a job whose lease ran out (its worker died) is claimed again, and
// `runs` counts the claims, so a job run twice shows.
export const statements: readonly string[] = [
  `alter table jobs add column lease_owner text`,
  `alter table jobs add column leased_until timestamptz`,
  `alter table jobs add column runs integer not null default 0`,
  `create index jobs_claimable on jobs (created_at) where status in ('queued', 'running')`,
];
