// One declaration per route: the Express route, the validation of its parts, its role check and
// its OpenAPI operation all come from the same object, so none of them can drift from the others.
import { Router, type Request, type Response } from 'express';
import { z } from 'zod';
import type { Actor, Role } from '../actor';
import { forbidden } from '../lib/errors';
import { parseOrThrow } from '../lib/validation';
import { actorOf } from './auth';

/** Every declared path lives below this prefix, written here and nowhere else. */
export const API_PREFIX = '/v1';

/**
 * Who may call a route. Required, so that a route open to every role says so: a forgotten field
 * must not mean "everyone". Rules about the resource (the note's author, a manager's hierarchy)
 * are the use case's; `access` describes them for the reader.
 */
export type RouteRoles = readonly [Role, ...Role[]] | 'any-authenticated';

export type Method = 'get' | 'post' | 'put' | 'patch' | 'delete';

type ParamShape = Record<string, z.ZodType>;

/** What a handler answers; `status` defaults to the route's `success`. A string body is sent as
 * it is (with the Content-Type the headers give), anything else as JSON, no body as an empty one. */
export interface Reply {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

/**
 * What authentication read for the acting tenant. Platform code does not name a feature's types, so the
 * settings feature fills this in by declaration merging (`settings: TenantSettings`).
 */
// eslint-disable-next-line @typescript-eslint/no-empty-object-type -- filled in by the settings feature
export interface AuthenticatedTenant {}

export interface RouteContext<P, Q, B> {
  actor: Actor;
  params: P;
  query: Q;
  body: B;
  req: Request;
  res: Response;
  /** the tenant's settings, read with its API key */
  settings: AuthenticatedTenant extends { settings: infer S } ? S : unknown;
}

export interface RouteDeclaration<P extends ParamShape, Q extends z.ZodType, B extends z.ZodType> {
  operationId: string;
  method: Method;
  /** below API_PREFIX, Express style: `/notes/:id` */
  path: string;
  summary: string;
  roles: RouteRoles;
  /** resource rules the use case applies, for the OpenAPI description */
  access?: string;
  /** one schema per `:name` of the path, each reported as `path.<name>` */
  params?: P;
  query?: Q;
  body?: B;
  /** the success answer's schema, for the OpenAPI document */
  response?: z.ZodType;
  success: number;
  handler: (context: RouteContext<z.infer<z.ZodObject<P>>, z.infer<Q>, z.infer<B>>) => Promise<Reply>;
}

/** A declaration with its types erased, so a feature can hand over a list of them. */
export interface Route extends Omit<RouteDeclaration<ParamShape, z.ZodType, z.ZodType>, 'handler'> {
  handler(context: RouteContext<unknown, unknown, unknown>): Promise<Reply>;
}

const pathNames = (path: string) => [...path.matchAll(/:(\w+)/g)].map((m) => m[1]!);

/** Checks a declaration once, when the app is built: a mistake here is a bug, not a request error. */
export function defineRoute<
  P extends ParamShape = Record<never, z.ZodType>,
  Q extends z.ZodType = z.ZodUndefined,
  B extends z.ZodType = z.ZodUndefined,
>(declaration: RouteDeclaration<P, Q, B>): Route {
  const where = `${declaration.method.toUpperCase()} ${declaration.path}`;
  const { roles } = declaration as { roles: unknown };
  if (roles !== 'any-authenticated' && !(Array.isArray(roles) && roles.length > 0))
    throw new Error(`${where}: declare roles, or 'any-authenticated' for a route every role may call`);
  const declared = Object.keys(declaration.params ?? {}).sort();
  const inPath = pathNames(declaration.path).sort();
  if (declared.join() !== inPath.join())
    throw new Error(`${where}: params [${declared.join(', ')}] must be the path's [${inPath.join(', ')}]`);
  return declaration as unknown as Route;
}

function checkRoles(roles: RouteRoles, actor: Actor): void {
  if (roles === 'any-authenticated' || roles.includes(actor.role)) return;
  throw forbidden(`this needs the ${roles.join(' or ')} role; you are acting as ${actor.role}`);
}

function send(res: Response, success: number, reply: Reply): void {
  for (const [name, value] of Object.entries(reply.headers ?? {})) res.setHeader(name, value);
  res.status(reply.status ?? success);
  if (reply.body === undefined) res.end();
  else if (typeof reply.body === 'string') res.send(reply.body);
  else res.json(reply.body);
}

/** The Express routes of the declarations, for the router mounted at API_PREFIX behind authentication. */
export function mountRoutes(routes: readonly Route[]): Router {
  const router = Router();
  for (const route of routes) {
    const params = z.strictObject(route.params ?? {});
    router[route.method](route.path, async (req, res) => {
      const actor = actorOf(res);
      // before anything is parsed: a caller without the role learns nothing about the input
      checkRoles(route.roles, actor);
      const context = {
        actor,
        params: parseOrThrow(params, req.params, 'path'),
        query: route.query ? parseOrThrow(route.query, req.query, 'query') : undefined,
        body: route.body ? parseOrThrow(route.body, req.body, 'body') : undefined,
        req,
        res,
        settings: res.locals.settings,
      };
      send(res, route.success, await route.handler(context));
    });
  }
  return router;
}
