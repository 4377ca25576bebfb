// One tenant sends the costliest requests the API accepts — the largest notes the schema admits to
// the live coach and to storage, ten-year dashboards, exports, a 1,000-prompt import, rescores —
// from several connections at once, while another tenant's rep uses the live coach (POST /v1/score)
// one request at a time. Shared by the reliability test (a generous bound) and the HTTP bench (the
// published figure, http.noisyNeighbour.scoreP99Ms).
import { hostileNote } from '../scoring/hostile-notes';
import { samplePrompt } from '../helpers/service';

export interface NoisyNeighbourOptions {
  url: string;
  noisyKey: string;
  quietKey: string;
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
  /** what the noisy tenant got: served, refused by its rate limit */
  noisyServed: number;
  noisyRefused: number;
}

const OPS = '005000000000S00AAA';
const REP = '005000000000R01AAA';
const OPP = '006000000000N01AAA';

const percentile = (values: number[], p: number) => {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1)] ?? NaN;
};

function caller(url: string, key: string, role: 'rep' | 'salesops', user: string) {
  return async (method: string, path: string, body?: unknown): Promise<{ status: number; json: any }> => {
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
    return { status: reply.status, json };
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
  const set = await noisy('POST', '/v1/prompt-sets', { name: 'Noisy', prompts: [samplePrompt('noisy')] });
  const largest = hostileNote('zeroWidthJoined');
  const largeNote = { ...largest, prompts: largest.prompts.map((p) => ({ text: p.text!.trim() })) };
  const today = new Date();
  const tenYearsAgo = new Date(today.getTime() - 3652 * 86_400_000).toISOString().slice(0, 10);
  const importFile = {
    name: 'Imported',
    prompts: Array.from({ length: 1000 }, (_, i) => samplePrompt(`p-${i}`)),
  };
  const costly: Array<() => Promise<{ status: number }>> = [
    () => noisy('POST', '/v1/score', largeNote),
    () => noisy('POST', '/v1/notes', { ...largeNote, opportunityId: OPP }),
    () => noisy('GET', `/v1/analytics/dashboard?from=${tenYearsAgo}&bucket=month&days=365`),
    () => noisy('GET', `/v1/prompt-sets/${set.json.id}/versions/1/export?format=csv`),
    () => noisy('POST', '/v1/prompt-sets/import?format=json', importFile),
    () => noisy('POST', '/v1/rescore'),
  ];

  const coach = async (until: () => boolean) => {
    const latencies: number[] = [];
    while (!until()) {
      const started = performance.now();
      const { status } = await quiet('POST', '/v1/score', LIVE_NOTE);
      if (status !== 200) throw new Error(`the quiet tenant's live coach answered ${status}`);
      latencies.push(performance.now() - started);
    }
    return latencies;
  };
  let alone = 0;
  const aloneLatencies = await coach(() => alone++ >= 30);

  let served = 0;
  let refused = 0;
  const deadline = performance.now() + options.seconds * 1000;
  const over = () => performance.now() >= deadline;
  const noisyLoop = async (offset: number) => {
    for (let i = offset; !over(); i++) {
      const { status } = await costly[i % costly.length]!();
      if (status === 429) refused++;
      else if (status >= 500) throw new Error(`the noisy tenant got ${status}`);
      else served++;
    }
  };
  const [latencies] = await Promise.all([
    coach(over),
    ...Array.from({ length: options.connections ?? 6 }, (_, i) => noisyLoop(i)),
  ]);
  return {
    quietAloneP99Ms: Number(percentile(aloneLatencies, 99).toFixed(1)),
    quietP50Ms: Number(percentile(latencies, 50).toFixed(1)),
    quietP99Ms: Number(percentile(latencies, 99).toFixed(1)),
    quietRequests: latencies.length,
    noisyServed: served,
    noisyRefused: refused,
  };
}
