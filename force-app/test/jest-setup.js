// Registers toBeAccessible() from sa11y for the *.accessibility.test.js suites.
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();
