// LWC unit tests (sfdx-lwc-jest). Service tests live in jest.service.config.cjs.
const path = require('path');
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

// Tests must drive components with the same LWC engine sfdx-lwc-jest compiles them for. A newer
// @lwc/engine-dom at the top level (the local preview's) would otherwise be picked for
// `import { createElement } from '@lwc/engine-dom'` and break every suite.
const sfdxLwcJestDir = path.dirname(require.resolve('@salesforce/sfdx-lwc-jest/config'));
const engineDom = require.resolve('@lwc/engine-dom', { paths: [sfdxLwcJestDir] });

const mocks = '<rootDir>/force-app/test/jest-mocks';

module.exports = {
  ...jestConfig,
  moduleNameMapper: {
    '^@lwc/engine-dom$': engineDom,
    '^lightning/navigation$': `${mocks}/lightning/navigation`,
    '^lightning/platformShowToastEvent$': `${mocks}/lightning/platformShowToastEvent`,
    '^lightning/platformResourceLoader$': `${mocks}/lightning/platformResourceLoader`,
    '^lightning/modal$': `${mocks}/lightning/modal`,
    // helpers shared by every component's tests (flushPromises, fixtures)
    '^uan-test/(.*)$': '<rootDir>/force-app/test/shared/$1',
  },
  setupFilesAfterEnv: ['<rootDir>/force-app/test/jest-setup.js'],
  testPathIgnorePatterns: [
    '<rootDir>/node_modules/',
    '<rootDir>/test/',
    '<rootDir>/service/',
    '<rootDir>/scripts/',
  ],
};
