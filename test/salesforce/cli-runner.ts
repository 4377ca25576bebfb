// Runs `upatnight …` as its own process. The Salesforce fake runs in the test's process, so the CLI
// is spawned asynchronously (spawnSync would block the event loop the fake answers on).
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

const CLI = path.resolve(__dirname, '../../scripts/upatnight.cjs');

export interface CliRun {
  status: number | null;
  stdout: string;
  stderr: string;
}

export function cliRunner(baseEnv: () => Record<string, string>) {
  const children = new Set<ChildProcess>();
  /** stdout and stderr of every run, in order */
  const outputs: string[] = [];
  const run = (args: string[], env: Record<string, string> = {}): Promise<CliRun> =>
    new Promise((resolve, reject) => {
      const child = spawn(process.execPath, [CLI, ...args], {
        env: {
          ...process.env,
          NODE_OPTIONS: '',
          // the fake is a local org: allowed for development and tests only
          SALESFORCE_ALLOW_LOCAL_ORG: 'true',
          ...baseEnv(),
          ...env,
        },
        stdio: ['ignore', 'pipe', 'pipe'],
      });
      children.add(child);
      let stdout = '';
      let stderr = '';
      child.stdout.setEncoding('utf8').on('data', (chunk: string) => (stdout += chunk));
      child.stderr.setEncoding('utf8').on('data', (chunk: string) => (stderr += chunk));
      const timer = setTimeout(() => child.kill('SIGKILL'), 240_000);
      child.on('error', reject);
      child.on('close', (status) => {
        clearTimeout(timer);
        children.delete(child);
        outputs.push(stdout, stderr);
        resolve({ status, stdout, stderr });
      });
    });
  const killAll = () => {
    for (const child of children) child.kill('SIGKILL');
  };
  return { run, killAll, outputs };
}
