// One flat config: typescript-eslint for the service, CLI and tests; the Salesforce LWC rules for force-app.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');
const importPlugin = require('eslint-plugin-import');
const { readdirSync } = require('node:fs');
const path = require('node:path');

const lwcFiles = ['force-app/main/default/lwc/**/*.js'];
// The lightning/* mocks are LWC modules themselves (ES modules, decorators), run only under jest.
const lwcMockFiles = ['force-app/test/jest-mocks/**/*.js'];

// Boundaries of the service (docs/architecture-layout.md): a feature reaches another feature only
// through its index.ts; platform code knows no feature; nothing shipped imports development tooling.
const FEATURES_DIR = 'service/src/features';
const features = readdirSync(path.join(__dirname, FEATURES_DIR), { withFileTypes: true })
  .filter((entry) => entry.isDirectory())
  .map((entry) => entry.name);
const anyFeature = [`${FEATURES_DIR}/*/**`];
// the rule matches glob exceptions against absolute paths
const absolute = (glob) => path.join(__dirname, glob);
const featureDoors = [absolute(`${FEATURES_DIR}/*/index.ts`)];
// shipped code: the service without its tests, and the package without its jest mocks and tests
const shipped = ['service/src/**/!(*.test).ts', 'force-app/main/**/!(*.test).js'];
const boundaryZones = [
  ...features.map((feature) => ({
    target: `${FEATURES_DIR}/${feature}/**`,
    from: anyFeature,
    except: [absolute(`${FEATURES_DIR}/${feature}/**`), ...featureDoors],
    message: `another feature is reached through its index.ts only`,
  })),
  {
    target: ['service/src/*.ts', 'scripts/**'],
    from: anyFeature,
    except: featureDoors,
    message: 'a feature is reached through its index.ts only',
  },
  {
    target: 'service/src/platform/**',
    from: ['service/src/features/**', 'service/src/*.ts'],
    message: 'platform code imports no feature: the app passes what it needs',
  },
  {
    // the CLI, bench and seeding call use cases directly; validation and schemas live below HTTP
    target: 'scripts/**',
    from: 'service/src/platform/http/**',
    message: 'tooling imports no HTTP plumbing: validation and schemas live in platform/lib and the features',
  },
  {
    target: shipped,
    from: ['scripts/**', 'test/**', 'force-app/test/**'],
    message: 'shipped code imports no development tooling (scripts/, test/, the preview)',
  },
];

module.exports = [
  {
    ignores: [
      'node_modules/**',
      'dist/**', // npm run build
      '.data/**',
      'coverage/**',
      '.preview-build/**',
      '.scratch/**', // local experiments, git-ignored
      'force-app/main/default/staticresources/**',
      'test/e2e/screenshots/**',
    ],
  },
  ...tseslint.config({
    files: ['**/*.ts'],
    extends: [js.configs.recommended, ...tseslint.configs.recommended],
    languageOptions: { globals: { ...globals.node, ...globals.jest } },
    rules: {
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_' }],
    },
  }),
  {
    files: ['*.js', '*.cjs', 'scripts/**/*.cjs', 'test/**/*.cjs', 'force-app/test/**/*.js'],
    ignores: lwcMockFiles,
    ...js.configs.recommended,
    languageOptions: { sourceType: 'commonjs', globals: { ...globals.node, ...globals.jest } },
  },
  {
    // tests read loosely typed JSON replies
    files: ['test/**/*.ts', '**/*.test.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  {
    // the local preview's page and platform shims: browser ES modules, never deployed to an org
    files: ['scripts/preview/client/**/*.js'],
    ...js.configs.recommended,
    languageOptions: { sourceType: 'module', globals: { ...globals.browser } },
  },
  ...lwcConfig.configs.recommended.map((c) => ({ ...c, files: lwcFiles })),
  ...lwcConfig.configs.recommended.map((c) => ({ ...c, files: lwcMockFiles })),
  { files: lwcMockFiles, languageOptions: { globals: { ...globals.jest } } },
  {
    files: ['force-app/main/default/lwc/**/__tests__/**/*.js'],
    ...jestPlugin.configs['flat/recommended'],
    languageOptions: { globals: { ...globals.jest, ...globals.node } },
  },
  {
    // last, so that no earlier entry (the LWC config registers the same plugin) replaces its resolver
    files: ['service/**/*.ts', 'scripts/**/*.ts', 'force-app/main/**/*.js'],
    // the same plugin object the LWC config registers, so both can name it "import"
    plugins: { import: importPlugin.flatConfigs.errors.plugins.import },
    settings: { 'import/resolver': { node: { extensions: ['.ts', '.js', '.json'] } } },
    rules: { 'import/no-restricted-paths': ['error', { zones: boundaryZones, basePath: __dirname }] },
  },
  {
    // use cases and data access never see a request: only a feature's router speaks HTTP
    files: [`${FEATURES_DIR}/**/*.ts`],
    ignores: [`${FEATURES_DIR}/*/router.ts`],
    rules: {
      'no-restricted-imports': [
        'error',
        { paths: [{ name: 'express', message: "only a feature's router.ts imports Express" }] },
      ],
    },
  },
];
