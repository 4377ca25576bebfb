// Benchmark harness: runs each part, prints its table and merges its figures into bench/results.json.
import { mkdir, readFile, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { benchParts, type BenchFigures } from './parts';
import { selectParts } from './select-parts';
import { releaseLargeOrg } from './parts/seeded-org';

const resultsFile = path.resolve(__dirname, '../../bench/results.json');

export async function runBench(only?: string): Promise<void> {
  const selected = selectParts(only, Object.keys(benchParts));
  const machine = {
    cpus: os.cpus().length,
    cpuModel: os.cpus()[0]?.model ?? 'unknown',
    node: process.version,
    load1AtStart: Number(os.loadavg()[0]!.toFixed(2)),
  };
  process.stdout.write(
    `machine: ${machine.cpus} × ${machine.cpuModel}, Node ${machine.node}, load average ${machine.load1AtStart} at start\n`,
  );
  const figures: BenchFigures = {};
  try {
    for (const name of selected) {
      process.stdout.write(`\n== ${name}\n`);
      const partFigures = await benchParts[name]!();
      console.table(Object.entries(partFigures).map(([key, value]) => ({ key, value })));
      Object.assign(figures, partFigures);
    }
  } finally {
    await releaseLargeOrg();
  }
  await mergeResults(figures, machine);
  process.stdout.write(`\nmerged ${Object.keys(figures).length} figures into ${resultsFile}\n`);
}

async function mergeResults(figures: BenchFigures, machine: object): Promise<void> {
  let previous: { figures?: BenchFigures } = {};
  try {
    previous = JSON.parse(await readFile(resultsFile, 'utf8')) as { figures?: BenchFigures };
  } catch {
    // first run: nothing to merge with
  }
  const merged = {
    machine: { ...machine, load1AtEnd: Number(os.loadavg()[0]!.toFixed(2)) },
    date: new Date().toISOString(),
    figures: { ...previous.figures, ...figures },
  };
  await mkdir(path.dirname(resultsFile), { recursive: true });
  await writeFile(resultsFile, `${JSON.stringify(merged, null, 2)}\n`);
}
