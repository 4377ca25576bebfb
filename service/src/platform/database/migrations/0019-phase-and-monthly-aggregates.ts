// Prompt effectiveness under a phase filter without reading every raise: the distinct closed and won
// deals where a prompt was raised in a note whose stage maps to a phase, kept per phase by
// statement-level triggers, as analytics_prompt_deals and analytics_prompt_wins are without one.
//
// - analytics_prompt_phase_deals: raises per phase (the tenant's stage → phase map applied to the
//   stage recorded on the note), prompt key, set, version, deal and author.
// - analytics_prompt_phase_wins: distinct closed and won deals per phase, key and industry at the
//   levels of analytics_prompt_wins: 0 per key, set and version; 1 per key and set; 2 per key.
//
// - analytics_author_monthly: analytics_daily summed per author and calendar month, so a range of
//   years reads a row per rep and month, and days only at its ends.
//
// A change of the tenant's stage → phase map rebuilds its rows from the raw raises in one statement
// each. Trigger writers hold a shared advisory lock on their tenant, the rebuild an exclusive one,
// so no write counts a raise under a map the rebuild has already replaced.
const OPERATIONS = ['insert', 'delete', 'update'] as const;
type Operation = (typeof OPERATIONS)[number];
/** The transition table every trigger of an operation has. */
const GUARDED: Record<Operation, string> = { insert: 'new_rows', delete: 'old_rows', update: 'new_rows' };
const REFERENCING: Record<Operation, string> = {
  insert: 'new table as new_rows',
  delete: 'old table as old_rows',
  update: 'old table as old_rows new table as new_rows',
};

/** Nothing to do when the statement changed no row (the guard every transition-table trigger of the
 * analytics has, checked by test/analytics/empty-statements.test.ts). */
function guard(op: Operation): string {
  return `if not exists (select from ${GUARDED[op]}) then return null; end if;`;
}

function lockTenants(rows: string): string {
  return `perform pg_advisory_xact_lock_shared(190019, hashtext(t.tenant_id::text)) from (select distinct tenant_id from ${rows}) t;`;
}

/** Signed raise facts of library prompts `np` on notes `n` whose stage the tenant maps to a phase. */
function facts(promptRows: string, noteRows: string, sign: number): string {
  return `select np.tenant_id, s.stage_phases ->> n.opportunity_stage as phase, np.prompt_key, n.opportunity_id,
      np.set_id, np.version, n.author_id, ${sign} as sign
    from ${promptRows} np
    join ${noteRows} n on n.tenant_id = np.tenant_id and n.id = np.note_id
    join tenant_settings s on s.tenant_id = np.tenant_id
    where np.prompt_key is not null and s.stage_phases ->> n.opportunity_stage is not null`;
}

/** The old (`o`) or new (`n`) rows of notes whose deal, stage or author changed. */
function noteMoves(side: 'o' | 'n'): string {
  return `(select ${side}.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
    where (o.opportunity_id, o.opportunity_stage, o.author_id) is distinct from (n.opportunity_id, n.opportunity_stage, n.author_id))`;
}

const PROMPT_FACTS: Record<Operation, string> = {
  insert: facts('new_rows', 'notes', 1),
  delete: facts('old_rows', 'notes', -1),
  update: `${facts('new_rows', 'notes', 1)} union all ${facts('old_rows', 'notes', -1)}`,
};

const DAILY_COUNTERS = [
  'note_count', 'scored_count', 'overall_sum', 'provocation_sum', 'customer_view_sum', 'collaboration_sum',
  'business_focus_sum', 'next_step_sum',
]; // prettier-ignore
const DAILY_ROWS: Record<Operation, string> = {
  insert: 'select *, 1 as sign from new_rows',
  delete: 'select *, -1 as sign from old_rows',
  update: 'select *, 1 as sign from new_rows union all select *, -1 as sign from old_rows',
};

/** Adds signed analytics_daily rows into their authors' months. */
function addMonthly(source: string): string {
  const counters = DAILY_COUNTERS;
  return `with changed as (${source})
    insert into analytics_author_monthly as m (tenant_id, month, author_id, ${counters.join(', ')})
    select tenant_id, date_trunc('month', day)::date, author_id, ${counters.map((c) => `sum(sign * ${c})`).join(', ')}
    from changed group by 1, 2, 3 order by 1, 2, 3
    on conflict (tenant_id, month, author_id) do update set ${counters.map((c) => `${c} = m.${c} + excluded.${c}`).join(', ')};`;
}

const DEAL_KEYS = 'tenant_id, phase, prompt_key, opportunity_id, set_id, version, author_id';
const WIN_KEYS = 'tenant_id, phase, level, prompt_key, set_id, version, industry';

/** Adds signed facts into the per-deal raises, then moves the deal counts of the (phase, key, set,
 * version, deal) presences that appeared or disappeared. */
function applyFacts(source: string): string {
  return `with changed as (${source})
    insert into analytics_prompt_phase_deals as d (${DEAL_KEYS}, raised)
    select ${DEAL_KEYS}, sum(sign) from changed
    group by ${DEAL_KEYS} having sum(sign) <> 0 order by ${DEAL_KEYS}
    on conflict (${DEAL_KEYS}) do update set raised = d.raised + excluded.raised;
    with changed as (${source}),
    delta as (
      select 0 as level, tenant_id, phase, prompt_key, set_id, version, opportunity_id, sum(sign) as delta
        from changed group by tenant_id, phase, prompt_key, set_id, version, opportunity_id
      union all
      select 1, tenant_id, phase, prompt_key, set_id, null::int, opportunity_id, sum(sign)
        from changed group by tenant_id, phase, prompt_key, set_id, opportunity_id
      union all
      select 2, tenant_id, phase, prompt_key, null::uuid, null::int, opportunity_id, sum(sign)
        from changed group by tenant_id, phase, prompt_key, opportunity_id
    ),
    counted as (
      select x.*, (
        select coalesce(sum(d.raised), 0) from analytics_prompt_phase_deals d
        where d.tenant_id = x.tenant_id and d.phase = x.phase and d.prompt_key = x.prompt_key
          and d.opportunity_id = x.opportunity_id
          and (x.level = 2 or d.set_id is not distinct from x.set_id)
          and (x.level >= 1 or d.version is not distinct from x.version)
      ) as raised
      from delta x where x.delta <> 0
    ),
    moved as (
      select *, case when raised > 0 and raised - delta <= 0 then 1
                     when raised <= 0 and raised - delta > 0 then -1 else 0 end as sign
      from counted
    )
    insert into analytics_prompt_phase_wins as w (${WIN_KEYS}, closed, won)
    select m.tenant_id, m.phase, m.level, m.prompt_key, m.set_id, m.version, o.industry, sum(m.sign),
      coalesce(sum(m.sign) filter (where o.is_won is true), 0)
    from moved m join opportunities o on o.tenant_id = m.tenant_id and o.id = m.opportunity_id
    where m.sign <> 0 and o.is_closed is true
    group by m.tenant_id, m.phase, m.level, m.prompt_key, m.set_id, m.version, o.industry
    order by m.tenant_id, m.phase, m.level, m.prompt_key, m.set_id, m.version, o.industry
    on conflict (${WIN_KEYS}) do update set closed = w.closed + excluded.closed, won = w.won + excluded.won;`;
}

/** A deal's outcome attributes before (-1) and after (+1) a change; a deal not stored has none. */
const OUTCOME_CHANGES: Record<Operation, string> = {
  insert: `select n.tenant_id, n.id, n.industry, n.is_won, n.is_closed, 1 as sign from new_rows n`,
  delete: `select o.tenant_id, o.id, o.industry, o.is_won, o.is_closed, -1 as sign from old_rows o`,
  update: `select o.tenant_id, o.id, o.industry, o.is_won, o.is_closed, -1 as sign
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.is_won, o.is_closed) is distinct from (n.industry, n.is_won, n.is_closed)
    union all select n.tenant_id, n.id, n.industry, n.is_won, n.is_closed, 1
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.is_won, o.is_closed) is distinct from (n.industry, n.is_won, n.is_closed)`,
};

/** Closed deals that changed move between the counts of every presence they have. */
function moveDealOutcomes(changes: string): string {
  const heard = (level: number, columns: string, grouped: string) => `
      select ${level} as level, tenant_id, phase, prompt_key, ${columns}, opportunity_id
        from analytics_prompt_phase_deals where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, phase, prompt_key, ${grouped}opportunity_id having sum(raised) > 0`;
  return `with x as (${changes}),
    heard as (${heard(0, 'set_id, version', 'set_id, version, ')}
      union all ${heard(1, 'set_id, null::int', 'set_id, ')}
      union all ${heard(2, 'null::uuid, null::int', '')}
    )
    insert into analytics_prompt_phase_wins as w (${WIN_KEYS}, closed, won)
    select h.tenant_id, h.phase, h.level, h.prompt_key, h.set_id, h.version, x.industry, sum(x.sign),
      coalesce(sum(x.sign) filter (where x.is_won is true), 0)
    from heard h join x on x.tenant_id = h.tenant_id and x.id = h.opportunity_id
    where x.is_closed is true
    group by h.tenant_id, h.phase, h.level, h.prompt_key, h.set_id, h.version, x.industry
    order by h.tenant_id, h.phase, h.level, h.prompt_key, h.set_id, h.version, x.industry
    on conflict (${WIN_KEYS}) do update set closed = w.closed + excluded.closed, won = w.won + excluded.won;`;
}

export const statements: readonly string[] = [
  `create table analytics_prompt_phase_deals (
    tenant_id uuid not null, phase text not null, prompt_key text not null, opportunity_id text not null,
    set_id uuid, version integer, author_id text not null, raised integer not null)`,
  `create unique index analytics_prompt_phase_deals_key on analytics_prompt_phase_deals
    (tenant_id, phase, prompt_key, opportunity_id, set_id, version, author_id) nulls not distinct`,
  `create index analytics_prompt_phase_deals_by_deal on analytics_prompt_phase_deals (tenant_id, opportunity_id)`,
  `create index analytics_prompt_phase_deals_by_author on analytics_prompt_phase_deals (tenant_id, author_id, phase)`,
  `create table analytics_prompt_phase_wins (
    tenant_id uuid not null, phase text not null, level smallint not null, prompt_key text not null,
    set_id uuid, version integer, industry text, closed integer not null, won integer not null)`,
  `create unique index analytics_prompt_phase_wins_key on analytics_prompt_phase_wins
    (tenant_id, phase, level, prompt_key, set_id, version, industry) nulls not distinct`,
  `create trigger analytics_prompt_phase_wins_bound_keys before insert on analytics_prompt_phase_wins
    for each row execute function analytics_bound_keys('industry')`,

  // the rebuild: every raise of the tenant under its current map, then the deals that heard each key
  `create function analytics_phase_rebuild(tenant uuid) returns void language plpgsql as $fn$begin
    perform pg_advisory_xact_lock(190019, hashtext(tenant::text));
    delete from analytics_prompt_phase_deals where tenant_id = tenant;
    delete from analytics_prompt_phase_wins where tenant_id = tenant;
    insert into analytics_prompt_phase_deals (tenant_id, phase, prompt_key, opportunity_id, set_id, version, author_id, raised)
    select np.tenant_id, s.stage_phases ->> n.opportunity_stage, np.prompt_key, n.opportunity_id, np.set_id,
      np.version, n.author_id, count(*)
    from note_prompts np
    join notes n on n.tenant_id = np.tenant_id and n.id = np.note_id
    join tenant_settings s on s.tenant_id = np.tenant_id
    where np.tenant_id = tenant and np.prompt_key is not null and s.stage_phases ->> n.opportunity_stage is not null
    group by 1, 2, 3, 4, 5, 6, 7;
    insert into analytics_prompt_phase_wins (tenant_id, phase, level, prompt_key, set_id, version, industry, closed, won)
    select h.tenant_id, h.phase, h.level, h.prompt_key, h.set_id, h.version, o.industry, count(*),
      count(*) filter (where o.is_won is true)
    from (
      select distinct tenant_id, phase, 0 as level, prompt_key, set_id, version, opportunity_id
        from analytics_prompt_phase_deals where tenant_id = tenant and raised > 0
      union all
      select distinct tenant_id, phase, 1, prompt_key, set_id, null::int, opportunity_id
        from analytics_prompt_phase_deals where tenant_id = tenant and raised > 0
      union all
      select distinct tenant_id, phase, 2, prompt_key, null::uuid, null::int, opportunity_id
        from analytics_prompt_phase_deals where tenant_id = tenant and raised > 0
    ) h
    join opportunities o on o.tenant_id = h.tenant_id and o.id = h.opportunity_id
    where o.is_closed is true
    group by 1, 2, 3, 4, 5, 6, 7;
  end $fn$`,
  `select analytics_phase_rebuild(tenant_id) from tenant_settings`,
  `create function analytics_phase_settings_change() returns trigger language plpgsql as $fn$begin
    perform analytics_phase_rebuild(coalesce(new.tenant_id, old.tenant_id));
    return null;
  end $fn$`,
  `create trigger analytics_phase_settings_insert after insert on tenant_settings
    for each row execute function analytics_phase_settings_change()`,
  `create trigger analytics_phase_settings_update after update of stage_phases on tenant_settings
    for each row when (old.stage_phases is distinct from new.stage_phases)
    execute function analytics_phase_settings_change()`,
  `create trigger analytics_phase_settings_delete after delete on tenant_settings
    for each row execute function analytics_phase_settings_change()`,
  `create function analytics_phase_tenants_delete() returns trigger language plpgsql as $fn$begin
    delete from analytics_prompt_phase_deals where tenant_id = old.id;
    delete from analytics_prompt_phase_wins where tenant_id = old.id;
    delete from analytics_author_monthly where tenant_id = old.id;
    return null;
  end $fn$`,
  `create trigger zz_analytics_phase_tenants_delete after delete on tenants
    for each row execute function analytics_phase_tenants_delete()`,
  ...OPERATIONS.map(
    (
      op,
    ) => `create function analytics_phase_note_prompts_${op}() returns trigger language plpgsql as $fn$begin ${guard(op)}
    ${lockTenants(GUARDED[op])}
    ${applyFacts(PROMPT_FACTS[op])}
    return null;
  end $fn$`,
  ),
  ...OPERATIONS.map(
    (op) => `create trigger analytics_phase_note_prompts_${op} after ${op} on note_prompts
    referencing ${REFERENCING[op]}
    for each statement execute function analytics_phase_note_prompts_${op}()`,
  ),
  // a note moved to another deal, stage or author: its raises move with it
  `create function analytics_phase_notes_update() returns trigger language plpgsql as $fn$begin ${guard('update')}
    ${lockTenants('new_rows')}
    ${applyFacts(`${facts('note_prompts', noteMoves('n'), 1)} union all ${facts('note_prompts', noteMoves('o'), -1)}`)}
    return null;
  end $fn$`,
  `create trigger analytics_phase_notes_update after update on notes
    referencing old table as old_rows new table as new_rows
    for each statement execute function analytics_phase_notes_update()`,
  ...OPERATIONS.map(
    (
      op,
    ) => `create function analytics_phase_opportunities_${op}() returns trigger language plpgsql as $fn$begin ${guard(op)}
    ${lockTenants(GUARDED[op])}
    ${moveDealOutcomes(OUTCOME_CHANGES[op])}
    return null;
  end $fn$`,
  ),
  ...OPERATIONS.map(
    (op) => `create trigger analytics_phase_opportunities_${op} after ${op} on opportunities
    referencing ${REFERENCING[op]}
    for each statement execute function analytics_phase_opportunities_${op}()`,
  ),
  `create table analytics_author_monthly (tenant_id uuid not null, month date not null, author_id text not null,
    note_count integer not null, scored_count integer not null, overall_sum float8 not null,
    provocation_sum float8 not null, customer_view_sum float8 not null, collaboration_sum float8 not null,
    business_focus_sum float8 not null, next_step_sum float8 not null,
    constraint analytics_author_monthly_pk primary key (tenant_id, month, author_id))`,
  `insert into analytics_author_monthly (tenant_id, month, author_id, ${DAILY_COUNTERS.join(', ')})
    select tenant_id, date_trunc('month', day)::date, author_id, ${DAILY_COUNTERS.map((c) => `sum(${c})`).join(', ')}
    from analytics_daily group by 1, 2, 3`,
  ...OPERATIONS.map(
    (
      op,
    ) => `create function analytics_author_monthly_${op}() returns trigger language plpgsql as $fn$begin ${guard(op)}
    ${addMonthly(DAILY_ROWS[op])}
    return null;
  end $fn$`,
  ),
  ...OPERATIONS.map(
    (op) => `create trigger analytics_author_monthly_${op} after ${op} on analytics_daily
    referencing ${REFERENCING[op]}
    for each statement execute function analytics_author_monthly_${op}()`,
  ),
];
