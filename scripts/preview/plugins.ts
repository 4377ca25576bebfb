// Module resolution for the preview build: the force-app components as c/*, the platform shims, and a
// rollup plugin that turns @salesforce/* imports (apex, label, resourceUrl, schema, user,
// customPermission) into small local modules. The Apex methods come from apex-routes.json only.
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import type { Plugin } from 'rollup';

export interface BuildInputs {
  lwcDir: string;
  labelsFile: string;
  staticResourcesDir: string;
  apexRoutesFile: string;
  clientDir: string;
  repoRoot: string;
}

/** An LWC module record (see @lwc/module-resolver): an alias or an npm package. */
export type ModuleRecord = { name: string; path: string } | { npm: string };

const VIRTUAL = '\0uan-preview:';

/** Platform modules that have no npm implementation: the preview's own small versions. */
const SHIMS: Record<string, string> = {
  'lightning/uiRecordApi': 'shims/lightning/uiRecordApi.js',
  'lightning/navigation': 'shims/lightning/navigation.js',
  'lightning/platformShowToastEvent': 'shims/lightning/platformShowToastEvent.js',
  'lightning/platformResourceLoader': 'shims/lightning/platformResourceLoader.js',
};

/** The package.json of `name` as Node would find it from `fromDir` (some packages do not export it). */
export function findPackageJson(name: string, fromDir: string): string {
  for (let dir = fromDir; ; dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name, 'package.json');
    if (existsSync(candidate)) return candidate;
    if (path.dirname(dir) === dir) throw new Error(`cannot find the package ${name} from ${fromDir}`);
  }
}

/** Base component feature gates that need native shadow (attachInternals); closed here. */
const CLOSED_GATES = ['@salesforce/gate/bc.260.enableComboboxElementInternals'];

/** The LWC engine packages, taken from the `lwc` package itself so every @lwc/* is one version. */
function enginePaths(repoRoot: string): ModuleRecord[] {
  const lwcPackage = findPackageJson('lwc', repoRoot);
  const lwcVersion = (JSON.parse(readFileSync(lwcPackage, 'utf8')) as { version: string }).version;
  const records: ModuleRecord[] = [];
  for (const [name, pkg] of [
    ['lwc', '@lwc/engine-dom'],
    ['@lwc/synthetic-shadow', '@lwc/synthetic-shadow'],
    ['@lwc/wire-service', '@lwc/wire-service'],
  ] as const) {
    const packageJson = findPackageJson(pkg, path.dirname(lwcPackage));
    const { version } = JSON.parse(readFileSync(packageJson, 'utf8')) as { version: string };
    if (version !== lwcVersion) {
      throw new Error(
        `${pkg} is ${version} but lwc is ${lwcVersion}: keep every @lwc/* package at one version`,
      );
    }
    records.push({ name, path: path.join(path.dirname(packageJson), 'dist/index.js') });
  }
  return records;
}

/**
 * lightning-base-components ships stand-ins for the platform's @salesforce/i18n/* and
 * @salesforce/client/* values but exposes them only to its own components; the force-app
 * components import some of them too (uanFormat reads the locale and currency).
 */
function baseComponentsPlatformModules(repoRoot: string): ModuleRecord[] {
  const packageJson = findPackageJson('lightning-base-components', repoRoot);
  const { lwc } = JSON.parse(readFileSync(packageJson, 'utf8')) as {
    lwc: { modules: { name?: string; path?: string }[] };
  };
  return lwc.modules
    .filter((m) => m.name && m.path && /^@salesforce\/(i18n|client)\//.test(m.name))
    .map((m) => ({ name: m.name!, path: path.join(path.dirname(packageJson), m.path!) }));
}

/** The module records handed to @lwc/rollup-plugin, first match wins. */
export function previewModules(inputs: BuildInputs): ModuleRecord[] {
  const components = readdirSync(inputs.lwcDir, { withFileTypes: true })
    .filter((d) => d.isDirectory() && existsSync(path.join(inputs.lwcDir, d.name, `${d.name}.js`)))
    .map((d) => ({ name: `c/${d.name}`, path: path.join(inputs.lwcDir, d.name, `${d.name}.js`) }));
  const shims = Object.entries(SHIMS).map(([name, file]) => ({
    name,
    path: path.join(inputs.clientDir, file),
  }));
  return [
    ...enginePaths(inputs.repoRoot),
    ...components,
    ...shims,
    ...baseComponentsPlatformModules(inputs.repoRoot),
    { npm: 'lightning-base-components' },
  ];
}

export interface ApexRouteSummary {
  controller: string;
  cacheable: boolean;
}

export function readApexMethods(file: string): Record<string, ApexRouteSummary> {
  return JSON.parse(readFileSync(file, 'utf8')) as Record<string, ApexRouteSummary>;
}

/** Replaces build-time constants (import.meta.env.SSR, process.env.NODE_ENV) in the bundled code. */
export function defineConstants(values: Record<string, string>): Plugin {
  const names = Object.keys(values).sort((a, b) => b.length - a.length);
  const pattern = new RegExp(
    `\\b(${names.map((n) => n.replace(/[.$]/g, '\\$&')).join('|')})\\b(?!\\s*=[^=])`,
    'g',
  );
  return {
    name: 'uan-preview-define',
    transform(code) {
      if (!names.some((n) => code.includes(n))) return null;
      return { code: code.replace(pattern, (name) => values[name] ?? name), map: null };
    },
  };
}

/** Custom labels as the org would serve them: fullName → value. */
export async function readLabels(file: string): Promise<Map<string, string>> {
  const { XMLParser } = await import('fast-xml-parser');
  const parser = new XMLParser({
    isArray: (name) => name === 'labels',
    parseTagValue: false,
    trimValues: false,
  });
  const doc = parser.parse(readFileSync(file, 'utf8')) as {
    CustomLabels?: { labels?: { fullName: string; value: string }[] };
  };
  return new Map((doc.CustomLabels?.labels ?? []).map((l) => [String(l.fullName), String(l.value ?? '')]));
}

/** Static resource name → file in staticresources/ (the file whose base name is the resource name). */
export function staticResourceFile(dir: string, name: string): string | undefined {
  if (!/^[A-Za-z][A-Za-z0-9_]*$/.test(name) || !existsSync(dir)) return undefined;
  const file = readdirSync(dir).find((f) => f.startsWith(`${name}.`) && !f.endsWith('.resource-meta.xml'));
  return file ? path.join(dir, file) : undefined;
}

const runtime = (inputs: BuildInputs) =>
  JSON.stringify(path.join(inputs.clientDir, 'shims/salesforce/runtime.js'));

/**
 * Resolves @salesforce/* imports to generated modules. Anything unknown fails the build, as a
 * deploy would fail on the platform: an Apex method not in apex-routes.json, a missing label or
 * static resource.
 */
export function salesforceModules(inputs: BuildInputs): Plugin {
  let labels: Map<string, string> | undefined;
  let apex: Record<string, ApexRouteSummary> | undefined;
  return {
    name: 'uan-preview-salesforce-modules',
    async buildStart() {
      labels = await readLabels(inputs.labelsFile);
      apex = readApexMethods(inputs.apexRoutesFile);
      this.addWatchFile(inputs.labelsFile);
      this.addWatchFile(inputs.apexRoutesFile);
    },
    resolveId(source) {
      // before the LWC resolver, which would answer the base components' imports from their own package
      if (CLOSED_GATES.includes(source)) return path.join(inputs.clientDir, 'shims/salesforce/closedGate.js');
      if (source === '@salesforce/apex') return path.join(inputs.clientDir, 'shims/salesforce/apex.js');
      // the base components bring their own @salesforce/label/<Section>.<name> values; c.* are ours
      if (/^@salesforce\/(apex\/|label\/c\.|resourceUrl\/|schema\/|user\/|customPermission\/)/.test(source)) {
        return VIRTUAL + source;
      }
      return null;
    },
    load(id) {
      if (!id.startsWith(VIRTUAL)) return null;
      const source = id.slice(VIRTUAL.length);
      const [, kind, rest = ''] = /^@salesforce\/([^/]+)\/(.*)$/.exec(source) ?? [];
      switch (kind) {
        case 'apex': {
          const [className, method = ''] = rest.split('.');
          const route = apex && Object.hasOwn(apex, method) ? apex[method] : undefined;
          if (!route) this.error(`${source}: ${method} is not in scripts/preview/server/apex-routes.json`);
          if (route.controller !== className) {
            this.error(
              `${source}: the preview only knows ${method} on ${route.controller} (apex-routes.json)`,
            );
          }
          return (
            `import { apexMethod } from ${runtime(inputs)};\n` +
            `export default apexMethod(${JSON.stringify(method)}, ${JSON.stringify({ cacheable: route.cacheable === true })});\n`
          );
        }
        case 'label': {
          const name = rest.replace(/^c\./, '');
          const value = labels?.get(name);
          if (!rest.startsWith('c.') || value === undefined) {
            this.error(
              `${source}: no such custom label in ${path.relative(inputs.repoRoot, inputs.labelsFile)}`,
            );
          }
          return `export default ${JSON.stringify(value)};\n`;
        }
        case 'resourceUrl': {
          if (!staticResourceFile(inputs.staticResourcesDir, rest)) {
            this.error(`${source}: no such static resource in force-app/main/default/staticresources`);
          }
          return `export default ${JSON.stringify(`/preview/resources/${rest}`)};\n`;
        }
        case 'schema': {
          // as on the platform: {objectApiName} or {objectApiName, fieldApiName} (getRecord accepts both forms)
          const [objectApiName, ...field] = rest.split('.');
          const value = field.length ? { objectApiName, fieldApiName: field.join('.') } : { objectApiName };
          return `export default ${JSON.stringify(value)};\n`;
        }
        case 'user':
          if (rest !== 'Id') this.error(`${source}: the preview knows only @salesforce/user/Id`);
          return `import { currentActor } from ${runtime(inputs)};\nexport default currentActor().userId;\n`;
        case 'customPermission':
          return (
            `import { hasCustomPermission } from ${runtime(inputs)};\n` +
            `export default hasCustomPermission(${JSON.stringify(rest)});\n`
          );
        default:
          return this.error(`${source}: not supported by the preview`);
      }
    },
  };
}
