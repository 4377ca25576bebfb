// Role matrix: every /v1 route (from the live OpenAPI document) × rep / salesops / manager, against
// the table below. A route missing from the table fails the suite, so a new route must be classified.
import { DATABASE_KINDS } from '../helpers/databases';
import { OTHER_REP, startTestService, type Role, type TestService } from '../helpers/service';
import {
  ROLE_USERS,
  listRoutes,
  noteBody,
  routeKey,
  sampleRequest,
  seedTenant,
  send,
  type Fixture,
  type Route,
} from './api-surface';

/**
 * Who may call what. `all`: every role; `salesops`: 403 for the others; `author`: whoever wrote the
 * note, in any role, and 403 for everyone else; `author-or-salesops`: the same, and sales ops too.
 * Analytics answer every role, scoped to what the role may see (salesops the tenant, a manager their
 * hierarchy, a rep themselves). `account`: sales ops, and reps and managers with a deal of the
 * account in that scope (here: a note of their own on it, since no one has a team).
 */
const RULES: Record<string, 'all' | 'salesops' | 'author' | 'author-or-salesops' | 'account'> = {
  'POST /v1/notes': 'all',
  'GET /v1/notes/{id}': 'all',
  'PATCH /v1/notes/{id}': 'author',
  'DELETE /v1/notes/{id}': 'author',
  'POST /v1/score': 'all',
  'POST /v1/opportunities/{oppId}/panel': 'all',
  'GET /v1/opportunities/{oppId}/notes': 'all',
  'GET /v1/prompt-sets': 'all',
  'POST /v1/prompt-sets': 'salesops',
  'POST /v1/prompt-sets/import': 'salesops',
  'POST /v1/prompt-sets/preview': 'all',
  'GET /v1/prompt-sets/{setId}': 'all',
  'POST /v1/prompt-sets/{setId}/versions': 'salesops',
  'GET /v1/prompt-sets/{setId}/versions/{version}': 'all',
  'PUT /v1/prompt-sets/{setId}/versions/{version}': 'salesops',
  'POST /v1/prompt-sets/{setId}/versions/{version}/publish': 'salesops',
  'POST /v1/prompt-sets/{setId}/versions/{version}/retire': 'salesops',
  'GET /v1/prompt-sets/{setId}/versions/{version}/export': 'all',
  'POST /v1/prompt-sets/{setId}/versions/{version}/preview': 'all',
  'POST /v1/prompt-sets/{setId}/versions/{version}/republish': 'salesops',
  'POST /v1/prompt-sets/{setId}/promotions': 'salesops',
  'GET /v1/settings': 'all',
  'PUT /v1/settings': 'salesops',
  'POST /v1/rescore': 'salesops',
  // progress of a rescore, which only sales ops start
  'GET /v1/jobs/{id}': 'salesops',
  'PUT /v1/salesforce/connection': 'salesops',
  'GET /v1/salesforce/connection': 'salesops',
  'DELETE /v1/salesforce/connection': 'salesops',
  'POST /v1/salesforce/connection/test': 'salesops',
  'POST /v1/salesforce/sync': 'salesops',
  'GET /v1/salesforce/status': 'salesops',
  'GET /v1/analytics/dashboard': 'all',
  'GET /v1/analytics/prompts': 'all',
  'GET /v1/analytics/notes': 'all',
  'GET /v1/analytics/deals': 'all',
  'POST /v1/users/import': 'salesops',
  'GET /v1/analytics/accounts/{accountName}/provocations': 'all',
  'GET /v1/accounts/{accountId}/inside-view': 'account',
  'GET /v1/accounts/{accountId}/provocations': 'all',
  'PATCH /v1/accounts/{accountId}/inside-view/{entryId}': 'author-or-salesops',
  'POST /v1/opportunities/{oppId}/brief': 'all',
};

/** Allowed calls that cannot succeed in this app (no SECRETS_KEY, no org): any 4xx but 401/403. */
const NO_ORG = new Set([
  'PUT /v1/salesforce/connection',
  'DELETE /v1/salesforce/connection',
  'GET /v1/salesforce/connection',
  'POST /v1/salesforce/connection/test',
  'POST /v1/salesforce/sync',
]);

const ROLES: Role[] = ['rep', 'manager', 'salesops'];
const LONE_MANAGER = '005000000000007AAA';

describe.each(DATABASE_KINDS)('role matrix on %s', (kind) => {
  let service: TestService;
  let routes: Route[];
  const as = (role: Role, userId = ROLE_USERS[role]) => service.client.as(userId, role);
  let shared: Fixture;
  /** a sales ops write that succeeds gets fresh data, so one call cannot spoil the next */
  const fixtureFor = async (route: Route, role: Role): Promise<Fixture> =>
    RULES[routeKey(route)] === 'salesops' && role === 'salesops' && route.method !== 'GET'
      ? seedTenant(as('rep'), as('salesops'), 'R')
      : { ...shared };

  beforeAll(async () => {
    service = await startTestService(kind, { rateLimitPerMinute: 1_000_000 });
    routes = await listRoutes(service.url);
    shared = await seedTenant(as('rep'), as('salesops'), 'R');
  });
  afterAll(async () => {
    await service.close();
  });

  test('every route is classified in the role table', () => {
    expect(routes.map(routeKey).filter((key) => !(key in RULES))).toEqual([]);
    expect(Object.keys(RULES).filter((key) => !routes.some((r) => routeKey(r) === key))).toEqual([]);
  });

  test('when each role calls each route, then it is allowed or refused with 403 as the table says', async () => {
    const failures: string[] = [];
    for (const route of routes) {
      const rule = RULES[routeKey(route)];
      for (const role of ROLES) {
        const fx = await fixtureFor(route, role);
        const check = async (userId: string, shouldPass: boolean, label: string) => {
          const request = sampleRequest(route, fx);
          const reply = await send(as(role, userId), request);
          const passed = NO_ORG.has(routeKey(route))
            ? reply.status < 500 && ![401, 403].includes(reply.status)
            : reply.status >= 200 && reply.status < 300;
          const ok = shouldPass ? passed : reply.status === 403 && reply.body?.error?.code === 'forbidden';
          if (!ok)
            failures.push(
              `${role}${label} ${route.method} ${request.path} -> ${reply.status} ${reply.text.slice(0, 120)}`,
            );
        };
        if (rule === 'author' || rule === 'author-or-salesops') {
          // someone else's note (the seeded one is by REP): refused in every role
          const othersAllowed = rule === 'author-or-salesops' && role === 'salesops';
          await check(role === 'rep' ? OTHER_REP : ROLE_USERS[role], othersAllowed, ' (not the author)');
          const own = await as(role).request('POST', '/v1/notes', noteBody(fx));
          fx.noteId = own.body.id;
          await check(ROLE_USERS[role], true, ' (author)');
        } else if (rule === 'account') {
          // someone with no deal of the account and no team: refused; with a note of theirs on it: allowed
          if (role !== 'salesops')
            await check(role === 'rep' ? OTHER_REP : LONE_MANAGER, false, ' (no deal)');
          if (role === 'manager') await as(role).request('POST', '/v1/notes', noteBody(fx));
          await check(ROLE_USERS[role], true, '');
        } else {
          await check(ROLE_USERS[role], rule === 'all' || role === 'salesops', '');
        }
      }
    }
    expect(failures).toEqual([]);
  });
});
