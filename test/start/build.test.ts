// `npm run build` compiles the service and the CLI; production (`upatnight serve` with
// NODE_ENV=production) runs that JavaScript, with no TypeScript loader in the process.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { startServiceProcess } from '../helpers/service-process';

jest.setTimeout(600_000);

test('when the service is built, then a production start serves from dist/ without loading TypeScript', async () => {
  const dataDir = mkdtempSync(path.join(os.tmpdir(), 'upatnight-build-'));
  try {
    const service = await startServiceProcess({
      DATABASE_URL: '',
      DATA_DIR: dataDir,
      PGLITE_DURABILITY: 'relaxed',
      NODE_OPTIONS: `--require=${path.join(__dirname, 'no-typescript-loader.cjs')}`,
    });
    try {
      expect((await fetch(`${service.url}/healthz`)).status).toBe(200);
      expect((await fetch(`${service.url}/readyz`)).status).toBe(200);
    } finally {
      await service.stop();
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
  }
});

test('when a start loads TypeScript, then the preloaded guard stops it (so the test above can fail)', () => {
  const result = spawnSync(
    process.execPath,
    [path.resolve(__dirname, '../../scripts/upatnight.cjs'), '--help'],
    {
      env: {
        ...process.env,
        NODE_ENV: 'development',
        NODE_OPTIONS: `--require=${path.join(__dirname, 'no-typescript-loader.cjs')}`,
      },
      encoding: 'utf8',
    },
  );
  expect(result.status).not.toBe(0);
  expect(result.stderr).toMatch(/production loaded tsx/);
});
