// One flat config: typescript-eslint for the service, CLI and tests; the Salesforce LWC rules for force-app.
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const globals = require('globals');
const lwcConfig = require('@salesforce/eslint-config-lwc');
const jestPlugin = require('eslint-plugin-jest');

const lwcFiles = ['force-app/main/default/lwc/**/*.js'];
// The lightning/* mocks are LWC modules themselves (ES modules, decorators), run only under jest.
const lwcMockFiles = ['force-app/test/jest-mocks/**/*.js'];

module.exports = [
  {
    ignores: [
      'node_modules/**',
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
];
