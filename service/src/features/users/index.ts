// Salesforce users synced into the service (names, managers), as other features see them. The only module other features import;
// vocabulary first, router last: features import each other in cycles, and constants must be ready.
export { namesOf, reportsOf, upsertUsers } from './repository';
export type { UserRecord } from './repository';
export {
  importUsers,
  validateUsers,
  usersFromCsv,
  usersFromJson,
  USER_CSV_COLUMNS,
} from './hierarchy-import';
export type { ImportedUser, UsersImported } from './hierarchy-import';
export { readUsersFile } from './off-thread';
export { usersRoutes } from './router';
