// Builds the local preview: the real LWC components of force-app/ compiled with LWC OSS, the npm
// lightning-base-components and small platform shims, into .preview-build/current (dev only).
// A content-hash stamp skips the build when nothing it reads has changed.
// CLI: `npx tsx scripts/preview/build-preview.ts [--force]`.
import { createHash } from 'node:crypto';
import {
  copyFileSync,
  existsSync,
  mkdirSync,
  readdirSync,
  readFileSync,
  renameSync,
  rmSync,
  statSync,
  writeFileSync,
} from 'node:fs';
import path from 'node:path';
import {
  defineConstants,
  findPackageJson,
  previewModules,
  salesforceModules,
  type BuildInputs,
} from './plugins';

export const REPO_ROOT = path.resolve(__dirname, '../..');
export const PREVIEW_DIR = path.join(REPO_ROOT, '.preview-build');
export const PREVIEW_CURRENT = path.join(PREVIEW_DIR, 'current');
const STAMP = 'stamp.json';
const LOCK = path.join(PREVIEW_DIR, 'build.lock');

export const LWC_DIR = path.join(REPO_ROOT, 'force-app/main/default/lwc');
export const LABELS_FILE = path.join(REPO_ROOT, 'force-app/main/default/labels/CustomLabels.labels-meta.xml');
export const STATIC_RESOURCES_DIR = path.join(REPO_ROOT, 'force-app/main/default/staticresources');
export const APEX_ROUTES_FILE = path.join(REPO_ROOT, 'scripts/preview/server/apex-routes.json');
export const CLIENT_DIR = path.join(__dirname, 'client');

/** What the build reads: a change in any of these (or in a compiler version) means a rebuild. */
const HASHED_SOURCES = [
  LWC_DIR,
  LABELS_FILE,
  STATIC_RESOURCES_DIR,
  APEX_ROUTES_FILE,
  __dirname, // the build script, its plugins and the browser-side shims
];
const HASHED_PACKAGES = ['lwc', '@lwc/rollup-plugin', 'lightning-base-components', 'rollup'];

export interface PreviewStamp {
  hash: string;
  builtAt: string;
  buildMs: number;
  bytes: number;
  files: number;
}

export interface PreviewBuildResult extends PreviewStamp {
  outDir: string;
  /** false when the cached build was current and reused */
  built: boolean;
}

function listFiles(entry: string, out: string[] = []): string[] {
  if (!existsSync(entry)) return out;
  const stat = statSync(entry);
  if (stat.isFile()) {
    out.push(entry);
    return out;
  }
  for (const name of readdirSync(entry).sort()) {
    // component jest tests do not reach the browser bundle
    if (name === '__tests__' || name === 'node_modules' || name.startsWith('.')) continue;
    listFiles(path.join(entry, name), out);
  }
  return out;
}

function packageVersion(name: string): string {
  try {
    return (JSON.parse(readFileSync(findPackageJson(name, REPO_ROOT), 'utf8')) as { version: string })
      .version;
  } catch {
    return 'missing';
  }
}

/** A digest of every file the build reads and of the compiler versions. */
export function previewSourceHash(): string {
  const hash = createHash('sha256');
  for (const file of HASHED_SOURCES.flatMap((s) => listFiles(s))) {
    hash.update(path.relative(REPO_ROOT, file)).update('\0').update(readFileSync(file)).update('\0');
  }
  for (const name of HASHED_PACKAGES) hash.update(`${name}@${packageVersion(name)}\0`);
  return hash.digest('hex');
}

export function readStamp(dir = PREVIEW_CURRENT): PreviewStamp | undefined {
  try {
    return JSON.parse(readFileSync(path.join(dir, STAMP), 'utf8')) as PreviewStamp;
  } catch {
    return undefined;
  }
}

/** The cached build when it was made from exactly the current sources. */
export function currentBuild(hash = previewSourceHash()): PreviewBuildResult | undefined {
  const stamp = readStamp();
  return stamp?.hash === hash ? { ...stamp, outDir: PREVIEW_CURRENT, built: false } : undefined;
}

function pidAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}

/** One builder at a time across processes (tests start several services); a dead holder's lock is taken over. */
async function withLock<T>(work: () => Promise<T>, timeoutMs = 180_000): Promise<T> {
  mkdirSync(PREVIEW_DIR, { recursive: true });
  const started = Date.now();
  for (;;) {
    try {
      writeFileSync(LOCK, String(process.pid), { flag: 'wx' });
      break;
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
      const holder = Number(readFileSync(LOCK, 'utf8').trim() || '0');
      if (!holder || !pidAlive(holder)) {
        rmSync(LOCK, { force: true });
        continue;
      }
      if (Date.now() - started > timeoutMs)
        throw new Error(`preview build lock held by pid ${holder} for too long`);
      await new Promise((resolve) => setTimeout(resolve, 250));
    }
  }
  try {
    return await work();
  } finally {
    rmSync(LOCK, { force: true });
  }
}

export interface BuildOptions {
  force?: boolean;
  log?: (line: string) => void;
}

/** Builds the preview unless the cached build is current. Safe to call from several processes at once. */
export async function buildPreview(options: BuildOptions = {}): Promise<PreviewBuildResult> {
  const log = options.log ?? ((line: string) => process.stdout.write(`${line}\n`));
  if (!options.force) {
    const cached = currentBuild();
    if (cached) return cached;
  }
  return withLock(async () => {
    const hash = previewSourceHash();
    if (!options.force) {
      // another process may have built it while we waited
      const cached = currentBuild(hash);
      if (cached) return cached;
    }
    // what a build stopped half-way (npm start interrupted) left behind
    for (const name of readdirSync(PREVIEW_DIR)) {
      if (/^(tmp|old)-/.test(name)) rmSync(path.join(PREVIEW_DIR, name), { recursive: true, force: true });
    }
    const started = Date.now();
    const tmp = path.join(PREVIEW_DIR, `tmp-${process.pid}-${started}`);
    rmSync(tmp, { recursive: true, force: true });
    try {
      await bundle(tmp, log);
      const files = listFiles(tmp);
      const bytes = files.reduce((sum, f) => sum + statSync(f).size, 0);
      const stamp: PreviewStamp = {
        hash,
        builtAt: new Date().toISOString(),
        buildMs: Date.now() - started,
        bytes,
        files: files.length,
      };
      writeFileSync(path.join(tmp, STAMP), JSON.stringify(stamp, null, 2));
      const old = path.join(PREVIEW_DIR, `old-${process.pid}-${started}`);
      if (existsSync(PREVIEW_CURRENT)) renameSync(PREVIEW_CURRENT, old);
      renameSync(tmp, PREVIEW_CURRENT);
      rmSync(old, { recursive: true, force: true });
      log(
        `Preview built in ${(stamp.buildMs / 1000).toFixed(1)} s: ${stamp.files} files, ` +
          `${(bytes / 1024 / 1024).toFixed(2)} MB in ${path.relative(REPO_ROOT, PREVIEW_CURRENT)}`,
      );
      return { ...stamp, outDir: PREVIEW_CURRENT, built: true };
    } finally {
      rmSync(tmp, { recursive: true, force: true });
    }
  });
}

async function bundle(outDir: string, log: (line: string) => void): Promise<void> {
  // dev dependencies, loaded only when a build is needed
  const { rollup } = await import('rollup');
  const lwc = (await import('@lwc/rollup-plugin')).default;

  const inputs: BuildInputs = {
    lwcDir: LWC_DIR,
    labelsFile: LABELS_FILE,
    staticResourcesDir: STATIC_RESOURCES_DIR,
    apexRoutesFile: APEX_ROUTES_FILE,
    clientDir: CLIENT_DIR,
    repoRoot: REPO_ROOT,
  };
  const warnings = new Map<string, number>();
  const build = await rollup({
    input: { main: path.join(CLIENT_DIR, 'main.js') },
    preserveEntrySignatures: false,
    plugins: [
      salesforceModules(inputs),
      defineConstants({
        'import.meta.env.SSR': 'false',
        'process.env.NODE_ENV': JSON.stringify(process.env.PREVIEW_DEV ? 'development' : 'production'),
      }),
      lwc({
        rootDir: CLIENT_DIR,
        enableDynamicComponents: true,
        modules: previewModules(inputs),
        defaultModules: [],
      }),
    ],
    onwarn(warning) {
      // the base components print many template warnings; count them, show our own
      const from = warning.id ?? warning.loc?.file ?? '';
      if (from.includes('node_modules')) {
        const key = warning.plugin ?? warning.code ?? 'other';
        warnings.set(key, (warnings.get(key) ?? 0) + 1);
        return;
      }
      if (warning.code === 'UNRESOLVED_IMPORT') throw new Error(`preview build: ${warning.message}`);
      if (warning.code === 'CIRCULAR_DEPENDENCY' || warning.code === 'THIS_IS_UNDEFINED') return;
      log(`preview build warning: ${warning.message}`);
    },
  });
  try {
    await build.write({
      dir: path.join(outDir, 'app'),
      format: 'es',
      entryFileNames: '[name].js',
      chunkFileNames: 'chunks/[name]-[hash].js',
      sourcemap: false,
    });
  } finally {
    await build.close();
  }
  copyFileSync(path.join(CLIENT_DIR, 'index.html'), path.join(outDir, 'index.html'));
  copyFileSync(path.join(CLIENT_DIR, 'shell.css'), path.join(outDir, 'app', 'shell.css'));
  const quiet = [...warnings].map(([k, n]) => `${n} from ${k}`).join(', ');
  if (quiet) log(`preview build: ignored warnings from node_modules (${quiet})`);
}

if (require.main === module) {
  buildPreview({ force: process.argv.includes('--force') }).then(
    (result) => {
      if (!result.built) {
        process.stdout.write(
          `Preview is current (built ${result.builtAt}, ${(result.bytes / 1024 / 1024).toFixed(2)} MB); nothing to do.\n`,
        );
      }
    },
    (err: unknown) => {
      process.stderr.write(
        `preview build failed: ${err instanceof Error ? (err.stack ?? err.message) : String(err)}\n`,
      );
      process.exit(1);
    },
  );
}
