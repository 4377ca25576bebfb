// The analytics trigger functions as the schema has them today, and a writer of migrations that
// replace some of them. Development tooling: the service never imports it; migrations are frozen
// SQL files, and this writes new ones (docs/migrations.md).
//
// The functions keep tenant-wide aggregates exact with statement-level triggers on note_prompts,
// notes, opportunities and the per-author rollups:
// - analytics_prompt_raises: raises and reactions per prompt key, set, version, the stage recorded
//   on the note, and the deal's industry, current stage and win (sharded by author).
// - analytics_prompt_deals: raises per prompt key, set, version and deal: which deals heard it.
// - analytics_prompt_wins: distinct closed and won deals where a prompt was raised, per industry,
//   at three levels: 0 per key, set and version; 1 per key and set; 2 per key.
// - analytics_tenant_daily (sharded by author), analytics_deal_coverage,
//   analytics_tenant_deal_scores, and the candidates' ad-hoc texts and redirected notes.
//
// Every change is a set of signed "raise facts" (a note_prompts row with its note and its deal's
// current attributes): the old facts of the changed rows count -1, the new ones +1. The deal counts
// move when a (key, set, version, deal) presence goes from zero to positive or back, and when a
// deal's outcome or industry changes.
//
//   npx tsx scripts/migrations/analytics-triggers.ts <migration-name> "<why>" <function>...
// writes service/src/platform/database/migrations/<migration-name>.ts replacing the named functions; register
// it in that folder's index.ts.
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { format, resolveConfig } from 'prettier';

const REACTIONS = ['new_to_them', 'already_addressing', 'redirected', 'dismissed'];
const RAISE_KEYS = [
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

// A tenant-wide row is locked by every write of the tenant until it commits. A shard per author adds
// no waiting (a rep's writes already queue on their own analytics_daily row), and concurrent reps
// rarely meet. Reads sum the shards, so any author → shard mapping counts right: the hash only spreads
// authors. Powers of two, for the mask. The daily series reads a few hundred days, so many shards
// cost it little; the sales-ops prompt view reads every raise row of the tenant and slows with each
// shard (measured at a large org), so raises get few.
const SHARDS = { tenantDaily: 32, promptRaises: 4 } as const;

/** Key columns, and the values a select over signed facts gives them, with the shard when the table
 * is sharded (`shards` given). */
function shardedKeys(keys: string[], shards?: number) {
  if (shards === undefined) return { columns: keys, values: keys };
  return { columns: [...keys, 'shard'], values: [...keys, `(hashtext(author_id) & ${shards - 1})`] };
}

/** Adds the signed facts of `changed` that match `where` into a counting table. */
function addCounts(
  table: string,
  keys: string[],
  where: string,
  reactions: boolean,
  shards?: number,
): string {
  const { columns, values: keyValues } = shardedKeys(keys, shards);
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
function countRaises(changed: string): string[] {
  return [
    `with changed as (${changed}) ${addCounts('analytics_prompt_raises', RAISE_KEYS, LIBRARY, true, SHARDS.promptRaises)}`,
    // keyed by author: only that author's own writes meet on a row
    `with changed as (${changed}) ${addCounts('analytics_prompt_author_raises', AUTHOR_RAISE_KEYS, LIBRARY, true)}`,
    `with changed as (${changed}) ${addCounts('analytics_adhoc_texts', ADHOC_KEYS, AD_HOC, false)}`,
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
function applyFacts(source: string): string[] {
  const list = (columns: string[]) => columns.join(', ');
  return [
    ...countRaises(source),
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

function applyOpportunityChanges(changes: string): string {
  const list = (columns: string[]) => columns.join(', ');
  const changed = `with x as (${changes})
      select np.tenant_id, np.prompt_key, np.set_id, np.version, np.reaction, np.text, n.author_id,
        n.opportunity_stage as note_stage, x.industry, x.stage as opp_stage, (x.is_won is true) as opp_won, x.sign
      from x
      join notes n on n.tenant_id = x.tenant_id and n.opportunity_id = x.id
      join note_prompts np on np.tenant_id = n.tenant_id and np.note_id = n.id`;
  return `${countRaises(changed).join(';\n')};
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
type Operation = (typeof OPERATIONS)[number];

/** Notes whose deal or recorded stage changed: their raises move from the old note to the new one. */
const NOTE_MOVES = `
  (select o.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage))`;
const NOTE_MOVES_NEW = `
  (select n.* from old_rows o join new_rows n on n.tenant_id = o.tenant_id and n.id = o.id
   where (o.opportunity_id, o.opportunity_stage) is distinct from (n.opportunity_id, n.opportunity_stage))`;

// A new scored note can only move its deal's latest scored day forward: it takes the later day
// instead of re-reading the deal's notes, which edits and deletes still need.
const COVERAGE_ON_INSERT = `insert into analytics_deal_coverage as c (tenant_id, opportunity_id, last_scored_on)
  select tenant_id, opportunity_id, max(occurred_at) from new_rows where overall is not null
  group by tenant_id, opportunity_id order by tenant_id, opportunity_id
  on conflict (tenant_id, opportunity_id)
  do update set last_scored_on = greatest(c.last_scored_on, excluded.last_scored_on)`;

/** Notes whose edit or delete can move their deal's latest scored day. */
const COVERAGE_CHANGES = {
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

function applyTenantDaily(source: string): string {
  const counters = TENANT_DAILY_COUNTERS;
  const { columns, values } = shardedKeys(['tenant_id', 'day'], SHARDS.tenantDaily);
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

/** The first line of a statement trigger's function: nothing to do when its statement changed no
 * row (an upsert that found nothing to change still fires its triggers). */
export const emptyStatementGuard = (transitionTable: string) =>
  `if not exists (select from ${transitionTable}) then return null; end if;`;

/** The transition table an operation's trigger always has. */
const GUARDED_TABLE: Record<Operation, string> = {
  insert: 'new_rows',
  delete: 'old_rows',
  update: 'new_rows',
};

/** Every function behind an analytics trigger with transition tables: its body (without the
 * guard) and the transition table its guard checks. */
export function analyticsTriggerFunctions(): Record<string, { body: string; table: string }> {
  const entries = OPERATIONS.flatMap((op): [string, string, Operation][] => [
    [
      `analytics_note_prompts_${op}`,
      `${[...applyFacts(NOTE_PROMPT_SOURCES[op]), redirectedFromPrompts(PROMPT_ROW_SIGNS[op])].join(';\n')}; return null;`,
      op,
    ],
    [
      `analytics_prompt_opportunities_${op}`,
      `${applyOpportunityChanges(OPPORTUNITY_CHANGES[op])} ${redirectedFromOpportunities(OPPORTUNITY_CHANGES[op])}; return null;`,
      op,
    ],
    [`analytics_tenant_daily_${op}`, `${applyTenantDaily(TENANT_DAILY_SOURCES[op])}; return null;`, op],
    [
      `analytics_coverage_${op}`,
      `${op === 'insert' ? COVERAGE_ON_INSERT : refreshCoverage(COVERAGE_CHANGES[op])}; return null;`,
      op,
    ],
    ...(['opportunities', 'analytics_opportunities'] as const).map((table): [string, string, Operation] => [
      `analytics_deal_scores_${table === 'opportunities' ? 'opp' : 'rollup'}_${op}`,
      `${addDealScores(DEAL_SCORE_SOURCES(table)[op])}; return null;`,
      op,
    ]),
  ]);
  // a note moved to another deal or stage: its raises move with it
  entries.push([
    'analytics_prompt_notes_update',
    `${applyFacts(`${facts('note_prompts', NOTE_MOVES_NEW, 1)} union all ${facts('note_prompts', NOTE_MOVES, -1)}`).join(';\n')}; ${REDIRECTED_NOTE_MOVES}; return null;`,
    'update',
  ]);
  return Object.fromEntries(entries.map(([name, body, op]) => [name, { body, table: GUARDED_TABLE[op] }]));
}

/** The statement that (re)creates a trigger function with its empty-statement guard. */
export function createFunctionStatement(name: string): string {
  const fn = analyticsTriggerFunctions()[name];
  if (!fn) throw new Error(`no analytics trigger function ${name}`);
  return `create or replace function ${name}() returns trigger language plpgsql as $fn$begin ${emptyStatementGuard(fn.table)} ${fn.body} end $fn$`;
}

const escapeTemplate = (text: string) =>
  text.replace(/\\/g, '\\\\').replace(/`/g, '\\`').replace(/\$\{/g, '\\${');

/** A frozen migration file's text: why, then its statements. */
export async function migrationSource(why: string, statements: string[]): Promise<string> {
  const comment = why.split('\n').map((line) => `// ${line}`.trimEnd());
  const body = statements.map((s) => `  \`${escapeTemplate(s)}\`,`);
  const text = [...comment, 'export const statements: readonly string[] = [', ...body, '];', ''].join('\n');
  const target = path.join(MIGRATIONS, 'migration.ts');
  return format(text, { ...(await resolveConfig(target)), filepath: target });
}

const MIGRATIONS = path.resolve(__dirname, '../../service/src/platform/database/migrations');

async function main([name, why, ...functions]: string[]): Promise<void> {
  if (!name || !why || functions.length === 0)
    throw new Error('usage: analytics-triggers.ts <migration-name> "<why>" <function>...');
  const file = path.join(MIGRATIONS, `${name}.ts`);
  writeFileSync(file, await migrationSource(why, functions.map(createFunctionStatement)));
  console.log(`wrote ${path.relative(process.cwd(), file)}: register it in index.ts`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exit(1);
  });
}
