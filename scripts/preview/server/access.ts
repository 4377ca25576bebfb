// Who may use the local preview. It acts with the demo tenant's key, so reaching the port must not
// be enough: a request must name this machine's loopback address in Host (a page on another site
// whose name was re-pointed at 127.0.0.1, DNS rebinding, sends its own name) and carry the token
// of this start, which only the terminal that ran `npm start` has seen. The printed link carries
// it once; the answer moves it into a cookie for this port and drops it from the address bar.
import type { NextFunction, Request, RequestHandler, Response } from 'express';
import { digestsEqual } from '../../../service/src/platform/lib/api-keys';
import { sha256 } from '../../../service/src/platform/lib/stable-hash';

const LOOPBACK_NAMES = ['127.0.0.1', 'localhost', '[::1]'];

/** The preview's address for this start: open it to get in. */
export const previewLink = (serviceUrl: string, token: string) => `${serviceUrl}/?token=${token}`;

const cookieName = (req: Request) => `uan_preview_${req.socket.localPort}`;

function isLoopbackHost(req: Request): boolean {
  const host = req.headers.host ?? '';
  const port = req.socket.localPort;
  return LOOPBACK_NAMES.some((name) => host === `${name}:${port}` || (port === 80 && host === name));
}

function cookieToken(req: Request): string | undefined {
  const name = `${cookieName(req)}=`;
  const cookie = (req.headers.cookie ?? '').split(/;\s*/).find((c) => c.startsWith(name));
  return cookie?.slice(name.length);
}

const refused = (res: Response, message: string) => {
  res.status(403).setHeader('Cache-Control', 'no-store');
  if (res.req.accepts(['html', 'json']) === 'html')
    res.type('html').send(`<!doctype html><html lang="en"><head><meta charset="utf-8">
<title>Up at Night — local preview</title></head><body style="font-family: sans-serif; margin: 2rem">
<h1>Up at Night — local preview</h1><p>${message}</p></body></html>`);
  else res.json({ error: { code: 'forbidden', message, details: [] } });
};

/** Guards every preview route; `GET /?token=` with the right token sets the cookie and redirects. */
export function previewAccess(token: string): RequestHandler {
  const matches = (candidate: string | undefined) =>
    candidate !== undefined && digestsEqual(sha256(candidate), sha256(token));
  return (req: Request, res: Response, next: NextFunction) => {
    if (!isLoopbackHost(req)) {
      refused(res, 'The local preview answers only at 127.0.0.1, localhost or [::1] with its port.');
      return;
    }
    const offered = typeof req.query.token === 'string' ? req.query.token : undefined;
    if (req.method === 'GET' && req.path === '/' && offered !== undefined && matches(offered)) {
      res.cookie(cookieName(req), token, { httpOnly: true, sameSite: 'strict', path: '/' });
      res.redirect(303, req.baseUrl || '/');
      return;
    }
    if (!matches(cookieToken(req))) {
      refused(
        res,
        'Open the preview through the link npm start printed ("Open the preview: …/?token=…"); ' +
          'its token changes at every start.',
      );
      return;
    }
    next();
  };
}
