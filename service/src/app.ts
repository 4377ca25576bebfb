// Builds the Express app from its dependencies. Never listens: index.ts and the tests do that.
import express, { type Express, type RequestHandler } from 'express';
import helmet from 'helmet';
import { randomUUID } from 'node:crypto';
import pinoHttp from 'pino-http';
import type { Db } from './platform/database/database';
import type { Logger } from './platform/logger';
import { BackgroundWork } from './platform/background-work';
import { actorOf, authenticateRequests } from './platform/http/auth';
import { errorHandler, notFoundHandler } from './platform/http/errors';
import { OpenApiRegistry } from './platform/http/openapi';
import { rateLimitPerAddress, rateLimitPerTenant } from './platform/http/rate-limit';
import { heavyRequestsPerTenant, type HeavyRequestOptions } from './platform/http/heavy-requests';
import { createMetrics } from './platform/http/metrics';
import { opsRouter, type Lifecycle } from './platform/http/ops-router';
import { API_PREFIX, mountRoutes, type Route } from './platform/http/route';
import { analyticsRoutes } from './features/analytics';
import { notesRoutes } from './features/notes';
import { opportunitiesRoutes } from './features/opportunities';
import { promptSetsRoutes } from './features/prompt-sets';
import { settingsRoutes } from './features/settings';
import { registerJobMetrics } from './features/jobs';
import {
  registerSalesforceMetrics,
  salesforceRoutes,
  type SalesforceAdminOptions,
} from './features/salesforce';
import { authenticate } from './features/tenants';
import { accountsRoutes } from './features/accounts';
import { usersRoutes } from './features/users';

export interface AppDeps {
  db: Db;
  logger: Logger;
  bodyLimit?: string;
  rateLimitPerMinute?: number;
  /** per client address, checked before the API key */
  rateLimitPerAddressPerMinute?: number;
  /** costly requests one tenant runs at once, and may have waiting */
  heavyRequests?: HeavyRequestOptions;
  /** the share of time one tenant's background work takes while others are served here */
  backgroundShare?: number;
  /** behind a proxy: the hops or proxy addresses whose X-Forwarded-For names the client */
  trustProxy?: number | string;
  /** Salesforce connections: the secrets key and whether the password flow is allowed */
  salesforce?: SalesforceAdminOptions;
  /** /metrics: served only with a token; tenant ids as labels only when asked for */
  metrics?: { token?: string; tenantLabels?: boolean; refreshMs?: number };
  /** extra routes mounted before the 404 handler (the dev-only preview) */
  extraRoutes?: RequestHandler;
}

export interface BuiltApp {
  app: Express;
  lifecycle: Lifecycle;
  background: BackgroundWork;
}

/** Every route below API_PREFIX, as each feature declares it: what the app mounts and documents. */
export function apiRoutes(deps: Pick<AppDeps, 'db' | 'salesforce'>, background: BackgroundWork): Route[] {
  const { db } = deps;
  return [
    ...notesRoutes(db),
    ...opportunitiesRoutes(db),
    ...promptSetsRoutes(db),
    ...settingsRoutes(db, background),
    ...salesforceRoutes(db, deps.salesforce ?? { allowPasswordFlow: false }),
    ...analyticsRoutes(db),
    ...accountsRoutes(db),
    ...usersRoutes(db),
  ];
}

const REQUEST_ID = /^[A-Za-z0-9._:-]{1,128}$/;
// the local preview's printed link carries the token of its start in the query string
const TOKEN_PARAM = /([?&]token=)[^&]*/g;

export function createApp(deps: AppDeps): BuiltApp {
  const app = express();
  const lifecycle: Lifecycle = { draining: false };
  const background = new BackgroundWork(deps.logger, deps.backgroundShare);
  const openapi = new OpenApiRegistry();
  const metrics = createMetrics();
  registerSalesforceMetrics(metrics.registry, deps.db, {
    tenantLabels: deps.metrics?.tenantLabels ?? false,
    refreshMs: deps.metrics?.refreshMs ?? 30_000,
  });
  registerJobMetrics(metrics.registry, deps.db);
  const bodyLimit = deps.bodyLimit ?? '256kb';

  app.disable('x-powered-by');
  app.set('query parser', 'simple');
  if (deps.trustProxy !== undefined) app.set('trust proxy', deps.trustProxy);
  app.use(helmet());
  app.use(
    pinoHttp({
      logger: deps.logger,
      genReqId: (req, res) => {
        const incoming = req.headers['x-request-id'];
        const id = typeof incoming === 'string' && REQUEST_ID.test(incoming) ? incoming : randomUUID();
        res.setHeader('x-request-id', id);
        return id;
      },
      customLogLevel: (_req, res, err) => (err || res.statusCode >= 500 ? 'error' : 'info'),
      serializers: {
        req: (req: { url?: string }) => ({ ...req, url: req.url?.replace(TOKEN_PARAM, '$1[redacted]') }),
      },
    }),
  );
  app.use(metrics.middleware);
  app.use(opsRouter(deps.db, { registry: metrics.registry, token: deps.metrics?.token }, openapi, lifecycle));

  const v1 = express.Router();
  v1.use(rateLimitPerAddress(deps.rateLimitPerAddressPerMinute ?? 30000));
  v1.use(authenticateRequests((apiKey) => authenticate(deps.db, apiKey)));
  v1.use(rateLimitPerTenant(deps.rateLimitPerMinute ?? 6000));
  // who is being served now paces the background work of everyone else
  v1.use((_req, res, next) => {
    background.served(actorOf(res).tenantId);
    next();
  });
  v1.use(heavyRequestsPerTenant(deps.heavyRequests));
  v1.use(express.json({ limit: bodyLimit, strict: true }));
  v1.use(express.text({ type: 'text/csv', limit: bodyLimit }));
  const routes = apiRoutes(deps, background);
  openapi.add(routes);
  v1.use(mountRoutes(routes));
  app.use(API_PREFIX, v1);

  if (deps.extraRoutes) app.use(deps.extraRoutes);
  app.use(notFoundHandler);
  app.use(errorHandler);
  return { app, lifecycle, background };
}
