// Setting who reports to whom without a Salesforce connection: sales ops import users (Id, name,
// manager) from a CSV file or a JSON list. Every row is checked before anything is written, and
// every bad row is reported with its line; importing the same file twice changes nothing.
import { parse } from 'csv-parse/sync';
import { z } from 'zod';
import type { Db, Executor } from '../../platform/database/database';
import type { Actor } from '../../platform/actor';
import { badRequest, type ErrorDetail } from '../../platform/lib/errors';
import { upsertUsers } from './repository';

/** The CSV header: `active` may be left out (every user is active then). */
export const USER_CSV_COLUMNS = ['userId', 'name', 'managerId', 'active'] as const;
const REQUIRED_COLUMNS = ['userId', 'name', 'managerId'] as const;
/** Rows one import may carry: an org's whole user list, not a bulk channel. */
export const MAX_IMPORTED_USERS = 10_000;
/** Bad rows listed in one answer; the message still counts them all. */
const MAX_REPORTED = 100;

const userId = z
  .string()
  .trim()
  .regex(/^[a-zA-Z0-9]{15}(?:[a-zA-Z0-9]{3})?$/, 'must be a 15- or 18-character Salesforce User Id');

const ACTIVE_WORDS: Record<string, boolean> = { '': true, true: true, yes: true, '1': true, false: false, no: false, '0': false }; // prettier-ignore

export const importedUserSchema = z.strictObject({
  userId,
  name: z.string().trim().min(1, 'must not be blank').max(255),
  managerId: z.preprocess((v) => (v === '' || v === undefined ? null : v), userId.nullable()),
  active: z.preprocess(
    (v) => (typeof v === 'string' ? (ACTIVE_WORDS[v.trim().toLowerCase()] ?? v) : (v ?? true)),
    z.boolean({ error: 'must be true or false (or yes/no, 1/0)' }),
  ),
});
export type ImportedUser = z.infer<typeof importedUserSchema>;

export const usersImportBodySchema = z.strictObject({
  users: z.array(z.unknown()).min(1, 'list at least one user').max(MAX_IMPORTED_USERS),
});

/** A row before validation, and where it came from (a CSV line, or an index in a JSON list). */
export interface RawUserRow {
  where: string;
  value: unknown;
}

/** The rows of a users CSV file, each with its line number (the header is line 1). */
export function usersFromCsv(text: string): RawUserRow[] {
  let records: Array<{ record: Record<string, string>; line: number }>;
  try {
    records = (
      parse(text, {
        columns: true,
        skip_empty_lines: true,
        bom: true,
        info: true,
        relax_column_count: false,
      }) as Array<{
        record: Record<string, string>;
        info: { lines: number };
      }>
    ).map(({ record, info }) => ({ record, line: info.lines }));
  } catch (error) {
    throw badRequest(`the CSV file could not be read: ${(error as Error).message}`, [], 'invalid_csv');
  }
  if (records.length === 0) throw badRequest('the CSV file has no users', [], 'invalid_csv');
  const header = Object.keys(records[0]!.record);
  const missing = REQUIRED_COLUMNS.filter((c) => !header.includes(c));
  const unknown = header.filter((c) => !(USER_CSV_COLUMNS as readonly string[]).includes(c));
  if (missing.length > 0 || unknown.length > 0) {
    throw badRequest(
      `the CSV header must be ${USER_CSV_COLUMNS.join(',')} (active optional)`,
      [
        ...missing.map((c) => ({ path: `line 1.${c}`, message: 'missing column' })),
        ...unknown.map((c) => ({ path: `line 1.${c}`, message: 'unknown column' })),
      ],
      'invalid_csv',
    );
  }
  if (records.length > MAX_IMPORTED_USERS)
    throw badRequest(`the CSV file has ${records.length} users: at most ${MAX_IMPORTED_USERS} per import`);
  return records.map(({ record, line }) => ({ where: `line ${line}`, value: record }));
}

/** The JSON body's users, each named by its place in the list. */
export const usersFromJson = (users: unknown[]): RawUserRow[] =>
  users.map((value, index) => ({ where: `body.users.${index}`, value }));

/** Every row checked, alone and against the others; one 400 lists every problem found. */
export function validateUsers(rows: RawUserRow[]): ImportedUser[] {
  const problems: ErrorDetail[] = [];
  const users: ImportedUser[] = [];
  const firstSeen = new Map<string, string>();
  for (const { where, value } of rows) {
    const parsed = importedUserSchema.safeParse(value);
    if (!parsed.success) {
      for (const issue of parsed.error.issues)
        problems.push({ path: [where, ...issue.path].join('.'), message: issue.message });
      continue;
    }
    const user = parsed.data;
    const earlier = firstSeen.get(user.userId);
    if (earlier)
      problems.push({ path: `${where}.userId`, message: `${user.userId} is already on ${earlier}` });
    else firstSeen.set(user.userId, where);
    if (user.managerId === user.userId)
      problems.push({ path: `${where}.managerId`, message: 'a user cannot be their own manager' });
    users.push(user);
  }
  if (problems.length > 0) {
    const lines = new Set(problems.map((p) => p.path.split('.')[0]));
    throw badRequest(
      `${lines.size} of ${rows.length} rows are invalid; nothing was imported`,
      problems.slice(0, MAX_REPORTED),
    );
  }
  return users;
}

export interface UsersImported {
  imported: number;
  created: number;
  updated: number;
}

/** Upserts valid users by Id; the demo and the CLI call it directly. */
export async function importUsers(
  db: Executor,
  tenantId: string,
  users: ImportedUser[],
): Promise<UsersImported> {
  const known = await db
    .selectFrom('users')
    .select('id')
    .where('tenant_id', '=', tenantId)
    .where(
      'id',
      'in',
      users.map((u) => u.userId),
    )
    .execute();
  await upsertUsers(
    db,
    tenantId,
    users.map((u) => ({ id: u.userId, name: u.name, managerId: u.managerId, isActive: u.active })),
  );
  return { imported: users.length, created: users.length - known.length, updated: known.length };
}

/** The API's story: only sales ops set the hierarchy, from checked rows, in one transaction. */
export async function importUsersAs(db: Db, actor: Actor, users: ImportedUser[]): Promise<UsersImported> {
  return db.transaction().execute((tx) => importUsers(tx, actor.tenantId, users));
}
