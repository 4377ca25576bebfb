// Shared by the browser end-to-end tests: the preview build (built once, cached across runs and
// processes), the real service started on a temp data directory and port 0, headless Debian
// Chromium through playwright-core with no traffic beyond 127.0.0.1, labels read from the org's
// CustomLabels, screenshots (test/e2e/screenshots/, git-ignored) and axe-core accessibility checks.
import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium, type Browser, type BrowserContext, type Page } from 'playwright-core';
import { readLabels } from '../../scripts/preview/plugins';
import { LABELS_FILE, REPO_ROOT } from '../../scripts/preview/build-preview';
import { spawnService, type SpawnedService } from '../helpers/spawn-service';

export const SCREENSHOTS = path.join(__dirname, 'screenshots');

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
  '--disable-quic',
];

export const DEMO = {
  manager: { userId: '005000000000000AAA', role: 'manager', name: 'Morgan Ellis' },
  rep: { userId: '005000000000001AAA', role: 'rep', name: 'Avery Chen' },
  salesops: { userId: '005000000000009AAA', role: 'salesops', name: 'Sam Rivera' },
} as const;
export type Actor = (typeof DEMO)[keyof typeof DEMO];

export const ST_AGNES = '006000000000001AAA';

/** Builds the preview bundle unless the cached one is current (a child process, as `npm start` does). */
export function ensurePreviewBuilt(): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--require', require.resolve('tsx/cjs'), path.join(REPO_ROOT, 'scripts/preview/build-preview.ts')],
      { cwd: REPO_ROOT, env: { ...process.env, NODE_OPTIONS: '' }, stdio: ['ignore', 'pipe', 'pipe'] },
    );
    let output = '';
    child.stdout.on('data', (c: Buffer) => (output += c.toString()));
    child.stderr.on('data', (c: Buffer) => (output += c.toString()));
    child.once('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`preview build failed:\n${output}`)),
    );
  });
}

export interface PreviewService extends SpawnedService {
  dataDir: string;
  cleanup(): Promise<void>;
}

/** The real CLI (`upatnight serve`) on a fresh data directory, once its preview is ready. */
export async function startPreviewService(): Promise<PreviewService> {
  await ensurePreviewBuilt();
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'upatnight-e2e-'));
  const service = await spawnService({ DATA_DIR: dataDir, PGLITE_DURABILITY: 'relaxed' }, 120_000);
  if (!service.previewUrl) throw new Error(`the service printed no preview link:\n${service.output()}`);
  // what a browser holds after opening the printed link
  const entry = await fetch(service.previewUrl, { redirect: 'manual' });
  const cookie = entry.headers.get('set-cookie')?.split(';')[0] ?? '';
  for (let i = 0; ; i++) {
    const status = (await (await fetch(`${service.url}/preview/status`, { headers: { cookie } })).json()) as {
      state: string;
    };
    if (status.state === 'ready') break;
    if (status.state === 'failed' || i > 600) throw new Error(`preview not ready: ${JSON.stringify(status)}`);
    await new Promise((r) => setTimeout(r, 250));
  }
  return {
    ...service,
    dataDir,
    async cleanup() {
      if (service.child.exitCode === null && service.child.signalCode === null) await service.stop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export function launchChromium(): Promise<Browser> {
  return chromium.launch({ executablePath: '/usr/bin/chromium', args: CHROMIUM_ARGS });
}

export interface PreviewPage {
  context: BrowserContext;
  page: Page;
  /** uncaught errors in the page (a component that threw) */
  pageErrors: string[];
}

/**
 * A fresh browser session acting as `actor`, let in through the link `npm start` printed (as a
 * developer would open it); requests beyond 127.0.0.1 are refused.
 */
export async function openAs(browser: Browser, actor: Actor, previewUrl: string): Promise<PreviewPage> {
  const context = await browser.newContext({
    viewport: { width: 1400, height: 1000 },
    acceptDownloads: true,
  });
  await context.route('**/*', (route) => {
    const url = new URL(route.request().url());
    const local = url.protocol === 'data:' || url.protocol === 'blob:' || url.hostname === '127.0.0.1';
    return local ? route.continue() : route.abort('blockedbyclient');
  });
  // the page's role switch keeps its choice in localStorage; a new session starts as `actor`
  const stored = JSON.stringify(JSON.stringify({ userId: actor.userId, role: actor.role }));
  await context.addInitScript({
    content: `if (!localStorage.getItem('uan-preview-actor')) localStorage.setItem('uan-preview-actor', ${stored});`,
  });
  const page = await context.newPage();
  page.setDefaultTimeout(20_000);
  const pageErrors: string[] = [];
  page.on('pageerror', (error) => pageErrors.push(error.message));
  const entry = await page.goto(previewUrl);
  if (new URL(page.url()).search !== '' || !entry?.ok())
    throw new Error(`the preview link did not let the browser in: ${entry?.status()} at ${page.url()}`);
  return { context, page, pageErrors };
}

/** One test file's preview, running while its tests run. */
export interface Preview {
  readonly service: PreviewService;
  /** A fresh session acting as `actor` (see openAs), closed when the file's tests end. */
  signIn(actor: Actor): Promise<PreviewPage>;
}

/**
 * Starts the preview service and Chromium before a file's tests and closes them, with every session
 * signed in, after them. The first start builds the preview bundle (about half a minute).
 */
export function usePreview(): Preview {
  let service: PreviewService | undefined;
  let browser: Browser | undefined;
  const sessions: PreviewPage[] = [];
  const started = () => {
    if (!service || !browser) throw new Error('the preview starts in beforeAll');
    return { service, browser };
  };
  beforeAll(async () => {
    [service, browser] = await Promise.all([startPreviewService(), launchChromium()]);
  }, 300_000);
  afterAll(async () => {
    for (const s of sessions) await s.context.close().catch(() => undefined);
    await browser?.close();
    await service?.cleanup();
  });
  return {
    get service() {
      return started().service;
    },
    async signIn(actor) {
      const opened = await openAs(started().browser, actor, started().service.previewUrl!);
      sessions.push(opened);
      return opened;
    },
  };
}

const labels = readLabels(LABELS_FILE);

/** A custom label's value, with {0}, {1}… filled. */
export async function label(name: string, ...args: (string | number)[]): Promise<string> {
  const value = (await labels).get(name);
  if (value === undefined) throw new Error(`no custom label ${name}`);
  return value.replace(/\{(\d+)\}/g, (all, i: string) =>
    args[Number(i)] === undefined ? all : String(args[Number(i)]),
  );
}

/** A label as a regular expression: each {n} placeholder a capture group of digits, or of any text for
 * the placeholders listed in `textAt`. */
export async function labelPattern(name: string, textAt: number[] = []): Promise<RegExp> {
  const value = await label(name);
  const escaped = value
    .replace(/[.*+?^${}()|[\]\\]/g, '\\$&')
    .replace(/\\\{(\d+)\\\}/g, (_, n: string) => (textAt.includes(Number(n)) ? '(.+)' : '([\\d.,]+)'));
  return new RegExp(escaped);
}

export async function screenshot(page: Page, name: string): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  await page.screenshot({ path: path.join(SCREENSHOTS, `${name}.png`), fullPage: true });
}

const AXE_SOURCE = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  targets: string[];
}

/**
 * What axe-core finds on the whole page as it is now, with every rule it runs by default: WCAG A and
 * AA and best practices, among them the landmark and heading-order rules that a single component's
 * jest check cannot see. The page's CSP refuses inline scripts, so axe is evaluated through the
 * debugging protocol rather than added as a script tag.
 */
export async function axeViolations(page: Page): Promise<AxeViolation[]> {
  await page.evaluate(`${AXE_SOURCE};0`);
  const result = (await page.evaluate(
    'axe.run(document, { resultTypes: ["violations"] }).then((r) => JSON.stringify(r.violations))',
  )) as string;
  const violations = JSON.parse(result) as Array<{
    id: string;
    impact: string | null;
    help: string;
    nodes: Array<{ target: string[] }>;
  }>;
  return violations.map((v) => ({
    id: v.id,
    impact: v.impact,
    help: v.help,
    targets: v.nodes.map((n) => n.target.join(' ')),
  }));
}

/** A key screen of a journey: expects axe to find nothing on it, after saving its screenshot. */
export async function checkView(page: Page, name: string): Promise<void> {
  // the view at rest: the test's last click leaves the pointer on a base component whose tooltip
  // bubble opens empty and fills a moment later; move away and let open tooltips close or fill
  await page.mouse.move(0, 0);
  const settled = `[...document.querySelectorAll('[role="tooltip"]')].every((t) => !t.getClientRects().length || t.textContent.trim())`;
  for (let tries = 0; tries < 50 && !(await page.evaluate(settled)); tries += 1)
    await page.waitForTimeout(100);
  const violations = await axeViolations(page);
  // after axe's run, which gives charts the time to finish drawing
  await screenshot(page, name);
  expect({ view: name, violations }).toEqual({ view: name, violations: [] });
}

/** Polls until `check` passes (Playwright's expect.poll, for jest). */
export async function eventually(check: () => Promise<void>, timeoutMs = 15_000): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  for (;;) {
    try {
      await check();
      return;
    } catch (error) {
      if (Date.now() > deadline) throw error;
      await new Promise((r) => setTimeout(r, 200));
    }
  }
}

/** Runs one journey step; on failure saves a screenshot named after it, then fails. */
export async function step<T>(page: Page, name: string, body: () => Promise<T>): Promise<T> {
  const started = Date.now();
  try {
    const result = await body();
    if (process.env.E2E_TIMING) process.stdout.write(`step ${name}: ${Date.now() - started} ms\n`);
    return result;
  } catch (error) {
    await screenshot(page, `failure-${name}`).catch(() => undefined);
    throw error;
  }
}
