// Runs the real CLI (`upatnight serve`) as a child process and waits for it to print its URL.
import { spawn, type ChildProcess } from 'node:child_process';
import path from 'node:path';

export interface SpawnedService {
  child: ChildProcess;
  url: string;
  /** the local preview's link with this start's token, as printed */
  previewUrl: string | undefined;
  apiKey: string | undefined;
  output: () => string;
  stop(signal?: NodeJS.Signals): Promise<number | null>;
}

const CLI = path.resolve(__dirname, '../../scripts/upatnight.cjs');

export function spawnService(env: Record<string, string>, timeoutMs = 120000): Promise<SpawnedService> {
  const child = spawn(process.execPath, [CLI, 'serve'], {
    env: { ...process.env, NODE_OPTIONS: '', LOG_LEVEL: 'warn', PORT: '0', ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const exited = new Promise<number | null>((resolve) => child.once('exit', (code) => resolve(code)));
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`service did not start in time:\n${output}`)), timeoutMs);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const url = /running at (http:\/\/\S+)/.exec(output)?.[1];
      const key = /API key (uan_\S+|\S{16,})/.exec(output)?.[1];
      const previewUrl = /Open the preview: (http:\/\/\S+)/.exec(output)?.[1];
      if (url && output.includes('\n\n')) {
        clearTimeout(timer);
        resolve({
          child,
          url,
          previewUrl,
          apiKey: key,
          output: () => output,
          stop: async (signal = 'SIGTERM') => {
            child.kill(signal);
            return exited;
          },
        });
      }
    };
    child.stdout!.on('data', onData);
    child.stderr!.on('data', (chunk: Buffer) => (output += chunk.toString()));
    void exited.then((code) => {
      clearTimeout(timer);
      reject(new Error(`service exited with ${code} before starting:\n${output}`));
    });
  });
}
