// Reading a users file (parsing and checking up to 10,000 rows) runs on the worker pool when it is
// large, so one tenant's import does not hold the request thread for everyone else.
import { defineTask, workerPool } from '../../platform/worker-pool';
import { parseOrThrow } from '../../platform/lib/validation';
import {
  type ImportedUser,
  usersFromCsv,
  usersFromJson,
  usersImportBodySchema,
  validateUsers,
} from './hierarchy-import';

/** Users a JSON body may list and still be read inline. */
const INLINE_USERS = 200;
/** The same for a CSV body, in characters. */
const INLINE_CSV_CHARS = 20_000;

/** Runs on a pool thread (and inline for small files): the users a request body lists, every row
 * checked, or a 400 listing every problem. */
export function readUsersFile(body: unknown): ImportedUser[] {
  const rows =
    typeof body === 'string'
      ? usersFromCsv(body)
      : usersFromJson(parseOrThrow(usersImportBodySchema, body ?? {}, 'body').users);
  return validateUsers(rows);
}

// loaded through the feature's index: it orders the feature cycles so that every constant is ready
const READ_USERS_FILE = defineTask<typeof readUsersFile>(__dirname, 'index', 'readUsersFile');

const isLarge = (body: unknown) => {
  if (typeof body === 'string') return body.length > INLINE_CSV_CHARS;
  const users = (body as { users?: unknown } | null)?.users;
  return Array.isArray(users) && users.length > INLINE_USERS;
};

export async function readUsersFileOffThread(tenantId: string, body: unknown): Promise<ImportedUser[]> {
  return isLarge(body) ? workerPool().run(tenantId, READ_USERS_FILE, body) : readUsersFile(body);
}
