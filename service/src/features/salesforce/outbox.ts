// Sends one leased batch of the outbox: recompute each opportunity's roll-ups from its notes, read
// back the ones whose earlier send may have landed (so a retry never writes them twice), write the
// rest in one sObject Collections call, then settle each item by its own result.
import type { Db } from '../../platform/database/database';
import * as outbox from './data-access/outbox';
import { rollupSources } from './data-access/rollups';
import type { SalesforceSession } from './connection-factory';
import { classifyFailure, type Failure } from './errors';
import { readRollups, writeRollups, COLLECTION_LIMIT } from './rollup-writer';
import { rollupFieldsOf, sameRollup } from './rollups';

export interface OutboxOptions {
  owner: string;
  batchSize: number;
  leaseMs: number;
  maxAttempts: number;
  retryBaseMs: number;
  retryMaxMs: number;
}

export const DEFAULT_OUTBOX_OPTIONS: Omit<OutboxOptions, 'owner'> = {
  batchSize: COLLECTION_LIMIT,
  leaseMs: 120_000,
  maxAttempts: 8,
  retryBaseMs: 30_000,
  retryMaxMs: 3600_000,
};

// per-record errors no retry can fix: the record is gone, the field is not deployed, access is missing
const PERMANENT = new Set([
  'ENTITY_IS_DELETED',
  'INVALID_CROSS_REFERENCE_KEY',
  'MALFORMED_ID',
  'NOT_FOUND',
  'INVALID_FIELD',
  'INVALID_FIELD_FOR_INSERT_UPDATE',
  'INSUFFICIENT_ACCESS_OR_READONLY',
  'INSUFFICIENT_ACCESS_ON_CROSS_REFERENCE_ENTITY',
  'FIELD_CUSTOM_VALIDATION_EXCEPTION',
  'INVALID_OR_NULL_FOR_RESTRICTED_PICKLIST',
  'NUMBER_OUTSIDE_VALID_RANGE',
  'STRING_TOO_LONG',
]);

export interface BatchOutcome {
  leased: number;
  written: number;
  /** in-doubt items Salesforce already had: settled without a second write */
  confirmed: number;
  retried: number;
  parked: number;
  failure?: Failure;
}

export function backoffMs(
  attempt: number,
  options: Pick<OutboxOptions, 'retryBaseMs' | 'retryMaxMs'>,
): number {
  const exponential = Math.min(options.retryMaxMs, options.retryBaseMs * 2 ** Math.max(0, attempt - 1));
  // ±20 % jitter so items that failed together do not retry in lockstep
  return Math.round(exponential * (0.8 + Math.random() * 0.4));
}

export async function sendBatch(
  db: Db,
  session: SalesforceSession,
  options: OutboxOptions,
): Promise<BatchOutcome> {
  const { tenantId, conn } = session;
  const items = await outbox.leaseDue(
    db,
    tenantId,
    options.owner,
    Math.min(options.batchSize, COLLECTION_LIMIT),
    options.leaseMs,
  );
  const outcome: BatchOutcome = { leased: items.length, written: 0, confirmed: 0, retried: 0, parked: 0 };
  if (items.length === 0) return outcome;
  const ids = items.map((i) => i.opportunityId);
  const sources = await rollupSources(db, tenantId, ids);
  let writes = sources.map((s) => ({ opportunityId: s.opportunityId, fields: rollupFieldsOf(s) }));
  try {
    const doubtful = items.filter((i) => i.inDoubt).map((i) => i.opportunityId);
    if (doubtful.length > 0) {
      const current = await readRollups(conn, doubtful);
      const landed = writes.filter(
        (w) => doubtful.includes(w.opportunityId) && sameRollup(current.get(w.opportunityId) ?? {}, w.fields),
      );
      await outbox.completeItems(
        db,
        tenantId,
        options.owner,
        landed.map((w) => w.opportunityId),
      );
      outcome.confirmed = landed.length;
      writes = writes.filter((w) => !landed.includes(w));
    }
    const results = await writeRollups(conn, writes);
    const attemptsOf = new Map(items.map((i) => [i.opportunityId, i.attempts]));
    await outbox.completeItems(
      db,
      tenantId,
      options.owner,
      results.filter((r) => r.ok).map((r) => r.opportunityId),
    );
    outcome.written = results.filter((r) => r.ok).length;
    for (const r of results) {
      if (r.ok) continue;
      const attempt = (attemptsOf.get(r.opportunityId) ?? 0) + 1;
      const reason = `${r.code}: ${r.message}`;
      if (PERMANENT.has(r.code) || attempt >= options.maxAttempts) {
        await outbox.parkItem(db, tenantId, options.owner, r.opportunityId, reason);
        outcome.parked += 1;
      } else {
        await outbox.retryItem(
          db,
          tenantId,
          options.owner,
          r.opportunityId,
          reason,
          backoffMs(attempt, options),
        );
        outcome.retried += 1;
      }
    }
  } catch (error) {
    const failure = classifyFailure(error);
    // the call as a whole failed: items keep their attempts (an outage is not their fault)
    await outbox.releaseItems(
      db,
      tenantId,
      options.owner,
      writes.map((w) => w.opportunityId),
      {
        inDoubt: failure.noAnswer,
        delayMs: 0,
        error: `${failure.code}: ${failure.message}`,
      },
    );
    outcome.failure = failure;
  }
  return outcome;
}
