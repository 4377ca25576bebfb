// The OpenAPI document, generated from the route declarations and the zod schemas they validate with.
import { z } from 'zod';
import { ROLES } from '../actor';
import { ACTOR_HEADERS } from './auth';
import { API_PREFIX, type Route } from './route';

const jsonSchema = (schema: z.ZodType, io: 'input' | 'output') =>
  z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as {
    properties?: Record<string, unknown>;
    required?: string[];
  };

const actorHeaders = Object.keys(ACTOR_HEADERS).map((name) => ({
  $ref: `#/components/parameters/${name}`,
}));

function accessText(route: Route): string {
  const roles =
    route.roles === 'any-authenticated'
      ? 'Roles: any authenticated role'
      : `Roles: ${route.roles.join(', ')}`;
  return route.access ? `${roles}. Access: ${route.access}` : roles;
}

function operation(route: Route): Record<string, unknown> {
  const parameters: object[] = Object.entries(route.params ?? {}).map(([name, schema]) => ({
    name,
    in: 'path',
    required: true,
    schema: jsonSchema(schema, 'input'),
  }));
  if (route.query) {
    const schema = jsonSchema(route.query, 'input');
    for (const [name, prop] of Object.entries(schema.properties ?? {})) {
      parameters.push({
        name,
        in: 'query',
        required: schema.required?.includes(name) ?? false,
        schema: prop,
      });
    }
  }
  const bodyRequired = route.body !== undefined && !route.body.safeParse(undefined).success;
  return {
    operationId: route.operationId,
    summary: route.summary,
    description: accessText(route),
    'x-roles': route.roles === 'any-authenticated' ? [...ROLES] : route.roles,
    parameters: [...parameters, ...actorHeaders],
    ...(route.body
      ? {
          requestBody: {
            required: bodyRequired,
            content: { 'application/json': { schema: jsonSchema(route.body, 'input') } },
          },
        }
      : {}),
    responses: {
      [route.success]: {
        description: 'success',
        ...(route.response
          ? { content: { 'application/json': { schema: jsonSchema(route.response, 'output') } } }
          : {}),
      },
      '4XX': {
        description: 'error',
        content: { 'application/json': { schema: { $ref: '#/components/schemas/Error' } } },
      },
    },
  };
}

export class OpenApiRegistry {
  private readonly routes: Route[] = [];

  add(routes: readonly Route[]): void {
    this.routes.push(...routes);
  }

  document(): Record<string, unknown> {
    const paths: Record<string, Record<string, unknown>> = {};
    for (const route of this.routes) {
      const path = `${API_PREFIX}${route.path}`.replace(/:(\w+)/g, '{$1}');
      paths[path] ??= {};
      paths[path][route.method] = operation(route);
    }
    return {
      openapi: '3.1.0',
      info: { title: 'Up at Night service', version: '1' },
      security: [{ bearer: [] }],
      components: {
        securitySchemes: { bearer: { type: 'http', scheme: 'bearer' } },
        parameters: ACTOR_HEADERS,
        schemas: {
          Error: {
            type: 'object',
            properties: {
              error: {
                type: 'object',
                properties: {
                  code: { type: 'string' },
                  message: { type: 'string' },
                  details: {
                    type: 'array',
                    items: {
                      type: 'object',
                      properties: { path: { type: 'string' }, message: { type: 'string' } },
                    },
                  },
                },
              },
            },
          },
        },
      },
      paths,
    };
  }
}
