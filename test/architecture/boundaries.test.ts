// The boundaries of docs/architecture-layout.md are enforced by `npm run lint`: each kind of
// violation, planted in a file that exists only in memory (in an existing folder: imports resolve
// from it), makes lint fail; the allowed form passes.
import path from 'node:path';
import { ESLint } from 'eslint';

jest.setTimeout(120_000);

const ROOT = path.resolve(__dirname, '../..');
const eslint = new ESLint({ cwd: ROOT });

/** The boundary rules a file would break, as `rule: message` lines. */
async function boundaryProblems(file: string, code: string): Promise<string[]> {
  const [result] = await eslint.lintText(code, { filePath: path.join(ROOT, file) });
  return result!.messages
    .filter((m) => m.ruleId === 'import/no-restricted-paths' || m.ruleId === 'no-restricted-imports')
    .map((m) => `${m.ruleId}: ${m.message}`);
}

const use = (specifier: string, name: string) =>
  `import { ${name} } from '${specifier}';\nexport const planted = ${name};\n`;

describe('a feature', () => {
  it('when it imports another feature through its index.ts, then lint passes', async () => {
    expect(
      await boundaryProblems('service/src/features/notes/planted.ts', use('../analytics', 'loadDashboard')),
    ).toEqual([]);
  });

  it("when it imports another feature's internals, then lint fails", async () => {
    expect(
      await boundaryProblems(
        'service/src/features/notes/planted.ts',
        use('../analytics/dashboard', 'loadDashboard'),
      ),
    ).toEqual([expect.stringContaining('another feature is reached through its index.ts only')]);
  });

  it('when its own files import each other, then lint passes', async () => {
    expect(
      await boundaryProblems('service/src/features/notes/planted.ts', use('./repository', 'findNote')),
    ).toEqual([]);
  });
});

describe('use-case code', () => {
  it('when it imports Express, then lint fails; a router may', async () => {
    const code = use('express', 'Router');
    expect(await boundaryProblems('service/src/features/notes/planted.ts', code)).toEqual([
      expect.stringContaining("only a feature's router.ts imports Express"),
    ]);
    expect(await boundaryProblems('service/src/features/notes/router.ts', code)).toEqual([]);
  });
});

describe('platform code', () => {
  it('when it imports a feature, even through its index.ts, then lint fails', async () => {
    expect(
      await boundaryProblems(
        'service/src/platform/http/planted.ts',
        use('../../features/tenants', 'authenticate'),
      ),
    ).toEqual([expect.stringContaining('platform code imports no feature')]);
  });
});

describe('shipped code', () => {
  it.each([
    ['service/src/features/notes/planted.ts', '../../../../scripts/seed/synthetic-seed', 'seedSynthetic'],
    ['service/src/features/notes/planted.ts', '../../../../test/helpers/databases', 'openTestDatabase'],
    ['service/src/platform/planted.ts', '../../../scripts/preview/server/preview', 'servicePreview'],
    ['service/src/index.ts', '../../scripts/preview/server/preview', 'servicePreview'],
  ])('when %s imports %s (development only), then lint fails', async (file, specifier, name) => {
    expect(await boundaryProblems(file, use(specifier, name))).toContainEqual(
      expect.stringContaining('shipped code imports no development tooling'),
    );
  });

  it('when a component of the package imports development code, then lint fails', async () => {
    const code =
      "import { DEMO_USERS } from '../../../../../scripts/seed/synthetic-data';\nexport default DEMO_USERS;\n";
    expect(await boundaryProblems('force-app/main/default/lwc/errorPanel/planted.js', code)).toEqual([
      expect.stringContaining('shipped code imports no development tooling'),
    ]);
  });

  it('when a service test imports the test helpers, then lint passes (tests are development code)', async () => {
    expect(
      await boundaryProblems(
        'service/src/features/notes/planted.test.ts',
        use('../../../../test/helpers/databases', 'openTestDatabase'),
      ),
    ).toEqual([]);
  });
});

describe('the CLI and the bench', () => {
  it("when they import a feature's internals, then lint fails; its index.ts passes", async () => {
    expect(
      await boundaryProblems(
        'scripts/cli/commands/planted.ts',
        use('../../../service/src/features/tenants/tenants', 'findTenant'),
      ),
    ).toEqual([expect.stringContaining('a feature is reached through its index.ts only')]);
    expect(
      await boundaryProblems(
        'scripts/bench/parts/planted.ts',
        use('../../../service/src/features/tenants', 'findTenant'),
      ),
    ).toEqual([]);
  });

  it('when they import the HTTP layer, then lint fails; validation from platform/lib passes', async () => {
    expect(
      await boundaryProblems(
        'scripts/cli/commands/planted.ts',
        use('../../../service/src/platform/http/auth', 'actorOf'),
      ),
    ).toEqual([expect.stringContaining('tooling imports no HTTP plumbing')]);
    expect(
      await boundaryProblems(
        'scripts/cli/commands/planted.ts',
        use('../../../service/src/platform/lib/validation', 'parseOrThrow'),
      ),
    ).toEqual([]);
  });
});
