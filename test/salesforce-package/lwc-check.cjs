// Run in its own Node process (jest's module system cannot load these ES modules; Node >= 20.19 can):
// compiles LWC sources with the real LWC compiler, the lwc package's own @lwc/* 9.4.3, and checks every
// lightning-* tag and property in templates against the public API lightning-base-components publishes
// (metadata/raptor.json: each component's public properties and the API version it needs; properties a
// component inherits from its base classes are read from their @api members in the package's source).
// stdin: {apiVersion, items: [{file, source}]}; stdout: {[file]: [problem, ...]}.
const { readFileSync } = require('node:fs');
const path = require('node:path');

const repoRoot = path.resolve(__dirname, '../..');
const lwcPackages = path.join(repoRoot, 'node_modules/lwc/node_modules/@lwc');
const compiler = require(path.join(lwcPackages, 'compiler/dist/index.js'));
const templateCompiler = require(path.join(lwcPackages, 'template-compiler/dist/index.js'));
const baseComponents = JSON.parse(
  readFileSync(path.join(repoRoot, 'node_modules/lightning-base-components/metadata/raptor.json'), 'utf8'),
);

// HTML global attributes every LightningElement takes as properties (reflected by the engine)
const GLOBAL_PROPERTIES = [
  'accessKey',
  'dir',
  'draggable',
  'hidden',
  'id',
  'lang',
  'spellcheck',
  'tabIndex',
  'title',
];
const sourceDir = path.join(repoRoot, 'node_modules/lightning-base-components/src/lightning');

// @api members of a base component's class and of the lightning/* classes it extends
function inheritedApi(name, seen = new Set()) {
  if (seen.has(name)) return [];
  seen.add(name);
  let source;
  try {
    source = readFileSync(path.join(sourceDir, name, `${name}.js`), 'utf8');
  } catch {
    return [];
  }
  const own = [...source.matchAll(/@api\s+(?:static\s+)?(?:get\s+|set\s+)?(\w+)/g)].map((m) => m[1]);
  const parent = /class\s+\w+\s+extends\s+(\w+)/.exec(source)?.[1];
  const from = parent && new RegExp(`import\\s+${parent}\\s+from\\s+'lightning/(\\w+)'`).exec(source)?.[1];
  return [...own, ...(from ? inheritedApi(from, seen) : [])];
}

function compileProblems(file, source) {
  try {
    const result = compiler.transformSync(source, path.basename(file), {
      namespace: 'c',
      name: path.basename(path.dirname(file)),
      enableDynamicComponents: true,
    });
    return (result.warnings ?? []).map((w) => `warning: ${w.message ?? String(w)}`);
  } catch (error) {
    return [`error: ${error.message}`];
  }
}

const camel = (kebab) => kebab.replace(/-([a-z])/g, (_m, c) => c.toUpperCase());

function* elements(node) {
  yield node;
  for (const child of node.children ?? []) yield* elements(child);
}

function baseComponentProblems(source, apiVersion) {
  const { root } = templateCompiler.parse(source, { enableDynamicComponents: true });
  const problems = [];
  for (const node of elements(root)) {
    if (!node.name?.startsWith('lightning-')) continue;
    const component = baseComponents[camel(node.name.slice('lightning-'.length))];
    if (!component) {
      problems.push(`<${node.name}> is not a lightning base component`);
      continue;
    }
    if (component.minVersion && Number(component.minVersion) > Number(apiVersion)) {
      problems.push(`<${node.name}> needs API ${component.minVersion}`);
    }
    const offered = new Set([
      ...(component.properties ?? []).map((p) => p.name),
      ...inheritedApi(camel(node.name.slice('lightning-'.length))),
      ...GLOBAL_PROPERTIES,
    ]);
    for (const property of node.properties ?? []) {
      if (!offered.has(property.name))
        problems.push(`<${node.name}> has no public property ${property.attributeName}`);
    }
  }
  return problems;
}

const { apiVersion, items } = JSON.parse(readFileSync(0, 'utf8'));
const report = {};
for (const { file, source } of items) {
  const problems = compileProblems(file, source);
  if (file.endsWith('.html') && !problems.some((p) => p.startsWith('error'))) {
    problems.push(...baseComponentProblems(source, apiVersion));
  }
  report[file] = problems;
}
process.stdout.write(JSON.stringify(report));
