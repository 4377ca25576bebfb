// The README stays a short front page and the docs stay connected: every relative link (and heading
// anchor) in README.md and docs/ resolves, and every docs page can be reached from the README.
import { mkdtempSync, mkdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { headingAnchors, linksIn, markdownFiles, problemWith, reachableFrom } from './markdown-links';

const ROOT = path.resolve(__dirname, '../..');
const README = path.join(ROOT, 'README.md');
const DOCS = path.join(ROOT, 'docs');
const MAX_README_LINES = 200;

const relative = (file: string) => path.relative(ROOT, file);
const brokenLinks = (files: string[]) =>
  files.flatMap((file) =>
    linksIn(file).flatMap((link) => {
      const problem = problemWith(link);
      return problem ? [`${relative(link.from)} → ${link.target}: ${problem}`] : [];
    }),
  );

describe('README.md', () => {
  const readme = readFileSync(README, 'utf8');

  it(`has at most ${MAX_README_LINES} lines`, () => {
    expect(readme.trimEnd().split('\n').length).toBeLessThanOrEqual(MAX_README_LINES);
  });

  it('gives npm test as the test command in a code block (.ci/run runs exactly that)', () => {
    const blocks = [...readme.matchAll(/```[a-z]*\n([\s\S]*?)```/g)].map((m) => m[1]!);
    expect(blocks.some((block) => /^npm ci && npm test\b/m.test(block))).toBe(true);
    const scripts = (JSON.parse(readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> }).scripts; // prettier-ignore
    expect(scripts.test).toBeDefined();
  });
});

describe('links', () => {
  it('every relative link in README.md and docs/ resolves, anchors included', () => {
    expect(brokenLinks([README, ...markdownFiles(DOCS)])).toEqual([]);
  });

  it('every docs page can be reached from README.md', () => {
    const reached = reachableFrom(README);
    expect(
      markdownFiles(DOCS)
        .filter((file) => !reached.has(file))
        .map(relative),
    ).toEqual([]);
  });
});

describe('the link checker', () => {
  let dir: string;
  beforeAll(() => {
    dir = mkdtempSync(path.join(os.tmpdir(), 'docs-links-'));
    mkdirSync(path.join(dir, 'docs'));
    writeFileSync(
      path.join(dir, 'docs', 'page.md'),
      '# A page\n\n## What `npm test` runs\n\n## Outbound calls (issue 13)\n\n## Outbound calls (issue 13)\n',
    );
    writeFileSync(path.join(dir, 'docs', 'orphan.md'), '# Nobody links here\n');
  });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  const check = (markdown: string) => {
    const file = path.join(dir, 'README.md');
    writeFileSync(file, markdown);
    return linksIn(file).map(problemWith);
  };

  it('accepts existing files and headings, external links and links inside code', () => {
    expect(
      check(
        '[a](docs/page.md) [b](docs/page.md#what-npm-test-runs) [c](docs/page.md#outbound-calls-issue-13-1) ' +
          '[d](https://example.com/missing.md) [e](#top) `[f](docs/missing.md)`\n\n# Top\n\n```\n[g](nowhere.md)\n```\n',
      ),
    ).toEqual([undefined, undefined, undefined, undefined, undefined]);
  });

  it('refuses a missing file, a missing heading and an anchor into a non-Markdown file', () => {
    writeFileSync(path.join(dir, 'data.json'), '{}');
    expect(check('[a](docs/missing.md) [b](docs/page.md#no-such-heading) [c](data.json#x)\n')).toEqual([
      expect.stringContaining('no such file'),
      'no heading for #no-such-heading',
      'an anchor on a non-Markdown target',
    ]);
  });

  it('finds a page no link reaches', () => {
    check('[a](docs/page.md)\n');
    const reached = reachableFrom(path.join(dir, 'README.md'));
    expect(reached.has(path.join(dir, 'docs', 'page.md'))).toBe(true);
    expect(reached.has(path.join(dir, 'docs', 'orphan.md'))).toBe(false);
  });

  it('gives headings the anchors GitHub gives them', () => {
    expect([
      ...headingAnchors('# Package type: unlocked, no namespace (for now)\n## Rate → limits ×2\n'),
    ]).toEqual(['package-type-unlocked-no-namespace-for-now', 'rate--limits-2']);
  });
});
