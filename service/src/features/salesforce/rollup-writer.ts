// Writes roll-up fields to Opportunity through sObject Collections: up to 200 records per PATCH,
// allOrNone false so one bad record does not hold back the others. Results come back in request
// order (a failed record's result carries no id), so they are matched by position.
import type { Connection } from 'jsforce';
import { ROLLUP_FIELD_NAMES, type RollupFields } from './rollups';

export const COLLECTION_LIMIT = 200;

export interface RollupWrite {
  opportunityId: string;
  fields: RollupFields;
}

export type WriteResult =
  { opportunityId: string; ok: true } | { opportunityId: string; ok: false; code: string; message: string };

interface SaveResult {
  success: boolean;
  errors?: Array<{ statusCode?: string; errorCode?: string; message?: string; fields?: string[] }>;
}

export async function writeRollups(conn: Connection, writes: RollupWrite[]): Promise<WriteResult[]> {
  if (writes.length > COLLECTION_LIMIT) throw new Error(`at most ${COLLECTION_LIMIT} records per call`);
  if (writes.length === 0) return [];
  const records = writes.map((w) => ({ Id: w.opportunityId, ...w.fields }));
  const results = (await conn.sobject('Opportunity').update(records, { allOrNone: false })) as SaveResult[];
  return writes.map((w, i) => {
    const result = results[i];
    if (result?.success) return { opportunityId: w.opportunityId, ok: true };
    const error = result?.errors?.[0];
    return {
      opportunityId: w.opportunityId,
      ok: false,
      code: error?.statusCode ?? error?.errorCode ?? 'NO_RESULT',
      message: `${error?.message ?? 'no result for this record'}${error?.fields?.length ? ` (${error.fields.join(', ')})` : ''}`,
    };
  });
}

/** The roll-up fields Salesforce holds now, for writes whose outcome is unknown. */
export async function readRollups(
  conn: Connection,
  ids: string[],
): Promise<Map<string, Record<string, unknown>>> {
  const quoted = ids.map((id) => `'${id.replace(/[^A-Za-z0-9]/g, '')}'`).join(',');
  const soql = `SELECT Id, ${ROLLUP_FIELD_NAMES.join(', ')} FROM Opportunity WHERE Id IN (${quoted})`;
  const result = await conn.query<Record<string, unknown>>(soql);
  return new Map(result.records.map((r) => [String(r.Id), r]));
}
