// Candidates promoted into prompts. A sales ops user turns a rep's ad-hoc provocation or a redirected
// issue into a draft prompt; the promotion keeps the candidate's text, the notes it came from and
// the prompt it became (set, version, key), so the candidates list can show it as promoted and the
// prompt can be traced back to what reps heard.
export const statements: readonly string[] = [
  `create table prompt_promotions (
      tenant_id uuid not null references tenants (id) on delete cascade,
      id uuid not null,
      kind text not null check (kind in ('adhoc', 'redirected')),
      text text not null,
      set_id uuid not null,
      version integer not null,
      prompt_key text not null,
      source_note_ids jsonb not null default '[]',
      promoted_by text not null,
      promoted_at timestamptz not null default now(),
      constraint prompt_promotions_pk primary key (tenant_id, id),
      constraint prompt_promotions_set foreign key (tenant_id, set_id)
        references prompt_sets (tenant_id, id) on delete cascade
    )`,
  `create index prompt_promotions_by_kind on prompt_promotions (tenant_id, kind, promoted_at desc)`,
];
