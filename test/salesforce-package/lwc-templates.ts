// The LWC checks of lwc-check.cjs, run in a plain Node process (see there for why).
import { execFileSync } from 'node:child_process';
import path from 'node:path';

const SCRIPT = path.join(__dirname, 'lwc-check.cjs');

/** Compiler errors and warnings, and unknown lightning-* tags or properties, per file. */
export function lwcProblems(
  items: { file: string; source: string }[],
  apiVersion: string,
): Record<string, string[]> {
  const output = execFileSync(process.execPath, [SCRIPT], {
    input: JSON.stringify({ apiVersion, items }),
    encoding: 'utf8',
    maxBuffer: 16 * 1024 * 1024,
  });
  return JSON.parse(output) as Record<string, string[]>;
}
