// Statements on a hot path whose text never changes: built and compiled once, then each run sends
// only its values. Building and compiling a statement of several parts costs the request thread
// more than sending it; on Postgres the text also runs as a named prepared statement (database.ts),
// so the server parses it once per connection.
import { createHash } from 'node:crypto';
import { CompiledQuery, type RawBuilder } from 'kysely';
import type { Executor } from './database';

/** Fixed statements' texts, with the name each is prepared under on Postgres. */
const prepared = new Map<string, string>();

/** The name a statement's text is prepared under, if it is a fixed statement's. */
export const preparedName = (text: string): string | undefined => prepared.get(text);

interface Compiled {
  text: string;
  /** for each parameter of the text, the value's name, or the constant the statement holds */
  parameters: Array<{ name: string } | { constant: unknown }>;
}

/**
 * A statement of named values. `build` receives a stand-in for each value and must use each only
 * as a parameter (never to decide what the statement says), since it runs once.
 */
export function fixedStatement<Values extends Record<string, unknown>, Row>(
  names: ReadonlyArray<keyof Values & string>,
  build: (values: Values, db: Executor) => RawBuilder<Row>,
): (db: Executor, values: Values) => Promise<Row[]> {
  let compiled: Compiled | undefined;
  const compile = (db: Executor): Compiled => {
    const standIns = new Map(names.map((name) => [Object.freeze({ standIn: name }), name]));
    const values = Object.fromEntries([...standIns].map(([standIn, name]) => [name, standIn])) as Values;
    const query = build(values, db).compile(db);
    const text = query.sql;
    const unused = names.filter(
      (name) => !query.parameters.some((value) => standIns.get(value as never) === name),
    );
    if (unused.length > 0) throw new Error(`a fixed statement must send ${unused.join(', ')} as parameters`);
    prepared.set(text, `fixed_${createHash('sha256').update(text).digest('hex').slice(0, 16)}`);
    return {
      text,
      parameters: query.parameters.map((value) => {
        const name = standIns.get(value as never);
        return name === undefined ? { constant: value } : { name };
      }),
    };
  };
  return async (db, values) => {
    compiled ??= compile(db);
    const parameters = compiled.parameters.map((p) => ('name' in p ? values[p.name] : p.constant));
    const { rows } = await db.executeQuery<Row>(CompiledQuery.raw(compiled.text, parameters));
    return rows;
  };
}
