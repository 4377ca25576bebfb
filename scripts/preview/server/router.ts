// The local preview's routes (development only, mounted through createApp's extraRoutes):
//   GET  /                        the preview page (three views of the real components)
//   GET  /preview/app/*           the built bundle (.preview-build/current)
//   GET  /assets/*                SLDS styles, icons and fonts (@salesforce-ux/design-system)
//   GET  /preview/resources/:name the org's static resources (force-app/.../staticresources)
//   GET  /preview/context         demo users and opportunities for the page's pickers
//   GET  /preview/records/:id     a demo opportunity in the UI API shape (lightning/uiRecordApi)
//   POST /preview/apex/:method    a call to one of the UpAtNight*Controller classes, mapped through apex-routes.json onto
//                                 the /v1 request, sent with the demo tenant's key (never shown to the browser)
//   GET  /preview/status          whether the bundle is built
// Every one of them answers only on a loopback Host and with this start's token (see access.ts).
import express, { type Request, type Response, type Router } from 'express';
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Logger } from '../../../service/src/platform/logger';
import { previewAccess } from './access';
import {
  DEMO_MANAGERS,
  DEMO_OPPORTUNITIES,
  DEMO_REPS,
  DEMO_SALES_OPS_ID,
  DEMO_USERS,
} from '../../../service/src/features/demo';
import type { OpportunityContext } from '../../../service/src/features/opportunities';
import {
  ApexException,
  ERROR_UNREACHABLE,
  fromServiceResponse,
  loadApexRoutes,
  toServiceRequest,
  type ApexRoutes,
} from './apex-mapping';

export const REPO_ROOT = path.resolve(__dirname, '../../..');
const STATIC_RESOURCES_DIR = path.join(REPO_ROOT, 'force-app/main/default/staticresources');
const CALLOUT_TIMEOUT_MS = 8000; // as UpAtNightServiceClient.TIMEOUT_MS

export type PreviewRole = 'rep' | 'salesops' | 'manager';

export interface PreviewStatus {
  state: 'building' | 'ready' | 'failed';
  message?: string;
  buildMs?: number;
  bytes?: number;
}

export interface PreviewRouterOptions {
  apiKey: string;
  /** this start's token: the printed link carries it */
  token: string;
  logger: Logger;
  /** the built bundle: index.html and app/ */
  buildDir: string;
  status: () => PreviewStatus;
  /** default: apex-routes.json next to this file */
  routes?: ApexRoutes;
  /** the service the Apex calls go to; default: this same server, reached over loopback */
  serviceUrl?: (req: Request) => string;
  /** the org's opportunities as Apex would read them; default: the demo data */
  opportunities?: OpportunityContext[];
  timeoutMs?: number;
}

const ROLES: PreviewRole[] = ['rep', 'salesops', 'manager'];

function roleOf(userId: string): PreviewRole {
  if (userId === DEMO_SALES_OPS_ID) return 'salesops';
  if (DEMO_MANAGERS.includes(userId)) return 'manager';
  return 'rep';
}

export const PREVIEW_USERS = DEMO_USERS.map((u) => ({ id: u.id, name: u.name, role: roleOf(u.id) }));
export const DEFAULT_ACTOR = { userId: DEMO_REPS[0]!, role: 'rep' as PreviewRole };

// helmet's default policy upgrades http requests to https, which a loopback preview cannot serve
const CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self' 'unsafe-inline'",
  "img-src 'self' data: blob:",
  "font-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'self'",
  "frame-ancestors 'self'",
  "form-action 'self'",
].join('; ');

function sameServer(req: Request): string {
  const address = req.socket.localAddress ?? '127.0.0.1';
  const host = address.startsWith('::ffff:') ? address.slice(7) : address;
  return `http://${host.includes(':') ? `[${host}]` : host}:${req.socket.localPort}`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function waitingPage(status: PreviewStatus): string {
  const building = status.state === 'building';
  return `<!doctype html><html lang="en"><head><meta charset="utf-8"><title>Up at Night — local preview</title>
${building ? '<meta http-equiv="refresh" content="2">' : ''}</head><body style="font-family: sans-serif; margin: 2rem">
<h1>Up at Night — local preview</h1>
<p>${building ? 'The preview bundle is being built (about half a minute the first time); this page reloads by itself.' : 'The preview bundle could not be built:'}</p>
${status.message ? `<pre>${escapeHtml(status.message)}</pre>` : ''}</body></html>`;
}

/** A demo opportunity in the UI API record shape. */
function uiRecord(o: OpportunityContext) {
  const field = (value: unknown, displayValue: string | null = null) => ({
    value: value ?? null,
    displayValue,
  });
  return {
    apiName: 'Opportunity',
    id: o.id,
    fields: {
      Id: field(o.id),
      Name: field(o.name),
      StageName: field(o.stage, o.stage ?? null),
      Amount: field(
        o.amount,
        typeof o.amount === 'number'
          ? new Intl.NumberFormat('en-US', { style: 'currency', currency: 'USD' }).format(o.amount)
          : null,
      ),
      CloseDate: field(o.closeDate),
      IsClosed: field(o.isClosed ?? false),
      IsWon: field(o.isWon ?? false),
      OwnerId: field(o.ownerId),
      RecordType: field(
        o.recordType ? { apiName: 'RecordType', fields: { Name: field(o.recordType) } } : null,
      ),
      Account: field({
        apiName: 'Account',
        fields: { Name: field(o.accountName), Industry: field(o.industry, o.industry ?? null) },
      }),
    },
  };
}

function contentTypeOfResource(name: string): string {
  try {
    const meta = readFileSync(path.join(STATIC_RESOURCES_DIR, `${name}.resource-meta.xml`), 'utf8');
    return /<contentType>([^<]+)<\/contentType>/.exec(meta)?.[1]?.trim() ?? 'application/octet-stream';
  } catch {
    return 'application/octet-stream';
  }
}

function apexError(res: Response, message: string): void {
  // the shape an imperative Apex call rejects with on the platform; reduceErrors reads body.message
  res.status(500).json({
    body: { message, exceptionType: 'System.AuraHandledException', isUserDefinedException: false },
  });
}

export function previewRouter(options: PreviewRouterOptions): Router {
  const routes = options.routes ?? loadApexRoutes();
  const opportunities = options.opportunities ?? DEMO_OPPORTUNITIES;
  const readContext = (id: string) => opportunities.find((o) => o.id === id);
  const timeoutMs = options.timeoutMs ?? CALLOUT_TIMEOUT_MS;
  const router = express.Router();
  const access = previewAccess(options.token);

  router.use(
    ['/preview', '/assets'],
    (_req, res, next) => {
      res.setHeader('Content-Security-Policy', CSP);
      next();
    },
    access,
  );

  router.get('/', access);
  router.get(['/', '/preview', '/preview/'], (_req, res) => {
    res.setHeader('Content-Security-Policy', CSP);
    res.setHeader('Cache-Control', 'no-store');
    const status = options.status();
    const index = path.join(options.buildDir, 'index.html');
    if (status.state !== 'ready' || !existsSync(index)) {
      res
        .status(status.state === 'failed' ? 500 : 503)
        .type('html')
        .send(waitingPage(status));
      return;
    }
    const html = readFileSync(index, 'utf8').replace(
      '{{DEFAULT_ACTOR}}',
      escapeHtml(JSON.stringify(DEFAULT_ACTOR)),
    );
    res.type('html').send(html);
  });

  router.get('/favicon.ico', (_req, res) => {
    res.status(204).end();
  });

  router.get('/preview/status', (_req, res) => {
    res.json(options.status());
  });

  router.use(
    '/preview/app',
    (_req, res, next) => {
      res.setHeader('Cache-Control', 'no-cache');
      next();
    },
    // resolved per request: a rebuild replaces the directory
    (req, res, next) =>
      express.static(path.join(options.buildDir, 'app'), { fallthrough: false })(req, res, next),
  );

  const sldsAssets = path.join(REPO_ROOT, 'node_modules/@salesforce-ux/design-system/assets');
  router.use('/assets', express.static(sldsAssets, { fallthrough: false, maxAge: '1h' }));

  router.get('/preview/resources/:name', (req, res) => {
    const name = String(req.params.name);
    const file = /^[A-Za-z][A-Za-z0-9_]*$/.test(name)
      ? ['js', 'css', 'json', 'png', 'svg', 'resource']
          .map((ext) => path.join(STATIC_RESOURCES_DIR, `${name}.${ext}`))
          .find((f) => existsSync(f))
      : undefined;
    if (!file) {
      res.status(404).type('text').send('no such static resource');
      return;
    }
    res.type(contentTypeOfResource(name)).sendFile(file);
  });

  router.get('/preview/context', (_req, res) => {
    res.json({ users: PREVIEW_USERS, opportunities, defaultActor: DEFAULT_ACTOR, roles: ROLES });
  });

  router.get('/preview/records/:id', (req, res) => {
    const found = readContext(String(req.params.id));
    if (!found) {
      res.status(404).json({ message: 'The requested resource does not exist' });
      return;
    }
    res.json(uiRecord(found));
  });

  router.post('/preview/apex/:method', express.json({ limit: '2mb' }), async (req, res) => {
    const method = String(req.params.method);
    const route = Object.hasOwn(routes, method) ? routes[method] : undefined;
    if (!route) {
      apexError(res, `No such Apex method: ${method}`);
      return;
    }
    const { params = {}, actor } = (req.body ?? {}) as {
      params?: Record<string, unknown>;
      actor?: { userId?: unknown; role?: unknown };
    };
    const userId = typeof actor?.userId === 'string' ? actor.userId : '';
    const role = ROLES.find((r) => r === actor?.role);
    if (!PREVIEW_USERS.some((u) => u.id === userId) || !role) {
      apexError(res, 'The preview acts only as one of the demo users with a rep, salesops or manager role.');
      return;
    }
    try {
      const request = toServiceRequest(route, params, readContext);
      const base = options.serviceUrl?.(req) ?? sameServer(req);
      let response: globalThis.Response;
      try {
        response = await fetch(base + request.url, {
          method: request.method,
          headers: {
            ...request.headers,
            Authorization: `Bearer ${options.apiKey}`,
            'X-Actor-Id': userId,
            'X-Actor-Role': role,
          },
          body: request.body,
          signal: AbortSignal.timeout(timeoutMs),
        });
      } catch (err) {
        options.logger.warn({ err, method }, 'preview: the service did not answer the Apex callout');
        throw new ApexException(ERROR_UNREACHABLE);
      }
      const returnValue = fromServiceResponse(response.status, await response.text(), route);
      res.json({ returnValue });
    } catch (err) {
      if (err instanceof ApexException) {
        apexError(res, err.message);
        return;
      }
      options.logger.error({ err, method }, 'preview: Apex bridge failed');
      apexError(res, 'An internal server error has occurred');
    }
  });

  return router;
}
