// One tenant sends the costliest requests the API accepts — the largest notes the schema admits to
// the live coach and to storage, all-time dashboards, exports, a 1,000-prompt import, a whole-tenant
// rescore — from several connections at once, while another tenant's rep uses the live coach
// (POST /v1/score) one request at a time and writes notes. Latency is taken on both sides: the
// client's, and the service's own (its Server-Timing header). Shared by the reliability test (a
// generous bound) and the HTTP bench (the published figures, http.noisyNeighbour.*).
import { hostileNote } from '../scoring/hostile-notes';
import { samplePrompt } from '../helpers/service';

export interface NoisyNeighbourOptions {
  url: string;
  noisyKey: string;
  quietKey: string;
  /** whose sales ops load the all-time dashboard (by default the noisy tenant's; the bench's has 1M notes) */
  dashboardKey?: string;
  /** how long the noisy tenant keeps going */
  seconds: number;
  /** concurrent connections of the noisy tenant */
  connections?: number;
}

export interface NoisyNeighbourResult {
  /** the quiet tenant's live-coach latency before, and while, the noisy tenant runs (client side) */
  quietAloneP99Ms: number;
  quietP50Ms: number;
  quietP99Ms: number;
  quietRequests: number;
  /** the same in the service (Server-Timing), for the live coach and for note writes */
  scoreServiceAloneP99Ms: number;
  scoreServiceP99Ms: number;
  notesServiceAloneP99Ms: number;
  notesServiceP99Ms: number;
  notesRequests: number;
  /** what the noisy tenant got: served, refused by its rate limit */
  noisyServed: number;
  noisyRefused: number;
  /** per kind of costly request, how many answers had each status */
  noisyStatuses: Record<string, Record<number, number>>;
}

const OPS = '005000000000S00AAA';
const REP = '005000000000R01AAA';
const OPP = '006000000000N01AAA';
const NOTE_PAUSE_MS = 50;
// the coach is asked as a rep types, not back to back: with the notes, the quiet tenant stays well
// under the production rate limit (100 requests a second) however fast the machine
const COACH_PAUSE_MS = 20;
const ALONE_WARM_UP = 20;
const ALONE_CALLS = 200;

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

/** The default body limit (BODY_LIMIT, 256 kB), less room for the JSON around the prompts. */
const IMPORT_BYTES = 256 * 1024 - 1024;

/** The largest prompt-set file the default body limit lets through: as many prompts as fit. */
function largestImport() {
  const perPrompt = Buffer.byteLength(JSON.stringify(samplePrompt('p-0000'))) + 1;
  const count = Math.min(1000, Math.floor(IMPORT_BYTES / perPrompt));
  return {
    name: 'Imported',
    prompts: Array.from({ length: count }, (_, i) => samplePrompt(`p-${String(i).padStart(4, '0')}`)),
  };
}

/** The service's own duration of an answer, from its Server-Timing header (app;dur=…). */
const serviceMs = (header: string | null) => Number(/dur=([\d.]+)/.exec(header ?? '')?.[1] ?? NaN);

function caller(url: string, key: string, role: 'rep' | 'salesops', user: string) {
  return async (
    method: string,
    path: string,
    body?: unknown,
  ): Promise<{ status: number; json: any; serviceMs: number }> => {
    const reply = await fetch(`${url}${path}`, {
      method,
      headers: {
        authorization: `Bearer ${key}`,
        'x-actor-id': user,
        'x-actor-role': role,
        ...(body === undefined ? {} : { 'content-type': 'application/json' }),
      },
      body: body === undefined ? undefined : JSON.stringify(body),
    });
    const text = await reply.text();
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      json = text; // the CSV export
    }
    return { status: reply.status, json, serviceMs: serviceMs(reply.headers.get('server-timing')) };
  };
}

const LIVE_NOTE = {
  summary:
    'Raised the risk that new tariffs will squeeze their margins next year; Priya had not considered it.',
  customerView: 'Priya says the board wants profitability by next year, so hiring is frozen.',
  nextStep: 'Working session with Priya and the finance partner on December 8.',
  nextStepDate: '2026-12-08',
  prompts: [],
};

export async function runNoisyNeighbour(options: NoisyNeighbourOptions): Promise<NoisyNeighbourResult> {
  const noisy = caller(options.url, options.noisyKey, 'salesops', OPS);
  const quiet = caller(options.url, options.quietKey, 'rep', REP);
  const dashboard = options.dashboardKey ? caller(options.url, options.dashboardKey, 'salesops', OPS) : noisy;
  const largest = hostileNote('zeroWidthJoined');
  const largeNote = { ...largest, prompts: largest.prompts.map((p) => ({ text: p.text!.trim() })) };
  const importFile = largestImport();
  // the costliest export is of the largest set the API takes
  const imported = await noisy('POST', '/v1/prompt-sets/import?format=json', importFile);
  if (imported.status !== 201) throw new Error(`the largest import got ${imported.status}`);
  const costly: Array<[string, () => Promise<{ status: number }>]> = [
    ['largeDraft', () => noisy('POST', '/v1/score', largeNote)],
    ['largeNote', () => noisy('POST', '/v1/notes', { ...largeNote, opportunityId: OPP })],
    ['allTimeDashboard', () => dashboard('GET', '/v1/analytics/dashboard?range=all&bucket=month&days=365')],
    ['export', () => noisy('GET', `/v1/prompt-sets/${imported.json.id}/versions/1/export?format=csv`)],
    ['import', () => noisy('POST', '/v1/prompt-sets/import?format=json', importFile)],
    ['rescore', () => noisy('POST', '/v1/rescore')],
  ];

  /** one request at a time until `until`, with `pauseMs` between: client and service latencies */
  const rep = async (
    send: () => ReturnType<typeof quiet>,
    expected: number,
    until: () => boolean,
    pauseMs = 0,
  ) => {
    const client: number[] = [];
    const service: number[] = [];
    while (!until()) {
      const started = performance.now();
      const reply = await send();
      if (reply.status !== expected) throw new Error(`the quiet tenant's rep got ${reply.status}`);
      client.push(performance.now() - started);
      service.push(reply.serviceMs);
      if (pauseMs > 0) await new Promise((resolve) => setTimeout(resolve, pauseMs));
    }
    return { client, service };
  };
  const coach = (until: () => boolean) =>
    rep(() => quiet('POST', '/v1/score', LIVE_NOTE), 200, until, COACH_PAUSE_MS);
  // a rep logs a note now and then, not back to back
  const notes = (until: () => boolean) =>
    rep(() => quiet('POST', '/v1/notes', { ...LIVE_NOTE, opportunityId: OPP }), 201, until, NOTE_PAUSE_MS);
  const times = (n: number) => {
    let i = 0;
    return () => i++ >= n;
  };
  // warmed up first, so the alone figures are not the first calls' compilation; enough calls that a
  // p99 is not simply the slowest one
  await coach(times(ALONE_WARM_UP));
  await notes(times(ALONE_WARM_UP));
  const coachAlone = await coach(times(ALONE_CALLS));
  const notesAlone = await notes(times(ALONE_CALLS / 2));

  let served = 0;
  let refused = 0;
  // every answer's status per kind of request: a costly request refused as malformed costs nothing
  const statuses: Record<string, Record<number, number>> = {};
  const deadline = performance.now() + options.seconds * 1000;
  const over = () => performance.now() >= deadline;
  const noisyLoop = async (offset: number) => {
    for (let i = offset; !over(); i++) {
      const [kind, send] = costly[i % costly.length]!;
      const { status } = await send();
      const counts = (statuses[kind] ??= {});
      counts[status] = (counts[status] ?? 0) + 1;
      if (status === 429) refused++;
      else if (status >= 500) throw new Error(`the noisy tenant got ${status}`);
      else served++;
    }
  };
  const [coached, noted] = await Promise.all([
    coach(over),
    notes(over),
    ...Array.from({ length: options.connections ?? 6 }, (_, i) => noisyLoop(i)),
  ]);
  const p = (values: number[], q: number) => Number(percentile(values, q).toFixed(1));
  return {
    quietAloneP99Ms: p(coachAlone.client, 99),
    quietP50Ms: p(coached.client, 50),
    quietP99Ms: p(coached.client, 99),
    quietRequests: coached.client.length,
    scoreServiceAloneP99Ms: p(coachAlone.service, 99),
    scoreServiceP99Ms: p(coached.service, 99),
    notesServiceAloneP99Ms: p(notesAlone.service, 99),
    notesServiceP99Ms: p(noted.service, 99),
    notesRequests: noted.client.length,
    noisyServed: served,
    noisyRefused: refused,
    noisyStatuses: statuses,
  };
}
