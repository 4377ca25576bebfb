// The analytics counters are keyed by free text (the deal's stage and industry, an ad-hoc
// provocation, the first sentence of what the customer said) under unique B-tree indexes, and a
// B-tree entry must fit in about a third of a page: the longest texts the API accepts, in
// characters of three or four bytes that do not compress, did not fit and the note's write failed.
// Each key text longer than 600 bytes is stored as its first 140 characters, an ellipsis and the
// MD5 of the whole text: distinct texts stay distinct keys (so one statement never folds two rows
// into one conflict), the same text always maps to the same key, and readers show the prefix.
// Self-contained SQL, as applied.
import { sql, type Kysely } from 'kysely';

const KEY_COLUMNS: Record<string, string[]> = {
  analytics_prompt_raises: ['note_stage', 'industry', 'opp_stage'],
  analytics_prompt_author_raises: ['note_stage', 'industry', 'opp_stage'],
  analytics_adhoc_texts: ['note_stage', 'industry', 'text'],
  analytics_redirected_notes: ['note_stage', 'industry', 'sentence'],
  analytics_prompt_wins: ['industry'],
};

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export async function up(db: Kysely<any>): Promise<void> {
  await sql`
    create function analytics_key_text(value text) returns text
    language sql immutable parallel safe as $$
      select case when octet_length(value) <= 600 then value
        else left(value, 140) || '…' || md5(value) end
    $$`.execute(db);
  await sql`
    create function analytics_bound_keys() returns trigger language plpgsql as $$
    declare
      changes jsonb := '{}';
      col text;
    begin
      if octet_length(new::text) <= 600 then
        return new;
      end if;
      foreach col in array tg_argv loop
        changes := changes || jsonb_build_object(col, analytics_key_text(to_jsonb(new) ->> col));
      end loop;
      return jsonb_populate_record(new, changes);
    end $$`.execute(db);
  for (const [table, columns] of Object.entries(KEY_COLUMNS)) {
    const long = columns.map((c) => `octet_length(${c}) > 600`).join(' or ');
    const bounded = columns.map((c) => `${c} = analytics_key_text(${c})`).join(', ');
    await sql.raw(`update ${table} set ${bounded} where ${long}`).execute(db);
    const args = columns.map((c) => `'${c}'`).join(', ');
    await sql
      .raw(
        `create trigger ${table}_bound_keys before insert on ${table}
         for each row execute function analytics_bound_keys(${args})`,
      )
      .execute(db);
  }
}
