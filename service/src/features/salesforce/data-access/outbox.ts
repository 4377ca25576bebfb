// The durable roll-up outbox: one row per opportunity whose roll-up fields must be (re)written to
// Salesforce. Writers bump `version` (coalescing); workers lease rows with FOR UPDATE SKIP LOCKED and
// delete a row only if no change arrived while they were sending it.
import { sql, type Expression, type QueryCreator, type UpdateObject } from 'kysely';
import type { Executor } from '../../../platform/database/database';
import type { Database } from '../../../platform/database/schema';

export interface LeasedItem {
  opportunityId: string;
  version: number;
  attempts: number;
  /** an earlier send may have reached Salesforce (expired lease, lost answer) */
  inDoubt: boolean;
}

export interface ParkedItem {
  opportunityId: string;
  reason: string | null;
  attempts: number;
  since: string;
}

export interface OutboxDepth {
  pending: number;
  parked: number;
  oldestPendingAt: string | null;
}

/**
 * Queues the opportunities' roll-ups, in the caller's transaction. A tenant with no Salesforce
 * connection gets no rows: the `exists` keeps standalone mode at one indexed lookup.
 */
export async function enqueueRollups(
  db: Executor,
  tenantId: string,
  opportunityIds: string[],
): Promise<void> {
  const ids = [...new Set(opportunityIds)].sort();
  if (ids.length === 0) return;
  await rollupsQueued(db, tenantId, ids).execute();
}

/** The statement behind enqueueRollups, for a caller that runs it inside a larger one (a WITH):
 * `ids` may then be an expression of that statement (an array of the deals it wrote). */
export function rollupsQueued(
  db: QueryCreator<Database>,
  tenantId: string,
  ids: string[] | Expression<string[]>,
) {
  const deals = Array.isArray(ids) ? sql<string[]>`array[${sql.join(ids)}]::text[]` : ids;
  return db
    .insertInto('salesforce_outbox')
    .columns(['tenant_id', 'opportunity_id', 'status'])
    .expression((eb) =>
      eb
        .selectFrom('salesforce_connections')
        .select([
          'tenant_id',
          sql<string>`unnest(${deals})`.as('opportunity_id'),
          sql<'pending'>`'pending'`.as('status'),
        ])
        .where('tenant_id', '=', tenantId),
    )
    .onConflict((oc) =>
      oc.columns(['tenant_id', 'opportunity_id']).doUpdateSet({
        version: sql`salesforce_outbox.version + 1`,
        status: 'pending',
        attempts: 0,
        next_attempt_at: sql`now()`,
        last_error: null,
        enqueued_at: sql`now()`,
      }),
    );
}

/** Queues every opportunity that has notes (a newly connected org gets the roll-ups it missed). */
export async function enqueueAllRollups(db: Executor, tenantId: string): Promise<number> {
  const result = await sql<{ n: number }>`
    insert into salesforce_outbox (tenant_id, opportunity_id, status)
    select distinct tenant_id, opportunity_id, 'pending' from notes where tenant_id = ${tenantId}
    on conflict (tenant_id, opportunity_id) do update set
      version = salesforce_outbox.version + 1, status = 'pending', attempts = 0,
      next_attempt_at = now(), last_error = null`.execute(db);
  return Number(result.numAffectedRows ?? 0);
}

/**
 * Leases up to `limit` due items. SKIP LOCKED lets concurrent workers pass over each other's rows
 * instead of waiting; the lease (committed with the statement) keeps them away afterwards. An item
 * whose earlier lease expired without being released is marked in doubt.
 */
export async function leaseDue(
  db: Executor,
  tenantId: string,
  owner: string,
  limit: number,
  leaseMs: number,
): Promise<LeasedItem[]> {
  const result = await sql<{ opportunity_id: string; version: number; attempts: number; in_doubt: boolean }>`
    with picked as (
      select tenant_id, opportunity_id from salesforce_outbox
      where tenant_id = ${tenantId} and status = 'pending' and next_attempt_at <= now()
        and (leased_until is null or leased_until < now())
      order by next_attempt_at, opportunity_id
      limit ${limit}
      for update skip locked
    )
    update salesforce_outbox o set
      leased_until = now() + ${leaseMs} * interval '1 millisecond',
      lease_owner = ${owner},
      leased_version = o.version,
      in_doubt = o.in_doubt or o.leased_until is not null
    from picked
    where o.tenant_id = picked.tenant_id and o.opportunity_id = picked.opportunity_id
    returning o.opportunity_id, o.version, o.attempts, o.in_doubt`.execute(db);
  return result.rows
    .map((r) => ({
      opportunityId: r.opportunity_id,
      version: Number(r.version),
      attempts: Number(r.attempts),
      inDoubt: r.in_doubt,
    }))
    .sort((a, b) => a.opportunityId.localeCompare(b.opportunityId));
}

/**
 * Ends this owner's lease on the items with `changes`; an item whose lease expired and went to another
 * worker is left to that worker.
 */
async function endLease(
  db: Executor,
  tenantId: string,
  owner: string,
  ids: string[],
  changes: UpdateObject<Database, 'salesforce_outbox'>,
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .updateTable('salesforce_outbox')
    .set({ leased_until: null, lease_owner: null, leased_version: null, ...changes })
    .where('tenant_id', '=', tenantId)
    .where('opportunity_id', 'in', ids)
    .where('lease_owner', '=', owner)
    .execute();
}

/**
 * Written: the row goes unless a newer change arrived meanwhile, in which case it stays due.
 * Only rows this owner still leases are touched.
 */
export async function completeItems(
  db: Executor,
  tenantId: string,
  owner: string,
  ids: string[],
): Promise<void> {
  if (ids.length === 0) return;
  await db
    .deleteFrom('salesforce_outbox')
    .where('tenant_id', '=', tenantId)
    .where('opportunity_id', 'in', ids)
    .where('lease_owner', '=', owner)
    .whereRef('version', '=', 'leased_version')
    .execute();
  await endLease(db, tenantId, owner, ids, { in_doubt: false, attempts: 0, next_attempt_at: sql`now()` });
}

/** A per-record failure worth retrying: back off; `attempts` counts toward parking. */
export async function retryItem(
  db: Executor,
  tenantId: string,
  owner: string,
  id: string,
  error: string,
  delayMs: number,
): Promise<void> {
  await endLease(db, tenantId, owner, [id], {
    in_doubt: false,
    attempts: sql`attempts + 1`,
    last_error: error,
    next_attempt_at: sql`now() + ${delayMs} * interval '1 millisecond'`,
  });
}

/** Gives up on an item until its opportunity changes again or an admin requeues it. */
export async function parkItem(
  db: Executor,
  tenantId: string,
  owner: string,
  id: string,
  reason: string,
): Promise<void> {
  await endLease(db, tenantId, owner, [id], {
    in_doubt: false,
    status: 'parked',
    attempts: sql`attempts + 1`,
    last_error: reason,
  });
}

/**
 * The whole call failed (outage, throttling): the items go back untouched, due after `delayMs`;
 * `inDoubt` when the request may have been applied (no answer).
 */
export async function releaseItems(
  db: Executor,
  tenantId: string,
  owner: string,
  ids: string[],
  options: { inDoubt: boolean; delayMs: number; error: string },
): Promise<void> {
  await endLease(db, tenantId, owner, ids, {
    last_error: options.error,
    next_attempt_at: sql`now() + ${options.delayMs} * interval '1 millisecond'`,
    ...(options.inDoubt ? { in_doubt: true } : {}),
  });
}

export async function requeueParked(db: Executor, tenantId: string): Promise<number> {
  const result = await db
    .updateTable('salesforce_outbox')
    .set({ status: 'pending', attempts: 0, next_attempt_at: sql`now()` })
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'parked')
    .executeTakeFirst();
  return Number(result.numUpdatedRows);
}

export async function outboxDepth(db: Executor, tenantId: string): Promise<OutboxDepth> {
  const row = await db
    .selectFrom('salesforce_outbox')
    .select([
      sql<number>`count(*) filter (where status = 'pending')`.as('pending'),
      sql<number>`count(*) filter (where status = 'parked')`.as('parked'),
      sql<Date | null>`min(enqueued_at) filter (where status = 'pending')`.as('oldest'),
    ])
    .where('tenant_id', '=', tenantId)
    .executeTakeFirstOrThrow();
  return {
    pending: Number(row.pending),
    parked: Number(row.parked),
    oldestPendingAt: row.oldest ? new Date(row.oldest).toISOString() : null,
  };
}

export async function listParked(db: Executor, tenantId: string, limit: number): Promise<ParkedItem[]> {
  const rows = await db
    .selectFrom('salesforce_outbox')
    .select(['opportunity_id', 'last_error', 'attempts', 'enqueued_at'])
    .where('tenant_id', '=', tenantId)
    .where('status', '=', 'parked')
    .orderBy('enqueued_at')
    .limit(limit)
    .execute();
  return rows.map((r) => ({
    opportunityId: r.opportunity_id,
    reason: r.last_error,
    attempts: r.attempts,
    since: new Date(r.enqueued_at).toISOString(),
  }));
}

/** Depth by tenant and status, for /metrics. */
export async function outboxDepthByTenant(
  db: Executor,
): Promise<Array<{ tenantId: string; status: string; items: number }>> {
  const rows = await db
    .selectFrom('salesforce_outbox')
    .select(['tenant_id', 'status', (eb) => eb.fn.countAll<number>().as('n')])
    .groupBy(['tenant_id', 'status'])
    .execute();
  return rows.map((r) => ({ tenantId: r.tenant_id, status: r.status, items: Number(r.n) }));
}
