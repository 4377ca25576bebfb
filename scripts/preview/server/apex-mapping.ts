// The preview's stand-in for the UpAtNight*Controller classes: turns an Apex call (method name + parameters)
// into the /v1 request the controller makes, reading everything from apex-routes.json, and turns the
// service's answer into what the Apex method returns (the parsed JSON, which the typed UpAtNightResponses
// classes carry field for field, as apex-response-types.test.ts checks; or an exported file's text) or
// throws (AuraHandledException).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import type { OpportunityContext } from '../../../service/src/features/opportunities';

export type BodyKind = 'none' | 'context' | 'note' | 'json' | 'text' | 'wrapOpportunity';

/** One entry of apex-routes.json. */
export interface ApexRoute {
  /** the Apex class that has the method: UpAtNight<Audience>Controller */
  controller: string;
  method: 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';
  path: string;
  params: string[];
  cacheable: boolean;
  /** object: the service's JSON answer, parsed (a typed response in Apex); text: the answer as it came (an exported file) */
  returns: 'object' | 'text';
  body: BodyKind;
  bodyParam?: string;
  contextParam?: string;
  /** the parameter naming the opportunity the user must see, or "<json parameter>.<key>" */
  opportunityAccess?: string;
  query?: Record<string, string>;
  /** a typed query whose properties become query parameters */
  queryParam?: string;
  headers?: Record<string, string>;
  /** parameters the controller accepts only as a UUID (uuidParam) */
  uuidParams?: string[];
  contentType?: { param: string; values: Record<string, string>; default: string };
}

export type ApexRoutes = Record<string, ApexRoute>;

export const APEX_ROUTES_FILE = path.join(__dirname, 'apex-routes.json');

export function loadApexRoutes(file = APEX_ROUTES_FILE): ApexRoutes {
  return JSON.parse(readFileSync(file, 'utf8')) as ApexRoutes;
}

/** The AuraHandledException the controller would throw: its message reaches the component. */
export class ApexException extends Error {
  override name = 'AuraHandledException';
}

// The controller's and the callout client's words (custom labels UAN_Apex_* in the org, English values
// here; a test holds them equal), so the preview shows what the org would.
export const NOT_ACCESSIBLE = 'Opportunity not found or not accessible';
export const ERROR_UNREACHABLE =
  'The Up at Night service did not answer in time or could not be reached. Try again in a moment.';
export const MISSING_ID = 'A required identifier is missing.';
export const INVALID_IDEMPOTENCY_KEY = 'The idempotency key must be a UUID.';
export const MISSING_INPUT = '{0} is required.';
// Apex reserves from and to: the query classes name them fromDate and toDate (UpAtNightServiceClient).
const RESERVED_QUERY_NAMES: Record<string, string> = { fromDate: 'from', toDate: 'to' };
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** The request as it leaves for the service. */
export interface ServiceRequest {
  method: ApexRoute['method'];
  /** path with the encoded query, e.g. /v1/opportunities/006…/notes?cursor=abc */
  url: string;
  headers: Record<string, string>;
  body?: string;
}

export type ReadContext = (opportunityId: string) => OpportunityContext | undefined;

const isBlank = (value: unknown) => value === null || value === undefined || String(value).trim() === '';

// Apex String.valueOf for the JSON values a parameter can carry
const text = (value: unknown) => (typeof value === 'string' ? value : JSON.stringify(value));

// EncodingUtil.urlEncode: Java's URLEncoder (form encoding: a space is +; . - * _ stay as they are)
function formEncode(value: string): string {
  return encodeURIComponent(value)
    .replace(/[!'()~]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`)
    .replace(/%20/g, '+');
}

// UpAtNightServiceClient.encodeSegment: the same with + turned into %20, for a path segment
const segmentEncode = (value: string) => formEncode(value).replace(/\+/g, '%20');

// JSON.serialize(value, true): the typed request without its blank properties, at every depth.
function withoutNulls(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(withoutNulls);
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([, v]) => v !== null && v !== undefined)
      .map(([k, v]) => [k, withoutNulls(v)]),
  );
}

// A typed request parameter: Aura hands the controller an object of the declared class, or null.
function typedRequest(name: string, value: unknown): Record<string, unknown> {
  if (value === null || value === undefined || typeof value !== 'object' || Array.isArray(value)) {
    throw new ApexException(MISSING_INPUT.replace('{0}', name));
  }
  return withoutNulls(value) as Record<string, unknown>;
}

function param(route: ApexRoute, params: Record<string, unknown>, name: string | undefined): unknown {
  if (!name || !route.params.includes(name)) {
    throw new Error(`apex-routes.json: parameter "${name}" is not among the method's params`);
  }
  return params[name];
}

/**
 * The request the controller makes for this call. Throws ApexException where the controller
 * throws AuraHandledException before calling out (a missing request, a missing id, an opportunity the user cannot see).
 */
export function toServiceRequest(
  route: ApexRoute,
  params: Record<string, unknown>,
  readContext: ReadContext,
): ServiceRequest {
  const contextOf = (name: string | undefined) => {
    const id = param(route, params, name);
    const context = typeof id === 'string' && id ? readContext(id) : undefined;
    if (!context) throw new ApexException(NOT_ACCESSIBLE);
    return context;
  };
  if (route.opportunityAccess?.includes('.')) {
    // an opportunity named inside a typed query (the drill-down): checked only when it is there
    const [queryParam, key] = route.opportunityAccess.split('.') as [string, string];
    const query = param(route, params, queryParam);
    const named =
      query !== null && typeof query === 'object' ? (query as Record<string, unknown>)[key] : undefined;
    if (named !== undefined && named !== null && !(typeof named === 'string' && readContext(named))) {
      throw new ApexException(NOT_ACCESSIBLE);
    }
  } else if (route.opportunityAccess) contextOf(route.opportunityAccess);
  for (const name of route.uuidParams ?? []) {
    const value = param(route, params, name);
    if (!isBlank(value) && !UUID.test(text(value))) throw new ApexException(INVALID_IDEMPOTENCY_KEY);
  }

  const pathText = route.path.replace(/\{(\w+)\}/g, (_all, name: string) => {
    const value = param(route, params, name);
    if (isBlank(value)) throw new ApexException(MISSING_ID);
    return segmentEncode(text(value));
  });

  const query: string[] = [];
  const addQuery = (name: string, value: unknown) => {
    if (!isBlank(value)) query.push(`${formEncode(name)}=${formEncode(text(value))}`);
  };
  for (const [name, from] of Object.entries(route.query ?? {})) addQuery(name, param(route, params, from));
  if (route.queryParam) {
    const raw = param(route, params, route.queryParam);
    if (raw !== null && raw !== undefined) {
      const entries = typedRequest(route.queryParam, raw);
      for (const name of Object.keys(entries).sort()) {
        const value = entries[name];
        // Aura would not turn a list or an object into a property the query class types as one value
        if (typeof value === 'object')
          throw new ApexException(`${route.queryParam}.${name} is not a single value.`);
        addQuery(RESERVED_QUERY_NAMES[name] ?? name, value);
      }
    }
  }

  const headers: Record<string, string> = { Accept: 'application/json' };
  for (const [header, from] of Object.entries(route.headers ?? {})) {
    const value = param(route, params, from);
    if (!isBlank(value)) headers[header] = text(value);
  }

  let body: string | undefined;
  let contentType = 'application/json';
  switch (route.body) {
    case 'none':
      break;
    case 'context':
      body = JSON.stringify({ opportunity: contextOf(route.contextParam) });
      break;
    case 'note': {
      const note = typedRequest(route.bodyParam!, param(route, params, route.bodyParam));
      const opportunityId = param(route, params, route.contextParam);
      body = JSON.stringify({ ...note, opportunityId, opportunity: contextOf(route.contextParam) });
      break;
    }
    case 'json':
      body = JSON.stringify(typedRequest(route.bodyParam!, param(route, params, route.bodyParam)));
      break;
    case 'wrapOpportunity':
      body = JSON.stringify({
        opportunity: typedRequest(route.bodyParam!, param(route, params, route.bodyParam)),
      });
      break;
    case 'text': {
      const raw = param(route, params, route.bodyParam);
      body = raw === null || raw === undefined ? undefined : text(raw);
      if (route.contentType) {
        const selector = param(route, params, route.contentType.param);
        contentType = route.contentType.values[text(selector)] ?? route.contentType.default;
      }
      break;
    }
    default:
      throw new Error(`apex-routes.json: body kind "${String(route.body)}" is unknown to the preview`);
  }
  headers['Content-Type'] = contentType;
  return {
    method: route.method,
    url: pathText + (query.length ? `?${query.join('&')}` : ''),
    headers,
    body,
  };
}

/** What the Apex method returns for the service's answer, or the exception it throws. */
export function fromServiceResponse(
  status: number,
  bodyText: string,
  route: Pick<ApexRoute, 'returns'>,
): unknown {
  if (status === 200 || status === 201 || status === 202) {
    if (route.returns === 'text') return bodyText;
    return bodyText.trim() ? (JSON.parse(bodyText) as unknown) : null;
  }
  if (status === 204) return null;
  let message: string | undefined;
  try {
    const parsed = JSON.parse(bodyText) as { error?: { message?: unknown } };
    if (typeof parsed?.error?.message === 'string' && parsed.error.message.trim())
      message = parsed.error.message;
  } catch {
    // not the service's error envelope (a proxy page); the fallback below applies
  }
  throw new ApexException(message ?? fallbackMessage(status));
}

function fallbackMessage(status: number): string {
  if (status === 400 || status === 422) return 'The request was not valid.';
  if (status === 403) return 'You do not have permission to do this in Up at Night.';
  if (status === 404) return 'The requested item was not found.';
  if (status >= 500 && status <= 504)
    return 'The Up at Night service is unavailable right now. Try again later.';
  return `The Up at Night service gave an unexpected answer (HTTP ${status}).`;
}
