// Registers toBeAccessible() from sa11y for the *.accessibility.test.js suites.
const fs = require('fs');
const path = require('path');
const { registerSa11yMatcher } = require('@sa11y/jest');

registerSa11yMatcher();

// Every Apex method a component imports is a jest.fn() in every suite, so a test only says what it answers
// (mockResolvedValue); a suite that needs another stand-in still declares its own jest.mock, which wins.
const lwcDir = path.join(__dirname, '..', 'main', 'default', 'lwc');
const apexImport = /from '(@salesforce\/apex\/[\w.]+)'/g;
const apexMethods = new Set();
for (const component of fs.readdirSync(lwcDir)) {
  const dir = path.join(lwcDir, component);
  for (const file of fs.readdirSync(dir).filter((name) => name.endsWith('.js'))) {
    for (const [, name] of fs.readFileSync(path.join(dir, file), 'utf8').matchAll(apexImport)) {
      apexMethods.add(name);
    }
  }
}
for (const name of apexMethods) {
  jest.mock(name, () => ({ default: jest.fn() }), { virtual: true });
}
