// Steady note writes from a few concurrent clients, and the check that every note acknowledged with
// 201 is stored exactly once.
import { makeClient, OPPORTUNITY } from '../helpers/service';

export interface WriteLoad {
  /** summary token → note id, for every 201 */
  acked: Map<string, string>;
  /** tokens sent whose outcome the client never learnt (connection lost mid-request) */
  unknown: Set<string>;
  /** statuses other than 201 */
  unexpected: number[];
  /** resolves when every client has stopped */
  done: Promise<void>;
  stop(): void;
}

export const noteFor = (opportunityId: string, token: string) => ({
  opportunityId,
  opportunity: { ...OPPORTUNITY, id: opportunityId },
  summary: `Durability note ${token}: we raised how self-scheduling shifts patient volume.`,
  customerView: 'Dana said the call centre loses staff faster than they can hire.',
  nextStep: 'Dana brings the no-show data to a working session.',
});

/** Clients post notes until stopped or until their connection fails (the service went away). */
export function startWriteLoad(url: string, apiKey: string, opportunityId: string, clients = 4): WriteLoad {
  const load: WriteLoad = {
    acked: new Map(),
    unknown: new Set(),
    unexpected: [],
    done: Promise.resolve(),
    stop: () => (stopped = true),
  };
  let stopped = false;
  const client = makeClient(url, apiKey);
  const writer = async (n: number) => {
    for (let i = 0; !stopped; i++) {
      const token = `w${n}-${i}-${Math.random().toString(36).slice(2, 8)}`;
      try {
        const reply = await client.request('POST', '/v1/notes', noteFor(opportunityId, token));
        if (reply.status === 201) load.acked.set(token, reply.body.id);
        else load.unexpected.push(reply.status);
      } catch {
        load.unknown.add(token);
        return; // the service is gone: this client stops
      }
    }
  };
  load.done = Promise.all(Array.from({ length: clients }, (_, n) => writer(n))).then(() => undefined);
  return load;
}

export async function storedNotes(url: string, apiKey: string, opportunityId: string) {
  const client = makeClient(url, apiKey);
  const notes: { id: string; summary: string }[] = [];
  let cursor: string | null = null;
  do {
    const query: string = cursor ? `&cursor=${encodeURIComponent(cursor)}` : '';
    const page = await client.request('GET', `/v1/opportunities/${opportunityId}/notes?limit=100${query}`);
    if (page.status !== 200) throw new Error(`listing notes: ${page.status} ${page.text}`);
    notes.push(...page.body.items);
    cursor = page.body.nextCursor;
  } while (cursor);
  return notes;
}

/** Problems with what was stored: an acknowledged note missing or doubled, or a stranger. */
export function lossesAndDuplicates(
  load: Pick<WriteLoad, 'acked' | 'unknown'>,
  stored: { id: string; summary: string }[],
): string[] {
  const problems: string[] = [];
  const byToken = new Map<string, string[]>();
  for (const note of stored) {
    const token = /Durability note (\S+):/.exec(note.summary)?.[1] ?? '?';
    byToken.set(token, [...(byToken.get(token) ?? []), note.id]);
  }
  for (const [token, id] of load.acked) {
    const ids = byToken.get(token) ?? [];
    if (ids.length !== 1 || ids[0] !== id)
      problems.push(`acknowledged ${token} (${id}) stored as [${ids.join(', ')}]`);
  }
  for (const [token, ids] of byToken) {
    if (!load.acked.has(token) && !load.unknown.has(token)) problems.push(`${token} stored but never sent`);
    if (ids.length > 1) problems.push(`${token} stored ${ids.length} times`);
  }
  return problems;
}
