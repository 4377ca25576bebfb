// Every bundle compiles with the real LWC compiler; every lightning-* tag and attribute exists in the base
// components at our API version. Each check is shown to fail on a planted mistake.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { forceAppDefault } from './apex-source';
import { lwcProblems } from './lwc-templates';
import { sourceApiVersion, walk } from './package-files';

const lwcDir = path.join(forceAppDefault, 'lwc');
const sources = walk(lwcDir, ['__tests__']).filter((f) => /\.(html|js|css)$/.test(f));
const templates = sources.filter((f) => f.endsWith('.html'));
const apiVersion = sourceApiVersion();
const panel = path.join(lwcDir, 'opportunityConversation/opportunityConversation.html');

const check = (file: string, source: string) => lwcProblems([{ file, source }], apiVersion)[file];

describe('LWC bundles through the LWC compiler and the base components', () => {
  it('when every template, module and style sheet is compiled and read, then none has a problem', () => {
    expect(templates.length).toBeGreaterThan(15);
    const report = lwcProblems(
      sources.map((file) => ({ file: path.relative(lwcDir, file), source: readFileSync(file, 'utf8') })),
      apiVersion,
    );
    expect(Object.keys(report)).toHaveLength(sources.length);
    expect(
      Object.entries(report).flatMap(([file, problems]) => problems.map((p) => `${file}: ${p}`)),
    ).toEqual([]);
  });

  it('when a template does not compile, then the compile check names the error', () => {
    // LWC templates allow identifiers and member expressions only, no arithmetic
    const broken = readFileSync(panel, 'utf8').replace('{labels.title}', '{labels.title + 1}');
    expect(check('opportunityConversation/opportunityConversation.html', broken)).toEqual([
      expect.stringMatching(/^error: /),
    ]);
  });

  it('when a lightning-* tag gets an attribute it does not have, then the base component check names it', () => {
    const source = '<template><lightning-button label="Go" colour="red"></lightning-button></template>';
    expect(check('x/x.html', source)).toEqual(['<lightning-button> has no public property colour']);
  });

  it('when a template uses a lightning-* tag that does not exist, then the base component check names it', () => {
    const source = '<template><lightning-rainbow></lightning-rainbow></template>';
    expect(check('x/x.html', source)).toEqual(['<lightning-rainbow> is not a lightning base component']);
  });

  it('when a template uses a base component newer than our API version, then the check names it', () => {
    const source = '<template><lightning-alert></lightning-alert></template>';
    expect(lwcProblems([{ file: 'x/x.html', source }], '50.0')['x/x.html']).toEqual([
      '<lightning-alert> needs API 54.0',
    ]);
  });
});
