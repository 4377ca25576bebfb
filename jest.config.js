// LWC unit tests (sfdx-lwc-jest). Service tests live in jest.service.config.cjs.
const { jestConfig } = require('@salesforce/sfdx-lwc-jest/config');

module.exports = {
  ...jestConfig,
  moduleNameMapper: {
    '^lightning/navigation$': '<rootDir>/force-app/test/jest-mocks/lightning/navigation',
    '^lightning/platformShowToastEvent$': '<rootDir>/force-app/test/jest-mocks/lightning/platformShowToastEvent',
    '^lightning/platformResourceLoader$': '<rootDir>/force-app/test/jest-mocks/lightning/platformResourceLoader',
    '^lightning/modal$': '<rootDir>/force-app/test/jest-mocks/lightning/modal',
  },
  setupFilesAfterEnv: ['<rootDir>/force-app/test/jest-setup.js'],
  testPathIgnorePatterns: ['<rootDir>/node_modules/', '<rootDir>/test/', '<rootDir>/service/', '<rootDir>/scripts/'],
};
