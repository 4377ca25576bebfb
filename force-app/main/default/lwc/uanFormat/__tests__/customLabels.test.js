// Every label a component imports must exist in CustomLabels.labels-meta.xml, or the deploy fails.
const fs = require('fs');
const path = require('path');

const lwcRoot = path.resolve(__dirname, '../..');
const labelsFile = path.resolve(lwcRoot, '../labels/CustomLabels.labels-meta.xml');

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

  it('defines every label the components import', () => {
    expect([...used].filter((name) => !defined.has(name))).toEqual([]);
  });

  it('defines no label nobody uses', () => {
    expect([...defined].filter((name) => !used.has(name))).toEqual([]);
  });

  it('keeps every label within the platform limits', () => {
    const blocks = [...xml.matchAll(/<labels>([\s\S]*?)<\/labels>/g)].map((m) => m[1]);
    for (const block of blocks) {
      expect(block).toMatch(/<language>en_US<\/language>/);
      expect(block).toMatch(/<protected>false<\/protected>/);
      const short = /<shortDescription>([^<]*)<\/shortDescription>/.exec(block)[1];
      const value = /<value>([^<]*)<\/value>/.exec(block)[1];
      expect(short.length).toBeLessThanOrEqual(80);
      expect(value.length).toBeGreaterThan(0);
      expect(value.length).toBeLessThanOrEqual(1000);
    }
  });
});
