// Prometheus metrics: per-app registry (tests build many apps), default process metrics and
// request counts/latency by route pattern (never by raw path, which would explode cardinality);
// each answer's Server-Timing header carries the same duration.
import type { NextFunction, Request, Response } from 'express';
import onHeaders from 'on-headers';
import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry });
  const requests = new Counter({
    name: 'upatnight_http_requests_total',
    help: 'HTTP requests by method, route and status',
    labelNames: ['method', 'route', 'status'],
    registers: [registry],
  });
  const duration = new Histogram({
    name: 'upatnight_http_request_duration_seconds',
    help: 'HTTP request duration by method and route',
    labelNames: ['method', 'route'],
    buckets: [0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5],
    registers: [registry],
  });

  function middleware(req: Request, res: Response, next: NextFunction): void {
    const end = duration.startTimer();
    const started = performance.now();
    // the service's own time, so a client (and the bench) can tell it from network and queueing:
    // JSON answers write their headers once the body is ready, so this spans the whole handler
    onHeaders(res, () =>
      res.setHeader('Server-Timing', `app;dur=${(performance.now() - started).toFixed(2)}`),
    );
    res.on('finish', () => {
      const route = req.route?.path ? `${req.baseUrl}${String(req.route.path)}` : 'unmatched';
      end({ method: req.method, route });
      requests.inc({ method: req.method, route, status: String(res.statusCode) });
    });
    next();
  }

  return { registry, middleware };
}
