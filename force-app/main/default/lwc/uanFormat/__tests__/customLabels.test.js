// Every label a component imports must exist in CustomLabels.labels-meta.xml, or the deploy fails.
// Apex uses labels too (System.Label.UAN_Apex_*): those count as used.
const fs = require('fs');
const path = require('path');

const lwcRoot = path.resolve(__dirname, '../..');
const labelsFile = path.resolve(lwcRoot, '../labels/CustomLabels.labels-meta.xml');
const classesDir = path.resolve(lwcRoot, '../classes');

function sourceFiles(dir) {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      return entry.name === '__tests__' ? [] : sourceFiles(full);
    }
    return entry.name.endsWith('.js') ? [full] : [];
  });
}

describe('custom labels', () => {
  const xml = fs.readFileSync(labelsFile, 'utf8');
  const defined = new Set([...xml.matchAll(/<fullName>([^<]+)<\/fullName>/g)].map((m) => m[1]));
  const used = new Set(
    sourceFiles(lwcRoot).flatMap((file) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/@salesforce\/label\/c\.(\w+)/g)].map((m) => m[1]),
    ),
  );
  const usedByApex = new Set(
    fs
      .readdirSync(classesDir)
      .filter((name) => name.endsWith('.cls'))
      .flatMap((name) =>
        [...fs.readFileSync(path.join(classesDir, name), 'utf8').matchAll(/\bSystem\.Label\.(\w+)/g)].map(
          (m) => m[1],
        ),
      ),
  );

  it('defines every label the components import', () => {
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('defines no label nobody uses', () => {
    expect([...defined].filter((name) => !used.has(name) && !usedByApex.has(name))).toEqual([]);
  });

  it('keeps every label within the platform limits', () => {
    const blocks = [...xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)].map((m) => m[1]);
    for (const block of blocks) {
      expect(block).toMatch(/<language>en_US<\/language>/);
      expect(block).toMatch(/<protected>false<\/protected>/);
      // the formatter may break a long element's start tag before its '>'
      const short = /<shortDescription\s*>([^<]*)<\/shortDescription>/.exec(block)[1];
      const value = /<value\s*>([^<]*)<\/value>/.exec(block)[1];
      expect(short.length).toBeLessThanOrEqual(80);
      expect(value.length).toBeGreaterThan(0);
      expect(value.length).toBeLessThanOrEqual(1000);
    }
  });
});
