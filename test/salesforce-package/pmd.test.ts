// AppExchange-style static analysis of the Apex: PMD (Java 17) through Salesforce Code Analyzer used as a library.
// Security, performance, best-practice and error-prone rules (CRUD/FLS, sharing, SOQL injection, insecure
// endpoints, limits in loops, hardcoded ids, tests without asserts, ...) plus ApexDoc. Any finding not in
// pmd-allowlist.json fails; inline suppressions are switched off so the allow-list is the only way to accept one.
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { CodeAnalyzer, CodeAnalyzerConfig } from '@salesforce/code-analyzer-core';
import { createEnginePlugin } from '@salesforce/code-analyzer-pmd-engine';
import { apexClassFiles, forceAppDefault, repoRoot } from './apex-source';

const SELECTORS = [
  'pmd:Security:Apex',
  'pmd:Performance:Apex',
  'pmd:BestPractices:Apex',
  'pmd:ErrorProne:Apex',
  'pmd:Documentation:Apex',
  'pmd:Security:XML',
];
const MUST_RUN = [
  'ApexCRUDViolation',
  'ApexSharingViolations',
  'ApexSOQLInjection',
  'ApexInsecureEndpoint',
  'ApexOpenRedirect',
  'ApexSuggestUsingNamedCred',
  'ApexXSSFromURLParam',
  'AvoidHardcodingId',
  'OperationWithLimitsInLoop',
  'ApexUnitTestClassShouldHaveAsserts',
  'ApexDoc',
];

type Finding = { rule: string; file: string; line: number; message: string };
type AllowEntry = { rule: string; file: string; reason: string };

async function analyze(
  folder: string,
): Promise<{ findings: Finding[]; rules: string[]; apexFiles: string[] }> {
  const scratch = mkdtempSync(path.join(tmpdir(), 'uan-pmd-'));
  try {
    const config = CodeAnalyzerConfig.fromObject(
      {
        log_folder: scratch,
        root_working_folder: scratch,
        suppressions: { disable_suppressions: true },
        engines: { cpd: { disable_engine: true } },
      },
      repoRoot,
    );
    const analyzer = new CodeAnalyzer(config);
    await analyzer.addEnginePlugin(createEnginePlugin());
    const workspace = await analyzer.createWorkspace([folder]);
    const selection = await analyzer.selectRules(SELECTORS, { workspace });
    const results = await analyzer.run(selection, { workspace });
    const findings = results.getViolations().map((v) => ({
      rule: v.getRule().getName(),
      file: path.relative(repoRoot, v.getPrimaryLocation().getFile() ?? ''),
      line: v.getPrimaryLocation().getStartLine() ?? 0,
      message: v.getMessage(),
    }));
    const rules = selection.getRulesFor('pmd').map((r) => r.getName());
    const apexFiles = (await workspace.getTargetedFiles())
      .filter((f) => f.endsWith('.cls'))
      .map((f) => path.basename(f));
    return { findings, rules, apexFiles };
  } finally {
    rmSync(scratch, { recursive: true, force: true });
  }
}

const allowList = (
  JSON.parse(readFileSync(path.join(__dirname, 'pmd-allowlist.json'), 'utf8')) as { entries: AllowEntry[] }
).entries;
const allowed = (f: Finding) => allowList.some((a) => a.rule === f.rule && a.file === f.file);

describe('PMD on force-app', () => {
  let run: Awaited<ReturnType<typeof analyze>>;

  beforeAll(async () => {
    run = await analyze(forceAppDefault);
  }, 180_000);

  it('when the rules are selected, then the security, CRUD/FLS and limits rules are among them', () => {
    expect(run.rules).toEqual(expect.arrayContaining(MUST_RUN));
  });

  it('when the package is analysed, then every Apex class is among the analysed files', () => {
    expect(run.apexFiles.sort()).toEqual(
      apexClassFiles()
        .map((f) => path.basename(f))
        .sort(),
    );
  });

  it('when the package is analysed, then there is no finding outside the allow-list', () => {
    expect(run.findings.filter((f) => !allowed(f))).toEqual([]);
  });

  it('when the allow-list is read, then every entry has a reason and still matches a finding', () => {
    for (const entry of allowList) {
      expect(entry.reason.length).toBeGreaterThan(20);
      expect(run.findings.some((f) => f.rule === entry.rule && f.file === entry.file)).toBe(true);
    }
  });

  it('when the Apex is read, then no PMD warning is suppressed in the code', () => {
    const suppressing = apexClassFiles().filter((f) =>
      /@SuppressWarnings|NOPMD/i.test(readFileSync(f, 'utf8')),
    );
    expect(suppressing.map((f) => path.relative(repoRoot, f))).toEqual([]);
  });
});

describe('PMD on a class that breaks the rules', () => {
  let folder: string;

  beforeAll(() => {
    folder = mkdtempSync(path.join(tmpdir(), 'uan-pmd-bad-'));
    writeFileSync(
      path.join(folder, 'Careless.cls'),
      [
        '/**',
        ' * Deliberately breaks the rules the package is checked with.',
        ' */',
        'public class Careless {',
        '    /**',
        '     * Reads an account the unsafe way.',
        '     * @param name the account name',
        '     * @return the accounts',
        '     */',
        '    public static List<Account> find(String name) {',
        "        Id fixedOwner = '005000000000001AAA';",
        "        List<Account> found = Database.query('SELECT Id FROM Account WHERE Name = \\'' + name + '\\'');",
        '        for (Account a : found) {',
        '            update a;',
        '        }',
        '        return [SELECT Id, Name FROM Account WHERE OwnerId = :fixedOwner];',
        '    }',
        '}',
        '',
      ].join('\n'),
    );
    writeFileSync(
      path.join(folder, 'Careless.cls-meta.xml'),
      '<?xml version="1.0" encoding="UTF-8"?>\n<ApexClass xmlns="http://soap.sforce.com/2006/04/metadata"><apiVersion>66.0</apiVersion><status>Active</status></ApexClass>\n',
    );
  });

  afterAll(() => rmSync(folder, { recursive: true, force: true }));

  it('when it is analysed, then sharing, CRUD/FLS, injection, limits and hardcoded-id findings are reported', async () => {
    const { findings } = await analyze(folder);
    expect([...new Set(findings.map((f) => f.rule))]).toEqual(
      expect.arrayContaining([
        'ApexSharingViolations',
        'ApexCRUDViolation',
        'ApexSOQLInjection',
        'OperationWithLimitsInLoop',
        'AvoidHardcodingId',
      ]),
    );
  }, 180_000);
});
