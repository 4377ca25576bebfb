// Maps `Authorization: Bearer <key>` to the tenant and the X-Actor-* headers to the acting user.
// The service trusts the actor headers only because the key proves the request came from the org.
import type { NextFunction, Request, Response } from 'express';
import { ROLES, type Actor, type Role } from '../actor';
import { badRequest, unauthorized } from '../lib/errors';
import { runAsTenant } from '../tenant-context';

const ACTOR_ID = /^[A-Za-z0-9_-]{1,64}$/;

/** The headers that carry the acting user, as the OpenAPI document describes them. */
export const ACTOR_HEADERS = {
  ActorId: {
    name: 'X-Actor-Id',
    in: 'header',
    required: true,
    description: 'the Salesforce user Id of the acting user, vouched for by the tenant API key',
    schema: { type: 'string', pattern: ACTOR_ID.source },
  },
  ActorRole: {
    name: 'X-Actor-Role',
    in: 'header',
    required: true,
    description: "the acting user's role, from their custom permissions",
    schema: { type: 'string', enum: [...ROLES] },
  },
} as const;

export function actorOf(res: Response): Actor {
  return res.locals.actor as Actor;
}

/** What a tenant's API key opens: the tenant and its settings, read in one lookup. */
export interface KeyHolder {
  tenant: { id: string; slug: string };
  settings: unknown;
}

/** `authenticate` comes from the tenants feature through the app: platform code knows no feature. */
export function authenticateRequests(authenticate: (apiKey: string) => Promise<KeyHolder>) {
  return async (req: Request, res: Response, next: NextFunction) => {
    try {
      const header = req.get('authorization');
      if (!header) throw unauthorized('missing Authorization header: send "Bearer <tenant API key>"');
      const match = /^Bearer\s+(\S+)$/i.exec(header);
      if (!match) throw unauthorized('the Authorization header must be "Bearer <tenant API key>"');
      const { tenant, settings } = await authenticate(match[1]!);
      const userId = req.get(ACTOR_HEADERS.ActorId.name);
      const role = req.get(ACTOR_HEADERS.ActorRole.name);
      const problems = [];
      if (!userId || !ACTOR_ID.test(userId)) {
        problems.push({
          path: 'headers.x-actor-id',
          message: 'required: the Salesforce user Id of the acting user',
        });
      }
      if (!role || !ROLES.includes(role as Role)) {
        problems.push({ path: 'headers.x-actor-role', message: `required: one of ${ROLES.join(', ')}` });
      }
      if (problems.length > 0)
        throw badRequest('missing or invalid actor headers', problems, 'invalid_actor');
      res.locals.actor = { tenantId: tenant.id, userId: userId!, role: role as Role } satisfies Actor;
      res.locals.tenantSlug = tenant.slug;
      res.locals.settings = settings;
      // the rest of the request runs as this tenant's work: its share of connections, not all of them
      runAsTenant(tenant.id, next);
    } catch (error) {
      next(error);
    }
  };
}
