// The package as the Salesforce CLI sees it: `sf project convert source` (the real CLI, offline) must turn
// every deployable file into a component of package.xml, at the one API version of the project; and
// sfdx-project.json must pass the CLI's own schema. Each check is also shown to fail on a planted mistake.
import { cpSync, existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { repoRoot } from './apex-source';
import {
  checkProjectJson,
  componentOf,
  convertSource,
  deployableFiles,
  privateCliHome,
  readManifest,
} from './salesforce-cli';

import { walk } from './package-files';

/** Everything that keeps a project from converting whole, at one API version, as sentences. */
async function conversionProblems(projectDir: string): Promise<string[]> {
  const project = JSON.parse(readFileSync(path.join(projectDir, 'sfdx-project.json'), 'utf8')) as {
    sourceApiVersion?: string;
  };
  const manifest = readManifest(await convertSource(projectDir));
  const problems: string[] = [];
  if (manifest.version !== project.sourceApiVersion) {
    problems.push(`package.xml version ${manifest.version}, sourceApiVersion ${project.sourceApiVersion}`);
  }
  const defaultDir = path.join(projectDir, 'force-app/main/default');
  for (const file of deployableFiles(projectDir, walk(path.join(projectDir, 'force-app')))) {
    const relative = path.relative(defaultDir, file);
    const component = relative.startsWith('..') ? null : componentOf(relative);
    if (!component) problems.push(`${path.relative(projectDir, file)}: not a metadata file the CLI knows`);
    else if (!manifest.members.has(component))
      problems.push(`${relative}: ${component} missing from package.xml`);
    const apiVersion = /<apiVersion>([^<]*)<\/apiVersion>/.exec(
      file.endsWith('-meta.xml') ? readFileSync(file, 'utf8') : '',
    )?.[1];
    if (apiVersion && apiVersion !== project.sourceApiVersion) {
      problems.push(`${relative}: apiVersion ${apiVersion}, sourceApiVersion ${project.sourceApiVersion}`);
    }
  }
  return problems;
}

function projectCopy(): string {
  const dir = mkdtempSync(path.join(tmpdir(), 'uan-project-'));
  for (const name of ['sfdx-project.json', '.forceignore', 'force-app']) {
    cpSync(path.join(repoRoot, name), path.join(dir, name), { recursive: true });
  }
  return dir;
}

describe('force-app through the Salesforce CLI', () => {
  jest.setTimeout(180_000);

  it('when force-app is converted, then every deployable file is in package.xml at the project API version', async () => {
    expect(await conversionProblems(repoRoot)).toEqual([]);
  });

  it('when the CLI runs, then it starts no self-update, which would download from outside npm', async () => {
    const home = privateCliHome();
    await convertSource(repoRoot, 'force-app', home);
    // oclif's update hook marks its background `sf update` run here before it starts it
    expect(existsSync(path.join(home, '.cache/sf/autoupdate'))).toBe(false);
  });

  it('when sfdx-project.json is checked, then the CLI schema and the CLI libraries accept it', async () => {
    expect(await checkProjectJson(path.join(repoRoot, 'sfdx-project.json'))).toEqual({
      schemaErrors: [],
      coreError: null,
    });
  });

  it('when a class lacks its meta file, a file is no metadata, or an apiVersion differs, then each is named', async () => {
    const dir = projectCopy();
    try {
      const classes = path.join(dir, 'force-app/main/default/classes');
      writeFileSync(path.join(classes, 'Orphan.cls'), 'public class Orphan {}\n');
      writeFileSync(path.join(classes, 'notes.txt'), 'scratch\n');
      const meta = path.join(classes, 'UpAtNightPanelController.cls-meta.xml');
      writeFileSync(meta, readFileSync(meta, 'utf8').replace(/<apiVersion>[^<]*</, '<apiVersion>60.0<'));
      expect((await conversionProblems(dir)).sort()).toEqual([
        'classes/Orphan.cls: ApexClass:Orphan missing from package.xml',
        expect.stringMatching(
          /^classes\/UpAtNightPanelController\.cls-meta\.xml: apiVersion 60\.0, sourceApiVersion /,
        ),
        'force-app/main/default/classes/notes.txt: not a metadata file the CLI knows',
      ]);
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });

  it('when a package entry lacks its versionNumber, then the CLI schema and libraries refuse the project', async () => {
    const dir = mkdtempSync(path.join(tmpdir(), 'uan-project-json-'));
    const project = JSON.parse(readFileSync(path.join(repoRoot, 'sfdx-project.json'), 'utf8'));
    delete project.packageDirectories[0].versionNumber;
    writeFileSync(path.join(dir, 'sfdx-project.json'), JSON.stringify(project));
    const verdict = await checkProjectJson(path.join(dir, 'sfdx-project.json'));
    expect(verdict.schemaErrors).toContain(
      "/packageDirectories/0 must have required property 'versionNumber'",
    );
    expect(verdict.coreError).toMatch(/not schema valid/);
  });
});
