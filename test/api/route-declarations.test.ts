// The route declarations (service/src/platform/http/route.ts) drive the Express routes, the role
// checks and the OpenAPI document: these tests read the declarations themselves, so a route added
// later is covered without being listed here.
import express from 'express';
import type { AddressInfo } from 'node:net';
import { apiRoutes } from '../../service/src/app';
import type { Db } from '../../service/src/platform/database/database';
import type { BackgroundWork } from '../../service/src/platform/background-work';
import { ROLES, type Role } from '../../service/src/platform/actor';
import { errorHandler } from '../../service/src/platform/http/errors';
import { OpenApiRegistry } from '../../service/src/platform/http/openapi';
import {
  API_PREFIX,
  defineRoute,
  mountRoutes,
  type Route,
  type RouteContext,
} from '../../service/src/platform/http/route';
import { DATABASE_KINDS } from '../helpers/databases';
import { startTestService, type TestService } from '../helpers/service';
import {
  ROLE_USERS,
  hasSample,
  listRoutes,
  routeKey,
  sampleRequest,
  seedTenant,
  send,
  type Route as LiveRoute,
} from '../security/api-surface';

/** Stands in for the database and the background work: any use case that runs touches it. */
function trap(touched: string[]) {
  return new Proxy(
    {},
    {
      get(_target, name) {
        touched.push(String(name));
        throw new Error(`the database was used (${String(name)})`);
      },
    },
  );
}

const openApiPath = (route: Route) => `${API_PREFIX}${route.path}`.replace(/:(\w+)/g, '{$1}');

describe('the OpenAPI document of the declared routes', () => {
  const routes = apiRoutes({ db: {} as Db }, {} as BackgroundWork);
  const openapi = new OpenApiRegistry();
  openapi.add(routes);
  const doc = openapi.document() as any;
  const operations = Object.values(doc.paths).flatMap((ops: any) => Object.values(ops)) as any[];

  test('when read, then every route is in it with an operationId no other route has', () => {
    expect(operations).toHaveLength(routes.length);
    const ids = operations.map((op) => op.operationId);
    expect(ids.every((id) => typeof id === 'string' && /^[a-z][A-Za-z]+$/.test(id))).toBe(true);
    expect(new Set(ids).size).toBe(ids.length);
  });

  test('when read, then the actor headers are documented once and every operation names them', () => {
    expect(doc.components.parameters).toEqual({
      ActorId: expect.objectContaining({ name: 'X-Actor-Id', in: 'header', required: true }),
      ActorRole: expect.objectContaining({
        name: 'X-Actor-Role',
        in: 'header',
        required: true,
        schema: { type: 'string', enum: [...ROLES] },
      }),
    });
    for (const op of operations) {
      expect(op.parameters).toEqual(
        expect.arrayContaining([
          { $ref: '#/components/parameters/ActorId' },
          { $ref: '#/components/parameters/ActorRole' },
        ]),
      );
    }
  });

  test('when a route names roles, then the operation says which; path parameters come from the declaration', () => {
    for (const route of routes) {
      const op = doc.paths[openApiPath(route)][route.method];
      expect(op['x-roles']).toEqual(route.roles === 'any-authenticated' ? [...ROLES] : route.roles);
      const inPath = op.parameters.filter((p: any) => p.in === 'path').map((p: any) => p.name);
      expect(inPath.sort()).toEqual(Object.keys(route.params ?? {}).sort());
    }
  });

  test('when a route the Salesforce package calls is read, then its success answer has a schema', () => {
    const withSchema = (method: string, path: string) =>
      doc.paths[path][method].responses[method === 'post' && path === '/v1/notes' ? 201 : 200].content[
        'application/json'
      ].schema;
    expect(withSchema('post', '/v1/opportunities/{oppId}/panel').properties).toHaveProperty('recentNotes');
    expect(withSchema('post', '/v1/notes').properties).toHaveProperty('score');
    expect(withSchema('post', '/v1/score').properties).toHaveProperty('tips');
    expect(withSchema('get', '/v1/prompt-sets').properties).toHaveProperty('items');
    expect(withSchema('get', '/v1/settings').properties).toHaveProperty('weights');
    expect(withSchema('get', '/v1/analytics/dashboard').properties).toHaveProperty('coverage');
    expect(withSchema('get', '/v1/accounts/{accountId}/inside-view').properties).toHaveProperty('items');
  });
});

describe('the role check of the declared routes', () => {
  let server: ReturnType<express.Express['listen']>;
  let url: string;
  let as: Role = 'rep';
  const touched: string[] = [];
  const called: string[] = [];
  const routes = apiRoutes({ db: trap(touched) as Db }, trap(touched) as BackgroundWork);
  const restricted = routes.filter((route) => route.roles !== 'any-authenticated');

  beforeAll(async () => {
    const app = express();
    app.use((_req, res, next) => {
      res.locals.actor = { tenantId: 't', userId: ROLE_USERS[as], role: as };
      next();
    });
    app.use(express.json());
    app.use(
      API_PREFIX,
      mountRoutes(
        routes.map((route) => ({
          ...route,
          handler: async (context: RouteContext<unknown, unknown, unknown>) => {
            called.push(routeKey({ method: route.method, path: route.path }));
            return route.handler(context);
          },
        })),
      ),
    );
    app.use(errorHandler);
    server = app.listen(0, '127.0.0.1');
    await new Promise((resolve) => server.once('listening', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  afterAll(() => new Promise((resolve) => server.close(resolve)));

  test('when the routes are read, then the ones limited to a role are there to check', () => {
    expect(restricted.length).toBeGreaterThanOrEqual(10);
  });

  test("when a role outside a route's list calls it, even with a bad body, then 403 before any use case runs", async () => {
    const failures: string[] = [];
    for (const route of restricted) {
      for (const role of ROLES.filter((r) => !(route.roles as readonly Role[]).includes(r))) {
        as = role;
        // a path parameter no schema accepts: a check after validation would answer 400
        const path = route.path.replace(/:(\w+)/g, 'not-an-id');
        const reply = await fetch(`${url}${API_PREFIX}${path}`, {
          method: route.method.toUpperCase(),
          headers: { 'content-type': 'application/json' },
          ...(route.method === 'get' ? {} : { body: '{"unexpected": true}' }),
        });
        const body = (await reply.json()) as any;
        const expected = `this needs the ${(route.roles as readonly Role[]).join(' or ')} role; you are acting as ${role}`;
        if (reply.status !== 403 || body.error.code !== 'forbidden' || body.error.message !== expected)
          failures.push(`${role} ${route.method} ${route.path} -> ${reply.status} ${JSON.stringify(body)}`);
      }
    }
    expect(failures).toEqual([]);
    expect(called).toEqual([]);
    expect(touched).toEqual([]);
  });
});

describe('a route declaration', () => {
  const declaration = {
    operationId: 'planted',
    method: 'get' as const,
    path: '/planted/:id',
    summary: 'planted',
    success: 200,
    handler: async () => ({}),
  };

  test('when it names no roles, then it is refused: every role must be said out loud', () => {
    // @ts-expect-error roles is required
    expect(() => defineRoute({ ...declaration, params: {} })).toThrow(/declare roles/);
    // @ts-expect-error an empty list would be a route no one may call
    expect(() => defineRoute({ ...declaration, roles: [] })).toThrow(/declare roles/);
  });

  test("when its params are not the path's, then it is refused", () => {
    expect(() => defineRoute({ ...declaration, roles: 'any-authenticated' })).toThrow(
      /params \[\] must be the path's \[id\]/,
    );
  });
});

describe.each(DATABASE_KINDS.slice(0, 1))('the declared response schemas on %s', (kind) => {
  let service: TestService;
  let live: LiveRoute[];

  beforeAll(async () => {
    service = await startTestService(kind, { rateLimitPerMinute: 1_000_000 });
    live = await listRoutes(service.url);
  });
  afterAll(async () => {
    await service.close();
  });

  test('when every route with a response schema answers its sample request, then the answer matches it', async () => {
    const routes = apiRoutes({ db: service.db }, {} as BackgroundWork).filter((r) => r.response);
    expect(routes.length).toBeGreaterThanOrEqual(15);
    const as = (role: Role, userId = ROLE_USERS[role]) => service.client.as(userId, role);
    const failures: string[] = [];
    for (const route of routes) {
      const target = live.find(
        (r) => r.method === route.method.toUpperCase() && r.path === openApiPath(route),
      );
      if (!target || !hasSample(target)) {
        failures.push(`${route.operationId}: no sample request`);
        continue;
      }
      // a fresh tenant's data for each route: one route's change must not spoil the next one's sample
      const fx = await seedTenant(as('rep'), as('salesops'), 'S');
      const role = route.roles === 'any-authenticated' ? 'rep' : route.roles[0];
      const reply = await send(as(role), sampleRequest(target, fx));
      const parsed = route.response!.safeParse(reply.body);
      if (reply.status >= 300 || !parsed.success)
        failures.push(
          `${route.operationId} -> ${reply.status} ${parsed.error?.issues.slice(0, 3).map((i) => `${i.path.join('.')}: ${i.message}`) ?? reply.text.slice(0, 200)}`,
        );
    }
    expect(failures).toEqual([]);
  });
});
