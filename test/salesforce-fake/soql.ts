// Just enough SOQL for the queries the sync issues: SELECT fields | COUNT() FROM object
// [WHERE comparisons joined by AND/OR, IN lists, parentheses] [ORDER BY f [ASC|DESC], …] [LIMIT n].
// Anything else is a MALFORMED_QUERY, as a real org would answer an unsupported query; unknown objects
// and fields are INVALID_TYPE and INVALID_FIELD, which the server decides against its schema.

export type Value = string | number | boolean | null | { datetime: number };

export type Condition =
  | { kind: 'and' | 'or'; parts: Condition[] }
  | { kind: 'not'; inner: Condition }
  | { kind: 'compare'; field: string; op: '=' | '!=' | '<' | '<=' | '>' | '>='; value: Value }
  | { kind: 'in'; field: string; values: Value[]; negated: boolean };

export interface ParsedQuery {
  count: boolean;
  fields: string[];
  object: string;
  where?: Condition;
  orderBy: Array<{ field: string; descending: boolean }>;
  limit?: number;
}

export class SoqlError extends Error {
  constructor(
    message: string,
    readonly code: 'MALFORMED_QUERY' | 'INVALID_FIELD' | 'INVALID_TYPE' = 'MALFORMED_QUERY',
  ) {
    super(message);
  }
}

const TOKEN =
  /\s*(?:(\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(?:\.\d+)?(?:Z|[+-]\d{2}:?\d{2}))|('(?:[^'\\]|\\.)*')|(-?\d+(?:\.\d+)?)|([A-Za-z_][\w.]*)|(!=|<=|>=|[=<>(),]))/y;

type Token = { type: 'datetime' | 'string' | 'number' | 'word' | 'symbol'; text: string };

function tokenize(soql: string): Token[] {
  const tokens: Token[] = [];
  TOKEN.lastIndex = 0;
  while (TOKEN.lastIndex < soql.length) {
    if (/^\s*$/.test(soql.slice(TOKEN.lastIndex))) break;
    const m = TOKEN.exec(soql);
    if (!m) throw new SoqlError(`unexpected token at ${TOKEN.lastIndex}: ${soql.slice(TOKEN.lastIndex, 20)}`);
    if (m[1]) tokens.push({ type: 'datetime', text: m[1] });
    else if (m[2]) tokens.push({ type: 'string', text: m[2].slice(1, -1).replace(/\\(.)/g, '$1') });
    else if (m[3]) tokens.push({ type: 'number', text: m[3] });
    else if (m[4]) tokens.push({ type: 'word', text: m[4] });
    else tokens.push({ type: 'symbol', text: m[5]! });
  }
  return tokens;
}

export function parseSoql(soql: string): ParsedQuery {
  const tokens = tokenize(soql);
  let at = 0;
  const peek = () => tokens[at];
  const isWord = (word: string) => peek()?.type === 'word' && peek()!.text.toUpperCase() === word;
  const expectWord = (word: string) => {
    if (!isWord(word)) throw new SoqlError(`expected ${word} near "${peek()?.text ?? 'end'}"`);
    at++;
  };
  const expectSymbol = (symbol: string) => {
    if (peek()?.text !== symbol) throw new SoqlError(`expected "${symbol}" near "${peek()?.text ?? 'end'}"`);
    at++;
  };
  const field = () => {
    const t = tokens[at++];
    if (t?.type !== 'word') throw new SoqlError(`expected a field near "${t?.text ?? 'end'}"`);
    return t.text;
  };
  const value = (): Value => {
    const t = tokens[at++];
    if (!t) throw new SoqlError('expected a value');
    if (t.type === 'string') return t.text;
    if (t.type === 'number') return Number(t.text);
    if (t.type === 'datetime')
      return { datetime: Date.parse(t.text.replace(/([+-]\d{2})(\d{2})$/, '$1:$2')) };
    const word = t.text.toLowerCase();
    if (word === 'true' || word === 'false') return word === 'true';
    if (word === 'null') return null;
    throw new SoqlError(`unexpected value "${t.text}"`);
  };

  const factor = (): Condition => {
    if (peek()?.text === '(') {
      at++;
      const inner = orExpr();
      expectSymbol(')');
      return inner;
    }
    if (isWord('NOT')) {
      at++;
      return { kind: 'not', inner: factor() };
    }
    const name = field();
    const negated = isWord('NOT');
    if (negated) at++;
    if (isWord('IN')) {
      at++;
      expectSymbol('(');
      const values = [value()];
      while (peek()?.text === ',') {
        at++;
        values.push(value());
      }
      expectSymbol(')');
      return { kind: 'in', field: name, values, negated };
    }
    const op = tokens[at++]?.text;
    if (!op || !['=', '!=', '<', '<=', '>', '>='].includes(op))
      throw new SoqlError(`expected an operator after ${name}`);
    return { kind: 'compare', field: name, op: op as '=', value: value() };
  };
  const andExpr = (): Condition => {
    const parts = [factor()];
    while (isWord('AND')) {
      at++;
      parts.push(factor());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'and', parts };
  };
  const orExpr = (): Condition => {
    const parts = [andExpr()];
    while (isWord('OR')) {
      at++;
      parts.push(andExpr());
    }
    return parts.length === 1 ? parts[0]! : { kind: 'or', parts };
  };

  expectWord('SELECT');
  let count = false;
  const fields: string[] = [];
  if (isWord('COUNT')) {
    at++;
    expectSymbol('(');
    expectSymbol(')');
    count = true;
  } else {
    fields.push(field());
    while (peek()?.text === ',') {
      at++;
      fields.push(field());
    }
  }
  expectWord('FROM');
  const object = field();
  let where: Condition | undefined;
  if (isWord('WHERE')) {
    at++;
    where = orExpr();
  }
  const orderBy: ParsedQuery['orderBy'] = [];
  if (isWord('ORDER')) {
    at++;
    expectWord('BY');
    do {
      if (peek()?.text === ',') at++;
      const name = field();
      let descending = false;
      if (isWord('ASC') || isWord('DESC')) descending = tokens[at++]!.text.toUpperCase() === 'DESC';
      orderBy.push({ field: name, descending });
    } while (peek()?.text === ',');
  }
  let limit: number | undefined;
  if (isWord('LIMIT')) {
    at++;
    limit = Number(tokens[at++]?.text);
    if (!Number.isInteger(limit) || limit < 0) throw new SoqlError('LIMIT needs a whole number');
  }
  if (at !== tokens.length) throw new SoqlError(`unexpected "${peek()!.text}"`);
  return { count, fields, object, where, orderBy, limit };
}

/** Datetimes compare by instant; everything else by value. */
function comparable(v: unknown): unknown {
  if (v && typeof v === 'object' && 'datetime' in v) return (v as { datetime: number }).datetime;
  if (typeof v === 'string' && /^\d{4}-\d{2}-\d{2}T/.test(v))
    return Date.parse(v.replace(/([+-]\d{2})(\d{2})$/, '$1:$2'));
  return v;
}

export function matches(condition: Condition | undefined, read: (field: string) => unknown): boolean {
  if (!condition) return true;
  switch (condition.kind) {
    case 'and':
      return condition.parts.every((p) => matches(p, read));
    case 'or':
      return condition.parts.some((p) => matches(p, read));
    case 'not':
      return !matches(condition.inner, read);
    case 'in': {
      const left = comparable(read(condition.field));
      const found = condition.values.some((v) => comparable(v) === left);
      return condition.negated ? !found : found;
    }
    case 'compare': {
      const left = comparable(read(condition.field)) as number | string | null;
      const right = comparable(condition.value) as number | string | null;
      if (condition.op === '=') return left === right;
      if (condition.op === '!=') return left !== right;
      if (left === null || right === null || left === undefined) return false;
      if (condition.op === '<') return left < right;
      if (condition.op === '<=') return left <= right;
      if (condition.op === '>') return left > right;
      return left >= right;
    }
  }
}

export function compareBy(orderBy: ParsedQuery['orderBy'], read: (row: unknown, field: string) => unknown) {
  return (a: unknown, b: unknown): number => {
    for (const { field, descending } of orderBy) {
      const x = comparable(read(a, field)) as number | string;
      const y = comparable(read(b, field)) as number | string;
      if (x === y) continue;
      // SOQL sorts nulls first ascending
      const order = x === null || x === undefined ? -1 : y === null || y === undefined ? 1 : x < y ? -1 : 1;
      return descending ? -order : order;
    }
    return 0;
  };
}
