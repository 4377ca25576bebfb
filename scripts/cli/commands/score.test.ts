// `upatnight score` end to end: a real process reading a temp file or standard input.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';

const root = path.resolve(__dirname, '../../..');
const cli = path.join(root, 'scripts/upatnight.cjs');

const goodNote = {
  id: 'n-1',
  occurredAt: '2026-11-20',
  prompts: [{ promptId: 'p-7', reaction: 'new_to_them' }, { text: 'What keeps you up at night?' }],
  summary: 'Raised the risk that new tariffs will squeeze their margins next year. It was new to them.',
  customerView: 'The CFO wants to cut suppliers while purchasing worries about single-source risk.',
  nextStep: 'Dana will bring the supplier list to a workshop with us.',
  nextStepDate: '2026-12-08',
};

function runScore(args: string[], input?: string) {
  const result = spawnSync(process.execPath, [cli, 'score', ...args], { cwd: root, input, encoding: 'utf8' });
  const lines = result.stdout
    .split('\n')
    .filter((line) => line.trim())
    .map((line) => JSON.parse(line) as Record<string, unknown>);
  return { status: result.status, lines, stderr: result.stderr };
}

describe('upatnight score', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'upatnight-score-'));
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  it('scores every note of a file, one line each, and exits 0', () => {
    const file = path.join(dir, 'notes.jsonl');
    const second = { id: 'n-2', summary: 'Status call about the contract redlines.', prompts: [] };
    writeFileSync(file, `${JSON.stringify(goodNote)}\n\n${JSON.stringify(second)}\n`);
    const { status, lines } = runScore([file]);
    expect(status).toBe(0);
    expect(lines.map((line) => line.id)).toEqual(['n-1', 'n-2']);
    const [first] = lines;
    expect(Object.keys(first!).sort()).toEqual(['dimensions', 'evidence', 'id', 'overall', 'status', 'tips']);
    expect(Object.keys(first!.dimensions as object).sort()).toEqual(
      ['businessFocus', 'collaboration', 'customerView', 'nextStep', 'provocation'].sort(),
    );
    expect(first!.overall).toBeGreaterThan(lines[1]!.overall as number);
  });

  it('reads standard input, reports bad lines by number and still scores the rest', () => {
    const input = [
      JSON.stringify(goodNote),
      '{not json',
      JSON.stringify({ id: 'x', prompts: [] }),
      JSON.stringify({ id: 'y', summary: 'Demo.', prompts: [{ text: 'hi', reaction: 'loved_it' }] }),
      JSON.stringify({ id: 'z', summary: 'Quick call.', nextStepDate: '08/12/2026' }),
      JSON.stringify({ ...goodNote, id: 'n-3' }),
    ].join('\n');
    const { status, lines } = runScore([], input);
    expect(status).toBe(1);
    expect(lines).toHaveLength(6);
    expect(lines[0]!.id).toBe('n-1');
    expect(lines[1]).toEqual({ line: 2, error: expect.stringContaining('invalid JSON') });
    expect(lines[2]).toEqual({ line: 3, error: expect.stringContaining('summary') });
    expect(lines[3]).toEqual({ line: 4, error: expect.stringContaining('prompts.0.reaction') });
    expect(lines[4]).toEqual({ line: 5, error: expect.stringContaining('nextStepDate') });
    expect(lines[5]!.id).toBe('n-3');
    expect(lines[5]!.overall).toBe(lines[0]!.overall);
  });

  it('treats blank strings and nulls as fields not given, as exports from forms and Apex carry them', () => {
    const blanks = {
      ...goodNote,
      id: 'b-1',
      customerView: '',
      ideas: null,
      nextStepDate: '',
      occurredAt: null,
    };
    const without = {
      ...goodNote,
      id: 'b-2',
      customerView: undefined,
      nextStepDate: undefined,
      occurredAt: undefined,
    };
    const { status, lines } = runScore([], `${JSON.stringify(blanks)}\n${JSON.stringify(without)}\n`);
    expect(status).toBe(0);
    expect(lines[0]!.overall).toBe(lines[1]!.overall);
    expect(lines[0]!.dimensions).toEqual(lines[1]!.dimensions);
  });

  it('fails cleanly when the file does not exist', () => {
    const { status, stderr } = runScore([path.join(dir, 'missing.jsonl')]);
    expect(status).toBe(1);
    expect(stderr).toContain('missing.jsonl');
  });
});
