// Every HTTP exchange with an org goes through this transport: it sends only to allowed Salesforce
// hosts (see org-request.ts), bounds how long a call may take, narrows retries to dropped
// connections on reads (the outbox and sync decide when to try again otherwise), and reads
// Sforce-Limit-Info from every response, whichever API made the call.
import type { HttpRequest, HttpRequestOptions, HttpResponse } from 'jsforce';
import { Transport } from 'jsforce/lib/transport';
import type { EndpointPolicy } from './endpoints';
import { orgRequestCreator } from './org-request';

const LIMIT_INFO = /api-usage=(\d+)\/(\d+)/;

/** Calls made since the last `take()`, and the org's usage as it last reported it. */
export class CallMeter {
  private calls = 0;
  private orgUsed?: number;
  private dailyLimit?: number;

  observe(request: HttpRequest, response: HttpResponse): void {
    // OAuth token requests do not count against the org's API allocation
    if (!request.url.includes('/services/oauth2/')) this.calls += 1;
    const match = LIMIT_INFO.exec(response.headers?.['sforce-limit-info'] ?? '');
    if (match) {
      this.orgUsed = Number(match[1]);
      this.dailyLimit = Number(match[2]);
    }
  }

  take(): { calls: number; orgUsed?: number; dailyLimit?: number } {
    const taken = { calls: this.calls, orgUsed: this.orgUsed, dailyLimit: this.dailyLimit };
    this.calls = 0;
    return taken;
  }
}

export class MeteredTransport extends Transport {
  private readonly createRequest: ReturnType<typeof orgRequestCreator>;

  constructor(
    private readonly meter: CallMeter,
    private readonly timeoutMs: number,
    policy: EndpointPolicy,
  ) {
    super();
    this.createRequest = orgRequestCreator(policy);
  }

  override getRequestStreamCreator() {
    return this.createRequest;
  }

  override httpRequest(request: HttpRequest, options: HttpRequestOptions = {}) {
    const pending = super.httpRequest(request, {
      ...options,
      timeout: this.timeoutMs,
      // a read whose connection dropped (a stale keep-alive socket) is retried at once; status codes
      // (503, 429) and writes are left to the caller, which counts and paces every attempt
      retry: { maxRetries: 2 },
    });
    pending.then(
      (response) => this.meter.observe(request, response),
      () => undefined,
    );
    return pending;
  }
}
