// Starts the local preview for `npm start` (development only): reuses the cached bundle when the
// sources are unchanged, otherwise builds it in a child process so the service answers at once
// (the page says "building" until it is ready). The CLI's serve command imports this lazily: the build tools are
// dev dependencies and production never loads them.
import { spawn, type ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import type { Router } from 'express';
import type { Logger } from '../../../service/src/platform/logger';
import type { DevPreview } from '../../../service/src/index';
import { previewLink } from './access';
import { PREVIEW_CURRENT, currentBuild, readStamp } from '../build-preview';
import { previewRouter, REPO_ROOT, type PreviewStatus } from './router';

const BUILD_SCRIPT = path.join(REPO_ROOT, 'scripts/preview/build-preview.ts');

export interface PreviewHandle {
  router: Router;
  /** this start's token: the preview answers only requests that carry it (see access.ts) */
  token: string;
  status(): PreviewStatus;
  /** resolves once the bundle is built (or the build failed) */
  settled: Promise<PreviewStatus>;
  close(): Promise<void>;
}

const megabytes = (bytes: number) => `${(bytes / 1024 / 1024).toFixed(2)} MB`;

export function startPreview(options: {
  apiKey: string;
  logger: Logger;
  print?: (line: string) => void;
}): PreviewHandle {
  const print = options.print ?? ((line: string) => process.stdout.write(`${line}\n`));
  let status: PreviewStatus;
  let child: ChildProcess | undefined;
  let settled: Promise<PreviewStatus>;

  const cached = currentBuild();
  if (cached) {
    status = { state: 'ready', buildMs: cached.buildMs, bytes: cached.bytes };
    print(`Local preview: cached build reused (${megabytes(cached.bytes)}, built ${cached.builtAt}).`);
    settled = Promise.resolve(status);
  } else {
    status = { state: 'building' };
    print('Local preview: building the bundle from force-app/ (about half a minute); the page waits for it.');
    const started = Date.now();
    const buildChild = spawn(process.execPath, ['--require', require.resolve('tsx/cjs'), BUILD_SCRIPT], {
      cwd: REPO_ROOT,
      env: { ...process.env, NODE_OPTIONS: '' },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    child = buildChild;
    let output = '';
    buildChild.stdout.on('data', (chunk: Buffer) => (output += chunk.toString()));
    buildChild.stderr.on('data', (chunk: Buffer) => (output += chunk.toString()));
    settled = new Promise((resolve) => {
      buildChild.once('exit', (code, signal) => {
        child = undefined;
        const stamp = code === 0 ? readStamp() : undefined;
        if (stamp) {
          status = { state: 'ready', buildMs: stamp.buildMs, bytes: stamp.bytes };
          print(
            `Local preview: built in ${((Date.now() - started) / 1000).toFixed(1)} s, ${megabytes(stamp.bytes)}.`,
          );
        } else {
          const tail = output.split('\n').slice(-25).join('\n').trim();
          status = { state: 'failed', message: signal ? `the build was stopped (${signal})` : tail };
          if (!signal) options.logger.error({ output: tail }, 'local preview build failed');
        }
        resolve(status);
      });
    });
  }

  const token = randomBytes(24).toString('base64url');
  const router = previewRouter({
    apiKey: options.apiKey,
    token,
    logger: options.logger,
    buildDir: PREVIEW_CURRENT,
    status: () => status,
  });

  return {
    router,
    token,
    status: () => status,
    settled,
    async close() {
      if (child && child.exitCode === null) {
        child.kill('SIGTERM');
        await settled;
      }
    },
  };
}

/** The preview in the shape the service mounts it (see StartOptions in service/src/index.ts). */
export function servicePreview(options: { apiKey: string; logger: Logger }): DevPreview {
  const preview = startPreview(options);
  return {
    router: preview.router,
    link: (url) => previewLink(url, preview.token),
    close: () => preview.close(),
  };
}
