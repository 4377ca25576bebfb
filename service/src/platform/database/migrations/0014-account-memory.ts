// The account's memory. Opportunities learn their Salesforce Account Id (names are not unique, so
// the account a deal belongs to is keyed by its Id from here on). A rep's judgement on an inside-view
// entry (outdated, or corrected in their words) is kept beside the note the entry came from, with
// the entry's text as it read then, so an edit of the note that rewrites the entry leaves the
// judgement behind rather than applying it to different words. The entries themselves are derived
// from the notes when read.
export const statements: readonly string[] = [
  `alter table opportunities add column account_id text`,
  `create index opportunities_by_account_id on opportunities (tenant_id, account_id)`,
  `create table inside_view_overrides (
      tenant_id uuid not null references tenants (id) on delete cascade,
      entry_id text not null,
      note_id uuid not null,
      original text not null,
      outdated boolean not null default false,
      correction text,
      changed_by text not null,
      changed_at timestamptz not null default now(),
      constraint inside_view_overrides_pk primary key (tenant_id, entry_id),
      constraint inside_view_overrides_note foreign key (tenant_id, note_id)
        references notes (tenant_id, id) on delete cascade
    )`,
  `create index inside_view_overrides_by_note on inside_view_overrides (tenant_id, note_id)`,
];
