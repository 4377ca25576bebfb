// Prompt effectiveness at a large org's scale: tenant-wide aggregates of library prompt raises that
// statement-level triggers on note_prompts, notes and opportunities keep exact, so the sales-ops
// view reads a few thousand rows instead of joining every raise with its note and deal.
//
// - analytics_prompt_raises: raises and reactions per prompt key, set, version, the stage recorded
//   on the note, and the deal's industry, current stage and win. Progression (deal now at a later
//   stage, or won) is decided at query time from the tenant's stage order.
// - analytics_prompt_deals: raises per prompt key, set, version and deal: which deals heard it.
// - analytics_prompt_wins: distinct closed and won deals where a prompt was raised, per industry,
//   at three levels: 0 per key, set and version; 1 per key and set; 2 per key.
//
// Every change is a set of signed "raise facts" (a note_prompts row with its note and its deal's
// current attributes): the old facts of the changed rows count -1, the new ones +1. The deal counts
// move when a (key, set, version, deal) presence goes from zero to positive or back, and when a
// deal's outcome or industry changes.
import { sql, type Kysely } from 'kysely';

const REACTIONS = ['new_to_them', 'already_addressing', 'redirected', 'dismissed'];
export const RAISE_KEYS = [
  'tenant_id',
  'prompt_key',
  'set_id',
  'version',
  'note_stage',
  'industry',
  'opp_stage',
  'opp_won',
];
const AUTHOR_RAISE_KEYS = [...RAISE_KEYS, 'author_id'];
const ADHOC_KEYS = ['tenant_id', 'author_id', 'note_stage', 'industry', 'text'];
const DEAL_KEYS = ['tenant_id', 'prompt_key', 'opportunity_id', 'set_id', 'version', 'author_id'];
const LIBRARY = 'prompt_key is not null';
const AD_HOC = 'prompt_key is null and text is not null';

/** Whether the tenant-wide counters (analytics_tenant_daily, analytics_prompt_raises) are written
 * per shard: 0005 wrote one row per key, 0006 spreads each key over shards. */
export interface Sharding {
  sharded: boolean;
}
const UNSHARDED: Sharding = { sharded: false };

// A tenant-wide row is locked by every write of the tenant until it commits. A shard per author adds
// no waiting (a rep's writes already queue on their own analytics_daily row), and concurrent reps
// rarely meet. Reads sum the shards, so any author → shard mapping counts right: the hash only spreads
// authors. Powers of two, for the mask. The daily series reads a few hundred days, so 32 shards cost
// it little; the sales-ops prompt view reads every raise row of the tenant, and 32 shards made it
// 2.7 times slower at 1M notes (p95 76 → 207 ms), so raises get 4: a popular prompt's writers meet
// on a row a quarter as often.
const SHARDS = { tenantDaily: 32, promptRaises: 4 } as const;

/** Key columns, and the values a select over signed facts gives them, with the shard when sharded. */
function shardedKeys(keys: string[], { sharded }: Sharding, shards: number) {
  const shard = `(hashtext(author_id) & ${shards - 1})`;
  return { columns: sharded ? [...keys, 'shard'] : keys, values: sharded ? [...keys, shard] : keys };
}

/** Adds the signed facts of `changed` that match `where` into a counting table. */
function addCounts(
  table: string,
  keys: string[],
  where: string,
  reactions: boolean,
  sharding: Sharding,
): string {
  const { columns, values: keyValues } = shardedKeys(keys, sharding, SHARDS.promptRaises);
  const list = keyValues.join(', ');
  const counters = reactions ? ['raised', ...REACTIONS] : ['raised'];
  const values = [
    'sum(sign)',
    ...(reactions ? REACTIONS.map((r) => `coalesce(sum(sign) filter (where reaction = '${r}'), 0)`) : []),
  ];
  return `insert into ${table} as a (${columns.join(', ')}, ${counters.join(', ')})
    select ${list}, ${values.join(', ')}
    from changed where ${where} group by ${list} order by ${list}
    on conflict (${columns.join(', ')}) do update set ${counters.map((c) => `${c} = a.${c} + excluded.${c}`).join(', ')}`;
}

/** Every counting table of raises, as statements over a `changed` set of signed facts. */
function countRaises(changed: string, sharding: Sharding): string[] {
  return [
    `with changed as (${changed}) ${addCounts('analytics_prompt_raises', RAISE_KEYS, LIBRARY, true, sharding)}`,
    // keyed by author: only that author's own writes meet on a row
    `with changed as (${changed}) ${addCounts('analytics_prompt_author_raises', AUTHOR_RAISE_KEYS, LIBRARY, true, UNSHARDED)}`,
    `with changed as (${changed}) ${addCounts('analytics_adhoc_texts', ADHOC_KEYS, AD_HOC, false, UNSHARDED)}`,
  ];
}
const WIN_KEYS = ['tenant_id', 'level', 'prompt_key', 'set_id', 'version', 'industry'];

/** Raise facts of note_prompts rows `np` on notes `n`, with the deal as it is now (or missing). */
function facts(npRows: string, noteRows: string, sign: number, opportunities = 'opportunities'): string {
  return `select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
      n.opportunity_stage as note_stage, n.opportunity_id, o.industry, o.stage as opp_stage,
      (o.is_won is true) as opp_won, ${sign} as sign
    from ${npRows} np
    join ${noteRows} n on n.tenant_id = np.tenant_id and n.id = np.note_id
    left join ${opportunities} o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id`;
}

/** Adds signed raise facts into the raise counts and the per-deal counts, then moves the deal counts
 * of (key, set, version, deal) presences that appeared or disappeared. */
function applyFacts(source: string, sharding: Sharding): string[] {
  const list = (columns: string[]) => columns.join(', ');
  return [
    ...countRaises(source, sharding),
    `with changed as (${source})
    insert into analytics_prompt_deals as d (${list(DEAL_KEYS)}, raised)
    select ${list(DEAL_KEYS)}, sum(sign) from changed where ${LIBRARY}
    group by ${list(DEAL_KEYS)} having sum(sign) <> 0 order by ${list(DEAL_KEYS)}
    on conflict (${list(DEAL_KEYS)}) do update set raised = d.raised + excluded.raised`,
    `with changed as (${source}),
    library as (select * from changed where ${LIBRARY}),
    delta as (
      select 0 as level, tenant_id, prompt_key, set_id, version, opportunity_id, sum(sign) as delta
        from library group by tenant_id, prompt_key, set_id, version, opportunity_id
      union all
      select 1, tenant_id, prompt_key, set_id, null::int, opportunity_id, sum(sign)
        from library group by tenant_id, prompt_key, set_id, opportunity_id
      union all
      select 2, tenant_id, prompt_key, null::uuid, null::int, opportunity_id, sum(sign)
        from library group by tenant_id, prompt_key, opportunity_id
    ),
    counted as (
      select x.*, (
        select coalesce(sum(d.raised), 0) from analytics_prompt_deals d
        where d.tenant_id = x.tenant_id and d.prompt_key = x.prompt_key
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
    insert into analytics_prompt_wins as w (${list(WIN_KEYS)}, closed, won)
    select m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry, sum(m.sign),
      coalesce(sum(m.sign) filter (where o.is_won is true), 0)
    from moved m join opportunities o on o.tenant_id = m.tenant_id and o.id = m.opportunity_id
    where m.sign <> 0 and o.is_closed is true
    group by m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry
    order by m.tenant_id, m.level, m.prompt_key, m.set_id, m.version, o.industry
    on conflict (${list(WIN_KEYS)}) do update set closed = w.closed + excluded.closed, won = w.won + excluded.won`,
  ];
}

/** Deal outcome attributes before (-1) and after (+1) a change to opportunities; a deal that is not
 * stored (yet, or any more) has none, as the left join in the queries sees it. */
const OPPORTUNITY_CHANGES = {
  insert: `select n.tenant_id, n.id, n.industry, n.stage, n.is_won, n.is_closed, 1 as sign from new_rows n
    union all select n.tenant_id, n.id, null, null, null, null, -1 from new_rows n`,
  delete: `select o.tenant_id, o.id, o.industry, o.stage, o.is_won, o.is_closed, -1 as sign from old_rows o
    union all select o.tenant_id, o.id, null, null, null, null, 1 from old_rows o`,
  update: `select o.tenant_id, o.id, o.industry, o.stage, o.is_won, o.is_closed, -1 as sign
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.stage, o.is_won, o.is_closed) is distinct from (n.industry, n.stage, n.is_won, n.is_closed)
    union all select n.tenant_id, n.id, n.industry, n.stage, n.is_won, n.is_closed, 1
      from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.industry, o.stage, o.is_won, o.is_closed) is distinct from (n.industry, n.stage, n.is_won, n.is_closed)`,
} as const;

function applyOpportunityChanges(changes: string, sharding: Sharding): string {
  const list = (columns: string[]) => columns.join(', ');
  const changed = `with x as (${changes})
      select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
        n.opportunity_stage as note_stage, x.industry, x.stage as opp_stage, (x.is_won is true) as opp_won, x.sign
      from x
      join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      join note_prompts np on np.tenant_id = n.tenant_id and np.note_id = n.id`;
  return `${countRaises(changed, sharding).join(';\n')};
    with x as (${changes}),
    heard as (
      select 0 as level, tenant_id, prompt_key, set_id, version, opportunity_id from analytics_prompt_deals
        where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, prompt_key, set_id, version, opportunity_id having sum(raised) > 0
      union all
      select 1, tenant_id, prompt_key, set_id, null::int, opportunity_id from analytics_prompt_deals
        where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, prompt_key, set_id, opportunity_id having sum(raised) > 0
      union all
      select 2, tenant_id, prompt_key, null::uuid, null::int, opportunity_id from analytics_prompt_deals
        where (tenant_id, opportunity_id) in (select tenant_id, id from x)
        group by tenant_id, prompt_key, opportunity_id having sum(raised) > 0
    )
    insert into analytics_prompt_wins as w (${list(WIN_KEYS)}, closed, won)
    select h.tenant_id, h.level, h.prompt_key, h.set_id, h.version, x.industry, sum(x.sign),
      coalesce(sum(x.sign) filter (where x.is_won is true), 0)
    from heard h join x on x.tenant_id = h.tenant_id and x.id = h.opportunity_id
    where x.is_closed is true
    group by h.tenant_id, h.level, h.prompt_key, h.set_id, h.version, x.industry
    order by h.tenant_id, h.level, h.prompt_key, h.set_id, h.version, x.industry
    on conflict (${list(WIN_KEYS)}) do update set closed = w.closed + excluded.closed, won = w.won + excluded.won;`;
}

const NOTE_PROMPT_SOURCES = {
  insert: facts('new_rows', 'notes', 1),
  delete: facts('old_rows', 'notes', -1),
  update: `${facts('new_rows', 'notes', 1)} union all ${facts('old_rows', 'notes', -1)}`,
} as const;
const OPERATIONS = ['insert', 'delete', 'update'] as const;
const TRANSITIONS = {
  insert: 'new table as new_rows',
  delete: 'old table as old_rows',
  update: 'old table as old_rows new table as new_rows',
} as const;

/** Notes whose deal or recorded stage changed: their raises move from the old note to the new one. */
const NOTE_MOVES = `
  (select o.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage))`;
const NOTE_MOVES_NEW = `
  (select n.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage))`;

/** Notes whose change can move their deal's latest scored day. */
const COVERAGE_CHANGES = {
  insert: 'select distinct tenant_id, opportunity_id from new_rows where overall is not null',
  delete: 'select distinct tenant_id, opportunity_id from old_rows where overall is not null',
  update: `select o.tenant_id, o.opportunity_id from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.opportunity_id, o.occurred_at, o.overall is null) is distinct from (n.opportunity_id, n.occurred_at, n.overall is null)
    union
    select n.tenant_id, n.opportunity_id from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
      where (o.opportunity_id, o.occurred_at, o.overall is null) is distinct from (n.opportunity_id, n.occurred_at, n.overall is null)`,
} as const;

/** Recomputes the latest scored day of the deals `deals` names (read through notes_by_opportunity). */
function refreshCoverage(deals: string): string {
  return `insert into analytics_deal_coverage as c (tenant_id, opportunity_id, last_scored_on)
    select d.tenant_id, d.opportunity_id, (
      select max(n.occurred_at) from notes n
      where n.tenant_id = d.tenant_id and n.opportunity_id = d.opportunity_id and n.overall is not null)
    from (${deals}) d order by d.tenant_id, d.opportunity_id
    on conflict (tenant_id, opportunity_id) do update set last_scored_on = excluded.last_scored_on`;
}

const TENANT_DAILY_COUNTERS = [
  'note_count', 'scored_count', 'overall_sum', 'provocation_sum', 'customer_view_sum', 'collaboration_sum',
  'business_focus_sum', 'next_step_sum',
]; // prettier-ignore
const TENANT_DAILY_SOURCES = {
  insert: 'select *, 1 as sign from new_rows',
  delete: 'select *, -1 as sign from old_rows',
  update: 'select *, 1 as sign from new_rows union all select *, -1 as sign from old_rows',
} as const;

function applyTenantDaily(source: string, sharding: Sharding): string {
  const counters = TENANT_DAILY_COUNTERS;
  const { columns, values } = shardedKeys(['tenant_id', 'day'], sharding, SHARDS.tenantDaily);
  return `with changed as (${source})
    insert into analytics_tenant_daily as t (${columns.join(', ')}, ${counters.join(', ')})
    select ${values.join(', ')}, ${counters.map((c) => `sum(sign * ${c})`).join(', ')}
    from changed group by ${values.join(', ')} order by ${values.join(', ')}
    on conflict (${columns.join(', ')}) do update set ${counters.map((c) => `${c} = t.${c} + excluded.${c}`).join(', ')}`;
}

// ---- redirected issues: notes where a prompt met the `redirected` reaction, per first sentence
// of the customer's view, author, stage on the note and deal industry
const REDIRECTED_KEYS = ['tenant_id', 'author_id', 'note_stage', 'industry', 'sentence'];

/** Adds signed notes (`tenant_id, note_id, note columns..., sign`) into the redirected counts. */
function addRedirected(signedNotes: string): string {
  const list = REDIRECTED_KEYS.join(', ');
  return `with x as (${signedNotes}),
    facts as (
      select x.tenant_id, x.author_id, x.opportunity_stage as note_stage, o.industry,
        trim(substring(x.customer_view from '^[^.!?]+')) as sentence, x.sign
      from x left join opportunities o on o.tenant_id = x.tenant_id and o.id = x.opportunity_id
      where x.customer_view is not null
    )
    insert into analytics_redirected_notes as a (${list}, notes)
    select ${list}, sum(sign) from facts group by ${list} having sum(sign) <> 0 order by ${list}
    on conflict (${list}) do update set notes = a.notes + excluded.notes`;
}

const REDIRECTED_NOW = (note: string) => `(select count(*) from note_prompts r
  where r.tenant_id = ${note}.tenant_id and r.note_id = ${note}.id and r.reaction = 'redirected')`;

/** note_prompts rows changed: a note counts when its first redirected prompt arrives or its last goes. */
function redirectedFromPrompts(signedRows: string): string {
  return addRedirected(`
    with delta as (
      select tenant_id, note_id, sum(sign) as delta from (${signedRows}) c
      where reaction = 'redirected' group by tenant_id, note_id
    ),
    moved as (
      select n.*, ${REDIRECTED_NOW('n')} as current_count, d.delta from delta d
      join notes n on n.tenant_id = d.tenant_id and n.id = d.note_id
    )
    select tenant_id, author_id, opportunity_stage, opportunity_id, customer_view,
      case when current_count > 0 then 1 else -1 end as sign
    from moved where (current_count > 0) <> (current_count - delta > 0)`);
}

const PROMPT_ROW_SIGNS = {
  insert: 'select tenant_id, note_id, reaction, 1 as sign from new_rows',
  delete: 'select tenant_id, note_id, reaction, -1 as sign from old_rows',
  update: `select tenant_id, note_id, reaction, 1 as sign from new_rows
    union all select tenant_id, note_id, reaction, -1 from old_rows`,
} as const;

/** Notes whose author, stage, deal or customer view changed move between counts. */
const REDIRECTED_NOTE_MOVES = addRedirected(`
  select o.tenant_id, o.author_id, o.opportunity_stage, o.opportunity_id, o.customer_view, -1 as sign
    from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
    where (o.author_id, o.opportunity_stage, o.opportunity_id, o.customer_view)
      is distinct from (n.author_id, n.opportunity_stage, n.opportunity_id, n.customer_view)
      and ${REDIRECTED_NOW('n')} > 0
  union all
  select n.tenant_id, n.author_id, n.opportunity_stage, n.opportunity_id, n.customer_view, 1
    from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
    where (o.author_id, o.opportunity_stage, o.opportunity_id, o.customer_view)
      is distinct from (n.author_id, n.opportunity_stage, n.opportunity_id, n.customer_view)
      and ${REDIRECTED_NOW('n')} > 0`);

/** A deal's industry changed: its redirected notes move from the old industry to the new one. */
function redirectedFromOpportunities(changes: string): string {
  const list = REDIRECTED_KEYS.join(', ');
  return `with x as (${changes}),
    facts as (
      select n.tenant_id, n.author_id, n.opportunity_stage as note_stage, x.industry,
        trim(substring(n.customer_view from '^[^.!?]+')) as sentence, x.sign
      from x join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      where n.customer_view is not null and ${REDIRECTED_NOW('n')} > 0
    )
    insert into analytics_redirected_notes as a (${list}, notes)
    select ${list}, sum(sign) from facts group by ${list} having sum(sign) <> 0 order by ${list}
    on conflict (${list}) do update set notes = a.notes + excluded.notes`;
}

// ---- win rate by score band, tenant-wide: closed and won deals per rounded average score
const DEAL_SCORE = 'floor(a.overall_sum / a.scored_count + 0.5)::int';

function addDealScores(signed: string): string {
  return `with changed as (${signed})
    insert into analytics_tenant_deal_scores as t (tenant_id, score, closed, won)
    select tenant_id, score, sum(sign), coalesce(sum(sign) filter (where is_won is true), 0)
    from changed group by tenant_id, score order by tenant_id, score
    on conflict (tenant_id, score) do update set closed = t.closed + excluded.closed, won = t.won + excluded.won`;
}

/** Closed deals with a scored note, from `opportunities` rows and `rollups` rows, signed. */
const dealScores = (opportunities: string, rollups: string, sign: number) => `
  select o.tenant_id, ${DEAL_SCORE} as score, o.is_won, ${sign} as sign
  from ${opportunities} o join ${rollups} a on a.tenant_id = o.tenant_id and a.opportunity_id = o.id
  where o.is_closed = true and a.scored_count > 0`;

const DEAL_SCORE_SOURCES = (table: 'opportunities' | 'analytics_opportunities') => {
  const pair = (rows: string, sign: number) =>
    table === 'opportunities'
      ? dealScores(rows, 'analytics_opportunities', sign)
      : dealScores('opportunities', rows, sign);
  return {
    insert: pair('new_rows', 1),
    delete: pair('old_rows', -1),
    update: `${pair('new_rows', 1)} union all ${pair('old_rows', -1)}`,
  } as const;
};

export async function createFunction(
  db: Kysely<unknown>,
  name: string,
  body: string,
  { replace, skipWhenEmpty }: { replace: boolean; skipWhenEmpty?: string } = { replace: false },
): Promise<void> {
  const guard = skipWhenEmpty ? emptyStatementGuard(skipWhenEmpty) : '';
  await sql
    .raw(
      `create ${replace ? 'or replace ' : ''}function ${name}() returns trigger language plpgsql as $fn$ begin ${guard} ${body} end $fn$`,
    )
    .execute(db);
}

/** The first line of a statement trigger's function: nothing to do when its statement changed no
 * row (see 0008). */
export const emptyStatementGuard = (transitionTable: string) =>
  `if not exists (select from ${transitionTable}) then return null; end if;`;

/** The trigger functions whose bodies write the tenant-wide counters, by name: 0006 recreates them
 * sharded. */
export function tenantCounterFunctions(sharding: Sharding): Record<string, string> {
  return Object.fromEntries([
    ...OPERATIONS.flatMap((op) => [
      [
        `analytics_note_prompts_${op}`,
        `${[...applyFacts(NOTE_PROMPT_SOURCES[op], sharding), redirectedFromPrompts(PROMPT_ROW_SIGNS[op])].join(';\n')}; return null;`,
      ],
      [
        `analytics_prompt_opportunities_${op}`,
        `${applyOpportunityChanges(OPPORTUNITY_CHANGES[op], sharding)} ${redirectedFromOpportunities(OPPORTUNITY_CHANGES[op])}; return null;`,
      ],
      [
        `analytics_tenant_daily_${op}`,
        `${applyTenantDaily(TENANT_DAILY_SOURCES[op], sharding)}; return null;`,
      ],
    ]),
    // a note moved to another deal or stage: its raises move with it
    [
      'analytics_prompt_notes_update',
      `${applyFacts(
        `${facts('note_prompts', NOTE_MOVES_NEW, 1)} union all ${facts('note_prompts', NOTE_MOVES, -1)}`,
        sharding,
      ).join(';\n')}; ${REDIRECTED_NOTE_MOVES}; return null;`,
    ],
  ]);
}

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  const functions = tenantCounterFunctions(UNSHARDED);
  // no foreign keys: rows change only through the triggers; a deleted tenant's rows are removed
  // by the trigger on tenants below
  await sql`create table analytics_prompt_raises (
    tenant_id uuid not null, prompt_key text not null, set_id uuid, version integer, note_stage text,
    industry text, opp_stage text, opp_won boolean not null,
    raised integer not null, new_to_them integer not null, already_addressing integer not null,
    redirected integer not null, dismissed integer not null)`.execute(db);
  await sql
    .raw(
      `create unique index analytics_prompt_raises_key on analytics_prompt_raises (${RAISE_KEYS.join(', ')}) nulls not distinct`,
    )
    .execute(db);
  // the same per author, for a team's view (read through its leading author)
  await sql`create table analytics_prompt_author_raises (
    tenant_id uuid not null, author_id text not null, prompt_key text not null, set_id uuid, version integer,
    note_stage text, industry text, opp_stage text, opp_won boolean not null,
    raised integer not null, new_to_them integer not null, already_addressing integer not null,
    redirected integer not null, dismissed integer not null)`.execute(db);
  await sql
    .raw(
      `create unique index analytics_prompt_author_raises_key on analytics_prompt_author_raises
       (tenant_id, author_id, ${AUTHOR_RAISE_KEYS.filter((k) => k !== 'tenant_id' && k !== 'author_id').join(', ')}) nulls not distinct`,
    )
    .execute(db);
  // ad-hoc provocations reps typed, per exact text (candidates group them at query time)
  await sql`create table analytics_adhoc_texts (
    tenant_id uuid not null, author_id text not null, note_stage text, industry text, text text not null,
    raised integer not null)`.execute(db);
  await sql
    .raw(
      `create unique index analytics_adhoc_texts_key on analytics_adhoc_texts (${ADHOC_KEYS.join(', ')}) nulls not distinct`,
    )
    .execute(db);
  await sql`create table analytics_redirected_notes (
    tenant_id uuid not null, author_id text not null, note_stage text, industry text, sentence text,
    notes integer not null)`.execute(db);
  await sql
    .raw(
      `create unique index analytics_redirected_notes_key on analytics_redirected_notes (${REDIRECTED_KEYS.join(', ')}) nulls not distinct`,
    )
    .execute(db);
  await sql`create table analytics_prompt_deals (
    tenant_id uuid not null, prompt_key text not null, opportunity_id text not null, set_id uuid,
    version integer, author_id text not null, raised integer not null)`.execute(db);
  await sql
    .raw(
      `create unique index analytics_prompt_deals_key on analytics_prompt_deals (${DEAL_KEYS.join(', ')}) nulls not distinct`,
    )
    .execute(db);
  await sql`create index analytics_prompt_deals_by_author on analytics_prompt_deals (tenant_id, author_id)`.execute(
    db,
  );
  await sql`create index analytics_prompt_deals_by_deal on analytics_prompt_deals (tenant_id, opportunity_id)`.execute(
    db,
  );
  await sql`create table analytics_prompt_wins (
    tenant_id uuid not null, level smallint not null, prompt_key text not null, set_id uuid,
    version integer, industry text, closed integer not null, won integer not null)`.execute(db);
  await sql
    .raw(
      `create unique index analytics_prompt_wins_key on analytics_prompt_wins (${WIN_KEYS.join(', ')}) nulls not distinct`,
    )
    .execute(db);

  for (const op of OPERATIONS) {
    await createFunction(db, `analytics_note_prompts_${op}`, functions[`analytics_note_prompts_${op}`]!);
    await sql
      .raw(
        `create trigger analytics_note_prompts_${op} after ${op} on note_prompts referencing ${TRANSITIONS[op]}
         for each statement execute function analytics_note_prompts_${op}()`,
      )
      .execute(db);
    await createFunction(
      db,
      `analytics_prompt_opportunities_${op}`,
      functions[`analytics_prompt_opportunities_${op}`]!,
    );
    await sql
      .raw(
        `create trigger analytics_prompt_opportunities_${op} after ${op} on opportunities referencing ${TRANSITIONS[op]}
         for each statement execute function analytics_prompt_opportunities_${op}()`,
      )
      .execute(db);
  }
  await createFunction(db, 'analytics_prompt_notes_update', functions.analytics_prompt_notes_update!);
  await sql`create trigger analytics_prompt_notes_update after update on notes
    referencing old table as old_rows new table as new_rows
    for each statement execute function analytics_prompt_notes_update()`.execute(db);
  // the cascade from notes deletes note_prompts after the note is gone, when the raise facts can no
  // longer be read: delete them first, while the note is still there
  await createFunction(
    db,
    'analytics_prompt_notes_delete',
    `delete from note_prompts where tenant_id = old.tenant_id and note_id = old.id; return old;`,
  );
  await sql`create trigger analytics_prompt_notes_delete before delete on notes
    for each row execute function analytics_prompt_notes_delete()`.execute(db);
  await createFunction(
    db,
    'analytics_prompt_tenants_delete',
    `delete from analytics_prompt_raises where tenant_id = old.id;
     delete from analytics_prompt_deals where tenant_id = old.id;
     delete from analytics_prompt_wins where tenant_id = old.id;
     delete from analytics_prompt_author_raises where tenant_id = old.id;
     delete from analytics_adhoc_texts where tenant_id = old.id;
     delete from analytics_redirected_notes where tenant_id = old.id;
     delete from analytics_tenant_deal_scores where tenant_id = old.id;
     delete from analytics_deal_coverage where tenant_id = old.id;
     delete from analytics_tenant_daily where tenant_id = old.id;
     return null;`,
  );
  await sql`create trigger zz_analytics_prompt_tenants_delete after delete on tenants
    for each row execute function analytics_prompt_tenants_delete()`.execute(db);

  // coverage: the latest day of a scored note per deal, so "covered in the last N days" is one
  // comparison per open deal instead of a scan of the window's notes
  await sql`create table analytics_deal_coverage (
    tenant_id uuid not null, opportunity_id text not null, last_scored_on text,
    constraint analytics_deal_coverage_pk primary key (tenant_id, opportunity_id))`.execute(db);
  for (const op of OPERATIONS) {
    await createFunction(
      db,
      `analytics_coverage_${op}`,
      `${refreshCoverage(COVERAGE_CHANGES[op])}; return null;`,
    );
    await sql
      .raw(
        `create trigger analytics_coverage_${op} after ${op} on notes referencing ${TRANSITIONS[op]}
         for each statement execute function analytics_coverage_${op}()`,
      )
      .execute(db);
  }
  await sql
    .raw(refreshCoverage(`select distinct tenant_id, opportunity_id from notes where overall is not null`))
    .execute(db);
  // the largest uncovered deals first, stopping after the first page
  await sql`create index opportunities_by_amount on opportunities (tenant_id, amount desc nulls last, id)`.execute(
    db,
  );

  // the tenant-wide series: note counts and score sums per tenant and day, from the per-author
  // rollup of 0004 (a trigger on it, so both move in the same statement)
  await sql
    .raw(
      `create table analytics_tenant_daily (tenant_id uuid not null, day date not null,
        ${TENANT_DAILY_COUNTERS.map((c) => `${c} ${c.endsWith('count') ? 'integer' : 'float8'} not null`).join(', ')},
        constraint analytics_tenant_daily_pk primary key (tenant_id, day))`,
    )
    .execute(db);
  for (const op of OPERATIONS) {
    await createFunction(db, `analytics_tenant_daily_${op}`, functions[`analytics_tenant_daily_${op}`]!);
    await sql
      .raw(
        `create trigger analytics_tenant_daily_${op} after ${op} on analytics_daily referencing ${TRANSITIONS[op]}
         for each statement execute function analytics_tenant_daily_${op}()`,
      )
      .execute(db);
  }
  await sql.raw(applyTenantDaily('select *, 1 as sign from analytics_daily', UNSHARDED)).execute(db);
  // the per-author quality of a range read from the index alone
  await sql
    .raw(
      `create index analytics_daily_by_day_covering on analytics_daily (tenant_id, day)
       include (author_id, ${TENANT_DAILY_COUNTERS.join(', ')})`,
    )
    .execute(db);

  await sql`create table analytics_tenant_deal_scores (tenant_id uuid not null, score integer not null,
    closed integer not null, won integer not null,
    constraint analytics_tenant_deal_scores_pk primary key (tenant_id, score))`.execute(db);
  for (const table of ['opportunities', 'analytics_opportunities'] as const) {
    for (const op of OPERATIONS) {
      const name = `analytics_deal_scores_${table === 'opportunities' ? 'opp' : 'rollup'}_${op}`;
      await createFunction(db, name, `${addDealScores(DEAL_SCORE_SOURCES(table)[op])}; return null;`);
      await sql
        .raw(
          `create trigger ${name} after ${op} on ${table} referencing ${TRANSITIONS[op]}
           for each statement execute function ${name}()`,
        )
        .execute(db);
    }
  }
  await sql.raw(addDealScores(dealScores('opportunities', 'analytics_opportunities', 1))).execute(db);

  // raises stored before this migration
  for (const statement of applyFacts(facts('note_prompts', 'notes', 1), UNSHARDED)) {
    await sql.raw(statement).execute(db);
  }
  await sql
    .raw(
      addRedirected(`select n.tenant_id, n.author_id, n.opportunity_stage, n.opportunity_id, n.customer_view, 1 as sign
        from notes n where exists (select 1 from note_prompts r
          where r.tenant_id = n.tenant_id and r.note_id = n.id and r.reaction = 'redirected')`),
    )
    .execute(db);
}
