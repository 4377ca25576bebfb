// Database connections shared fairly between tenants. One tenant's heavy work (an all-time dashboard
// from several tabs, a rescore, bursts of the costliest requests) could otherwise hold every
// connection and leave another tenant's note write queued behind all of it. Each tenant may hold at
// most `perTenant` connections at once; when a connection frees, it goes to the waiting tenant served
// longest ago, not to whoever asked first. Work outside any tenant (migrations, polls) is one more
// lane with the same bound.
import type { PostgresPool, PostgresPoolClient } from 'kysely';
import { currentTenant } from '../tenant-context';

/** The lane of work done for no tenant. */
const SERVICE_LANE = '';

interface Lane {
  inUse: number;
  waiting: Array<() => void>;
  /** when this lane last got a connection, for picking the one served longest ago */
  servedAt: number;
}

export const DEFAULT_POOL_SIZE = 10;

/** By default a tenant may hold half the connections, so another always finds one free soon. */
export const defaultPerTenant = (poolSize: number) => Math.ceil(poolSize / 2);

export interface FairPoolOptions {
  /** connections in all, as the underlying pool's `max` */
  size: number;
  /** the most one tenant may hold at once */
  perTenant: number;
}

export class FairPool implements PostgresPool {
  private readonly lanes = new Map<string, Lane>();
  private inUse = 0;
  private grants = 0;

  constructor(
    private readonly pool: PostgresPool,
    private readonly options: FairPoolOptions,
  ) {
    if (!(options.perTenant >= 1 && options.perTenant <= options.size))
      throw new Error(`perTenant must be between 1 and the pool size ${options.size}: ${options.perTenant}`);
  }

  async connect(): Promise<PostgresPoolClient> {
    const lane = this.laneOf(currentTenant() ?? SERVICE_LANE);
    if (!this.mayTake(lane)) await new Promise<void>((resolve) => lane.waiting.push(resolve));
    else this.take(lane);
    let client: PostgresPoolClient;
    try {
      client = await this.pool.connect();
    } catch (error) {
      this.give(lane);
      throw error;
    }
    // the pool sets release afresh on every checkout, so wrapping it here wraps this checkout only
    const release = client.release.bind(client);
    let released = false;
    client.release = () => {
      release();
      if (released) return;
      released = true;
      this.give(lane);
    };
    return client;
  }

  end(): Promise<void> {
    return this.pool.end();
  }

  /** Connections held and waited for, per tenant (the service's own work under ''). */
  usage(): Record<string, { inUse: number; waiting: number }> {
    return Object.fromEntries(
      [...this.lanes].map(([tenant, lane]) => [tenant, { inUse: lane.inUse, waiting: lane.waiting.length }]),
    );
  }

  private laneOf(tenant: string): Lane {
    let lane = this.lanes.get(tenant);
    if (!lane) {
      lane = { inUse: 0, waiting: [], servedAt: 0 };
      this.lanes.set(tenant, lane);
    }
    return lane;
  }

  private mayTake(lane: Lane): boolean {
    return this.inUse < this.options.size && lane.inUse < this.options.perTenant;
  }

  private take(lane: Lane): void {
    this.inUse++;
    lane.inUse++;
    lane.servedAt = ++this.grants;
  }

  /** A connection came back: it goes to the waiting tenant served longest ago that may take one. */
  private give(lane: Lane): void {
    this.inUse--;
    lane.inUse--;
    let next: Lane | undefined;
    for (const candidate of this.lanes.values()) {
      if (candidate.waiting.length === 0 || !this.mayTake(candidate)) continue;
      if (!next || candidate.servedAt < next.servedAt) next = candidate;
    }
    for (const [tenant, idle] of this.lanes) {
      if (idle.inUse === 0 && idle.waiting.length === 0 && idle !== next) this.lanes.delete(tenant);
    }
    if (!next) return;
    this.take(next);
    next.waiting.shift()!();
  }
}
