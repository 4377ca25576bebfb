// Every HTTP exchange with an org goes through this transport: it bounds how long a call may take,
// narrows jsforce's own retries to dropped connections on reads (the outbox and sync decide when to
// try again otherwise), and reads Sforce-Limit-Info from every response, whichever API made the call.
import type { HttpRequest, HttpRequestOptions, HttpResponse } from 'jsforce';
import { Transport } from 'jsforce/lib/transport';

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
  constructor(
    private readonly meter: CallMeter,
    private readonly timeoutMs: number,
  ) {
    super();
  }

  override httpRequest(request: HttpRequest, options: HttpRequestOptions = {}) {
    const pending = super.httpRequest(request, {
      ...options,
      timeout: this.timeoutMs,
      // a read whose connection dropped (a stale keep-alive socket) is retried at once; status codes
      // (503, 429) and writes are left to the caller, which counts and paces every attempt
      retry: { ...options.retry, maxRetries: 2, methods: ['GET'], statusCodes: [] },
    });
    pending.then(
      (response) => this.meter.observe(request, response),
      () => undefined,
    );
    return pending;
  }
}
