// The user hierarchy over HTTP: sales ops set it from a CSV file or a JSON list when no Salesforce
// sync brings it in.
import { Router } from 'express';
import type { Db } from '../../platform/database/database';
import { actorOf } from '../../platform/http/auth';
import type { OpenApiRegistry } from '../../platform/http/openapi';
import { parseOrThrow } from '../../platform/http/validation';
import { importUsersAs, usersFromCsv, usersFromJson, usersImportBodySchema } from './hierarchy-import';

export function usersRouter(db: Db, openapi: OpenApiRegistry): Router {
  const router = Router();

  openapi.add({
    method: 'post',
    path: '/v1/users/import',
    summary: 'Upsert users and their managers (CSV userId,name,managerId[,active] or JSON {users})',
    roles: ['salesops'],
    body: usersImportBodySchema,
    success: 200,
  });
  router.post('/users/import', async (req, res) => {
    const rows =
      typeof req.body === 'string'
        ? usersFromCsv(req.body)
        : usersFromJson(parseOrThrow(usersImportBodySchema, req.body ?? {}, 'body').users);
    res.json(await importUsersAs(db, actorOf(res), rows));
  });

  return router;
}
