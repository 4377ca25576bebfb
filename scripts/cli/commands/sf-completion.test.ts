// When an `sf` command awaits something that never settles, the event loop empties and Node would
// exit 0 having done nothing; run through toCompletion, it says so and exits non-zero.
import { spawnSync } from 'node:child_process';
import path from 'node:path';

const ROOT = path.resolve(__dirname, '../../..');

function runScript(body: string) {
  const script = `require('tsx/cjs'); const { toCompletion } = require('./scripts/cli/commands/sf-completion.ts'); ${body}`;
  return spawnSync(process.execPath, ['-e', script], {
    cwd: ROOT,
    env: { ...process.env, NODE_OPTIONS: '' },
    encoding: 'utf8',
    timeout: 60_000,
  });
}

test('without the guard, a command stuck on a promise that never settles exits 0 (the failure mode)', () => {
  const bare = runScript('(async () => { await new Promise(() => {}); })();');
  expect([bare.status, bare.stderr]).toEqual([0, '']);
});

test('with the guard, the same command exits 1 and says it stopped before it finished', () => {
  const guarded = runScript("toCompletion('probe', () => new Promise(() => {}))();");
  expect(guarded.status).toBe(1);
  expect(guarded.stderr).toBe('upatnight: sf probe stopped before it finished\n');
});

test('a command that finishes is left alone', () => {
  const done = runScript("toCompletion('probe', async () => { process.stdout.write('done'); })();");
  expect([done.status, done.stdout, done.stderr]).toEqual([0, 'done', '']);
});
