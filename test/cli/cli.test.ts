// When an admin uses the `upatnight` CLI against an embedded data directory.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { migrationProvider } from '../../service/src/platform/database/migrations';

const CLI = path.resolve(__dirname, '../../scripts/upatnight.cjs');
let dataDir: string;
let LATEST_MIGRATION: string;

function run(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [CLI, ...args], {
    env: { ...process.env, NODE_OPTIONS: '', DATA_DIR: dataDir, DATABASE_URL: '' },
    encoding: 'utf8',
    input,
    timeout: 120000,
  });
  return { status: result.status, stdout: result.stdout, stderr: result.stderr };
}

beforeAll(async () => {
  LATEST_MIGRATION = Object.keys(await migrationProvider.getMigrations())
    .sort()
    .at(-1)!;
  dataDir = mkdtempSync(path.join(os.tmpdir(), 'upatnight-cli-'));
});
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

test('migrate brings a new data directory to the latest schema and says which it is', () => {
  const migrated = run(['migrate']);
  expect(migrated.status).toBe(0);
  expect(migrated.stdout).toBe(`database schema is at ${LATEST_MIGRATION}\n`);
});

test('tenant create, list and rotate-key: keys are shown once and rotation replaces them', () => {
  const created = run(['tenant', 'create', 'acme-corp', '--name', 'Acme Corp']);
  expect(created.status).toBe(0);
  const key = /API key .*: (uan_\S+)/.exec(created.stdout)?.[1];
  expect(key).toBeDefined();
  const again = run(['tenant', 'create', 'acme-corp']);
  expect(again.status).not.toBe(0);
  expect(again.stderr).toMatch(/already exists/);
  const badSlug = run(['tenant', 'create', 'Bad Slug']);
  expect(badSlug.status).not.toBe(0);
  expect(badSlug.stderr).toMatch(/slug/);

  const listed = JSON.parse(run(['tenant', 'list', '--json']).stdout);
  expect(listed).toEqual([expect.objectContaining({ slug: 'acme-corp', name: 'Acme Corp', activeKeys: 1 })]);
  expect(JSON.stringify(listed)).not.toContain(key!);

  const rotated = run(['tenant', 'rotate-key', 'acme-corp']);
  expect(rotated.status).toBe(0);
  const newKey = /(uan_\S+)/.exec(rotated.stdout)?.[1];
  expect(newKey).toBeDefined();
  expect(newKey).not.toBe(key);
  expect(JSON.parse(run(['tenant', 'list', '--json']).stdout)[0].activeKeys).toBe(1);
});

test('prompts export and import round-trip a set through CSV, its name included', () => {
  const csvFile = path.join(dataDir, 'prompts.csv');
  writeFileSync(
    csvFile,
    'key,title,provocation,followUp,rationale,source,expiresOn,industries,phases,stages,amountMin,amountMax,recordTypes,sizes,setName\n' +
      'cli-one,One,"Provoke {Account.Name}, now",What do you see?,Because.,Practitioner observation,,Banking; Insurance,early,,,,,,Banking plays\n',
  );
  const imported = run(['prompts', 'import', csvFile, '--tenant', 'acme-corp']);
  expect(imported.status).toBe(0);
  expect(imported.stdout).toContain('"name":"Banking plays"');
  const setId = /"id":"([0-9a-f-]{36})"/.exec(imported.stdout)?.[1];
  expect(setId).toBeDefined();
  const outFile = path.join(dataDir, 'out.csv');
  expect(run(['prompts', 'export', setId!, outFile, '--tenant', 'acme-corp']).status).toBe(0);
  expect(readFileSync(outFile, 'utf8')).toBe(readFileSync(csvFile, 'utf8'));
  const bad = run([
    'prompts',
    'import',
    csvFile.replace('prompts.csv', 'missing.csv'),
    '--tenant',
    'acme-corp',
  ]);
  expect(bad.status).not.toBe(0);
});

test('rescore reports progress and finishes', () => {
  expect(run(['seed-demo']).status).toBe(0);
  const result = run(['rescore', '--tenant', 'demo']);
  expect(result.status).toBe(0);
  expect(result.stdout).toMatch(/rescored \d+ notes/);
  expect(run(['rescore', '--tenant', 'nobody']).stderr).toMatch(/no tenant "nobody"/);
});

test('users import upserts the hierarchy from CSV, names every bad line, and is idempotent', () => {
  const file = path.join(dataDir, 'users.csv');
  writeFileSync(
    file,
    'userId,name,managerId\n005000000000M01AAA,Mia Manager,\n005000000000R01AAA,Dana Rep,005000000000M01AAA\n',
  );
  const first = run(['users', 'import', file, '--tenant', 'acme-corp']);
  expect(first.stderr).toBe('');
  expect(first.stdout).toBe('imported 2 users: 2 new, 0 updated\n');
  expect(run(['users', 'import', file, '--tenant', 'acme-corp']).stdout).toBe(
    'imported 2 users: 0 new, 2 updated\n',
  );
  const badFile = path.join(dataDir, 'bad-users.csv');
  writeFileSync(badFile, 'userId,name,managerId\nnope,Dana Rep,\n005000000000R02AAA,,\n');
  const bad = run(['users', 'import', badFile, '--tenant', 'acme-corp']);
  expect(bad.status).not.toBe(0);
  expect(bad.stderr).toMatch(/2 of 2 rows are invalid/);
  expect(bad.stderr).toMatch(/line 2\.userId: must be a 15- or 18-character Salesforce User Id/);
  expect(bad.stderr).toMatch(/line 3\.name: must not be blank/);
  expect(run(['users', 'import', file, '--tenant', 'nobody']).stderr).toMatch(/no tenant "nobody"/);
});
