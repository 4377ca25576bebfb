// When the CLI runs while `npm start` holds the embedded data directory: it must not work on a copy
// the service never sees (a key the service rejects, a tenant gone after a restart). It gets a clear
// error naming the owner; once the owner is gone (even killed), the CLI takes the directory over.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { makeClient } from '../helpers/service';
import { spawnService, type SpawnedService } from '../helpers/spawn-service';

const CLI = path.resolve(__dirname, '../../scripts/upatnight.cjs');
// two real starts of the service and three CLI runs
const TWO_STARTS_MS = 300_000;
let dataDir: string;
const running: SpawnedService[] = [];

function cli(args: string[]) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    timeout: 120_000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(() => {
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'upatnight-lock-'));
});
afterAll(async () => {
  for (const service of running) await service.stop('SIGKILL');
  rmSync(dataDir, { recursive: true, force: true });
});

test(
  'when the service holds the data directory, then the CLI refuses with its pid; after the service is killed, the CLI takes over and the service sees its tenant',
  async () => {
    const first = await spawnService({ DATA_DIR: dataDir });
    running.push(first);
    const refused = cli(['tenant', 'create', 'while-serving']);
    expect(refused.status).toBe(1);
    expect(refused.stdout).not.toMatch(/created|API key/);
    expect(refused.stderr).toContain(`is in use by process ${first.child.pid}`);
    expect((await makeClient(first.url, first.apiKey!).request('GET', '/v1/prompt-sets')).status).toBe(200);

    // killed: no clean shutdown, so its lock stays behind with a pid that no longer runs
    await first.stop('SIGKILL');
    expect(existsSync(path.join(dataDir, 'upatnight.lock'))).toBe(true);
    const created = cli(['tenant', 'create', 'after-serving']);
    expect(created.status).toBe(0);
    const key = /API key .*: (uan_\S+)/.exec(created.stdout)?.[1];
    expect(key).toBeDefined();
    expect(existsSync(path.join(dataDir, 'upatnight.lock'))).toBe(false);

    const second = await spawnService({ DATA_DIR: dataDir });
    running.push(second);
    expect(cli(['tenant', 'list', '--json']).stderr).toContain(`is in use by process ${second.child.pid}`);
    expect((await makeClient(second.url, key!).request('GET', '/v1/prompt-sets')).status).toBe(200);
    expect(await second.stop()).toBe(0);
    expect(existsSync(path.join(dataDir, 'upatnight.lock'))).toBe(false);
    const slugs = JSON.parse(cli(['tenant', 'list', '--json']).stdout).map((t: { slug: string }) => t.slug);
    expect(slugs).toEqual(['after-serving', 'demo']);
  },
  TWO_STARTS_MS,
);
