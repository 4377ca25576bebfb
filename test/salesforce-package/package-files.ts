// The files of the package and its one API version, for the package checks.
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { repoRoot } from './apex-source';

/** Every file under a folder, recursively; folders named in `skip` are left out. */
export function walk(dir: string, skip: string[] = []): string[] {
  return readdirSync(dir).flatMap((name) => {
    const full = path.join(dir, name);
    if (skip.includes(name)) return [];
    return statSync(full).isDirectory() ? walk(full, skip) : [full];
  });
}

/** sfdx-project.json's sourceApiVersion: the API version every file must say. */
export function sourceApiVersion(): string {
  return (
    JSON.parse(readFileSync(path.join(repoRoot, 'sfdx-project.json'), 'utf8')) as { sourceApiVersion: string }
  ).sourceApiVersion;
}
