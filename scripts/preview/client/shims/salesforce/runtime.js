// Browser side of the preview's Apex bridge: every @salesforce/apex/UpAtNight<Audience>Controller.* import
// becomes apexMethod(name), which posts the call to /preview/apex/<name>. The server maps it onto the
// /v1 request through apex-routes.json and adds the demo tenant's key; the browser never sees it.

const ACTOR_KEY = 'uan-preview-actor';
const ROLES = ['rep', 'salesops', 'manager'];
// Same words as UpAtNightServiceClient.ERROR_UNREACHABLE: what a rep sees when the service is down.
const UNREACHABLE =
  'The Up at Night service did not answer in time or could not be reached. Try again in a moment.';

function defaultActor() {
  const meta = document.querySelector('meta[name="uan-preview-default-actor"]');
  try {
    return JSON.parse(meta?.getAttribute('content') ?? 'null');
  } catch {
    return null;
  }
}

/** The demo user the preview acts as: {userId, role}, chosen in the preview's header. */
export function currentActor() {
  try {
    const stored = JSON.parse(window.localStorage.getItem(ACTOR_KEY) ?? 'null');
    if (stored && typeof stored.userId === 'string' && ROLES.includes(stored.role)) {
      return stored;
    }
  } catch {
    // fall through to the default
  }
  return defaultActor() ?? { userId: '', role: 'rep' };
}

export function setActor(actor) {
  window.localStorage.setItem(ACTOR_KEY, JSON.stringify(actor));
}

/** The package's custom permissions, as the permission sets grant them to each role. */
export function hasCustomPermission(name) {
  const { role } = currentActor();
  if (name === 'UpAtNight_SalesOps') {
    return role === 'salesops';
  }
  if (name === 'UpAtNight_Manager') {
    return role === 'manager';
  }
  return false;
}

// The error object an imperative Apex call rejects with on the platform.
function apexError(status, body) {
  return {
    status,
    body,
    headers: {},
    ok: false,
    statusText: status === 0 ? 'Network error' : 'Server Error',
    errorType: 'fetchResponse',
  };
}

async function invoke(method, params) {
  let response;
  try {
    response = await fetch(`/preview/apex/${encodeURIComponent(method)}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', accept: 'application/json' },
      body: JSON.stringify({ params: params ?? {}, actor: currentActor() }),
    });
  } catch {
    throw apexError(0, { message: UNREACHABLE, exceptionType: 'System.CalloutException' });
  }
  let payload;
  try {
    payload = await response.json();
  } catch {
    throw apexError(response.status, { message: UNREACHABLE, exceptionType: 'System.CalloutException' });
  }
  if (response.ok) {
    return payload.returnValue ?? null;
  }
  throw apexError(response.status, payload.body ?? { message: UNREACHABLE });
}

// refreshApex(value): the wired value objects handed out, each mapped to its adapter's refetch.
const refreshers = new WeakMap();

export function refreshWired(value) {
  const refresh = value && typeof value === 'object' ? refreshers.get(value) : undefined;
  return refresh ? refresh() : Promise.resolve();
}

function createWireAdapter(method) {
  return class ApexWireAdapter {
    constructor(dataCallback) {
      this.dataCallback = dataCallback;
      this.config = undefined;
      this.sequence = 0;
      this.emit({ data: undefined, error: undefined });
    }

    emit(value) {
      refreshers.set(value, () => this.fetch());
      this.dataCallback(value);
    }

    update(config) {
      this.config = config;
      this.fetch();
    }

    connect() {}

    disconnect() {
      // answers that arrive after the component left are dropped
      this.sequence += 1;
    }

    fetch() {
      const config = this.config;
      // as on the platform, a wire whose parameters are not all known yet does not call
      if (!config || Object.values(config).some((v) => v === undefined)) {
        return Promise.resolve();
      }
      const sequence = ++this.sequence;
      return invoke(method, config).then(
        (data) => {
          if (sequence === this.sequence) {
            this.emit({ data, error: undefined });
          }
        },
        (error) => {
          if (sequence === this.sequence) {
            this.emit({ data: undefined, error });
          }
        },
      );
    }
  };
}

/** An Apex method as LWC sees it: callable imperatively and usable with @wire. */
export function apexMethod(method, { cacheable }) {
  const call = (params) => invoke(method, params);
  call.adapter = createWireAdapter(method);
  call.cacheable = cacheable;
  return call;
}
