// The user hierarchy over HTTP: sales ops set it from a CSV file or a JSON list when no Salesforce
// sync brings it in.
import type { Db } from '../../platform/database/database';
import { defineRoute, type Route } from '../../platform/http/route';
import { importUsersAs } from './hierarchy-import';
import { readUsersFileOffThread } from './off-thread';

export function usersRoutes(db: Db): Route[] {
  return [
    defineRoute({
      operationId: 'importUsers',
      method: 'post',
      path: '/users/import',
      summary: 'Upsert users and their managers (CSV userId,name,managerId[,active] or JSON {users})',
      roles: ['salesops'],
      success: 200,
      // the body is a CSV file or JSON, told apart by its content type
      handler: async ({ actor, req }) => {
        const users = await readUsersFileOffThread(actor.tenantId, req.body);
        return { body: await importUsersAs(db, actor, users) };
      },
    }),
  ];
}
