// The HTTP exchange under jsforce for every call to an org. jsforce's own request function cannot be
// given an agent and follows redirects (carrying the Authorization header along), so the transport
// plugs this one in instead: the URL is checked against the allow-list, the socket connects only to
// the addresses the checked lookup approved, and a redirect is an error, never followed.
import http from 'node:http';
import https from 'node:https';
import type { HttpRequest, HttpRequestOptions } from 'jsforce';
import { createHttpRequestHandlerStreams } from 'jsforce/lib/request-helper';
import type { Duplex, PassThrough } from 'node:stream';
import { checkCallUrl, checkedLookup, EndpointRefused, type EndpointPolicy } from './endpoints';

/** No answer arrived (refused, reset, timed out): the request may or may not have been applied. */
export class OrgUnreachable extends Error {
  constructor(
    readonly code: string,
    message: string,
  ) {
    super(message);
    this.name = 'OrgUnreachable';
  }
}

// a stale keep-alive socket shows up as one of these on the next request
const DROPPED = new Set(['ECONNRESET', 'EPIPE', 'ECONNABORTED']);
const BODY_METHODS = /^(post|put|patch)$/i;

async function bodyOf(req: HttpRequest, input: PassThrough): Promise<Buffer | undefined> {
  if (!BODY_METHODS.test(req.method)) return undefined;
  const chunks: Buffer[] = [];
  for await (const chunk of input) chunks.push(Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk as string));
  return Buffer.concat(chunks);
}

interface Agents {
  http: http.Agent;
  https: https.Agent;
}

export function orgAgents(policy: EndpointPolicy): Agents {
  const lookup = checkedLookup(policy) as unknown as http.AgentOptions['lookup'];
  return {
    http: new http.Agent({ keepAlive: true, lookup }),
    https: new https.Agent({ keepAlive: true, lookup }),
  };
}

function send(
  url: URL,
  req: HttpRequest,
  body: Buffer | undefined,
  agents: Agents,
  policy: EndpointPolicy,
  timeoutMs: number | undefined,
): Promise<http.IncomingMessage> {
  return new Promise((resolve, reject) => {
    const secure = url.protocol === 'https:';
    // plain http exists only for the local fake; the lookup refuses anything but loopback anyway
    if (!secure && !policy.allowLocalOrg) {
      reject(new EndpointRefused('ENDPOINT_REFUSED', 'must be an https:// URL'));
      return;
    }
    const request = (secure ? https : http).request(url, {
      method: req.method,
      headers: { ...req.headers, ...(body ? { 'content-length': String(body.length) } : {}) },
      agent: secure ? agents.https : agents.http,
    });
    const timer =
      timeoutMs === undefined
        ? undefined
        : setTimeout(
            () => request.destroy(new OrgUnreachable('ETIMEDOUT', `no answer within ${timeoutMs} ms`)),
            timeoutMs,
          );
    request.on('response', (response) => {
      clearTimeout(timer);
      resolve(response);
    });
    request.on('error', (error: NodeJS.ErrnoException) => {
      clearTimeout(timer);
      reject(
        error instanceof EndpointRefused || error instanceof OrgUnreachable
          ? error
          : new OrgUnreachable(
              error.code ?? 'ECONNRESET',
              `the org did not answer (${error.code ?? error.message})`,
            ),
      );
    });
    request.end(body);
  });
}

async function exchange(
  req: HttpRequest,
  options: HttpRequestOptions,
  streams: { input: PassThrough; output: PassThrough; stream: Duplex },
  agents: Agents,
  policy: EndpointPolicy,
): Promise<void> {
  const url = checkCallUrl(req.url, policy);
  const body = await bodyOf(req, streams.input);
  const retries = req.method === 'GET' ? (options.retry?.maxRetries ?? 0) : 0;
  let response: http.IncomingMessage;
  for (let attempt = 0; ; attempt++) {
    try {
      response = await send(url, req, body, agents, policy, options.timeout);
      break;
    } catch (error) {
      if (!(error instanceof OrgUnreachable && DROPPED.has(error.code) && attempt < retries)) throw error;
    }
  }
  const status = response.statusCode ?? 0;
  if (status >= 300 && status < 400) {
    response.resume();
    throw new EndpointRefused(
      'REDIRECT_REFUSED',
      `the org answered HTTP ${status}: redirects are not followed`,
    );
  }
  const headers: Record<string, string> = {};
  for (const [name, value] of Object.entries(response.headers)) {
    if (value !== undefined) headers[name] = Array.isArray(value) ? value.join(', ') : value;
  }
  streams.stream.emit('response', { statusCode: status, headers });
  response.pipe(streams.output);
}

/** A jsforce request-stream creator bound to one policy and its agents. */
export function orgRequestCreator(policy: EndpointPolicy) {
  const agents = orgAgents(policy);
  return (req: HttpRequest, options: HttpRequestOptions): Duplex => {
    const streams = createHttpRequestHandlerStreams(req, options);
    exchange(req, options, streams, agents, policy).catch((error: unknown) =>
      streams.stream.emit('error', error),
    );
    return streams.stream;
  };
}
