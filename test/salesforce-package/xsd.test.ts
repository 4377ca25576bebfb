// Every -meta.xml under force-app against the Metadata API schema of our API version (Salesforce's WSDL).
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { forceAppDefault } from './apex-source';
import { WSDL_FILE, validateAgainstSchema } from './metadata-xsd';
import { sourceApiVersion, walk } from './package-files';

const metaFiles = walk(forceAppDefault).filter((f) => f.endsWith('-meta.xml'));
const projectApiVersion = sourceApiVersion();

// A copy of a real file with one change, to show the check rejects that kind of mistake.
function planted(name: string, from: string, change: (xml: string) => string): string {
  const original = readFileSync(path.join(forceAppDefault, from), 'utf8');
  const changed = change(original);
  if (changed === original) throw new Error(`the planted change to ${from} changed nothing`);
  const file = path.join(mkdtempSync(path.join(tmpdir(), 'uan-planted-')), name);
  writeFileSync(file, changed);
  return file;
}

describe('force-app against the Metadata API schema', () => {
  it('when the vendored WSDL is read, then it is the API version of sfdx-project.json', () => {
    const version = /Metadata API version (\d+\.\d+)/.exec(readFileSync(WSDL_FILE, 'utf8'))?.[1];
    expect(version).toBe(projectApiVersion);
  });

  it('when every -meta.xml is validated, then none breaks the schema', () => {
    expect(metaFiles.length).toBeGreaterThan(40);
    const problems = validateAgainstSchema(metaFiles).map(
      (p) => `${path.relative(forceAppDefault, p.file)}: ${p.message}`,
    );
    expect(problems).toEqual([]);
  });

  it('when a file has an element the type does not have, then the schema check names it', () => {
    const file = planted('UpAtNight_Dashboard.tab-meta.xml', 'tabs/UpAtNight_Dashboard.tab-meta.xml', (xml) =>
      xml.replace('<label>', '<colour>blue</colour>\n  <label>'),
    );
    expect(validateAgainstSchema([file])).toEqual([
      { file, message: expect.stringMatching(/Element 'colour': This element is not expected/) },
    ]);
  });

  it('when elements are out of the schema order, then the schema check names the first one', () => {
    const file = planted(
      'UAN_Conversation_Score__c.field-meta.xml',
      'objects/Opportunity/fields/UAN_Conversation_Score__c.field-meta.xml',
      (xml) =>
        xml
          .replace('  <unique>false</unique>\n', '')
          .replace('<required>', '<unique>false</unique>\n  <required>'),
    );
    expect(validateAgainstSchema([file])).toEqual([
      { file, message: expect.stringMatching(/Element 'required': This element is not expected/) },
    ]);
  });

  it('when a value is outside its enumeration, then the schema check names it', () => {
    const file = planted(
      'UpAtNightService.namedCredential-meta.xml',
      'namedCredentials/UpAtNightService.namedCredential-meta.xml',
      (xml) =>
        xml.replace('<calloutStatus>Enabled</calloutStatus>', '<calloutStatus>Sometimes</calloutStatus>'),
    );
    expect(validateAgainstSchema([file])).toEqual([
      { file, message: expect.stringMatching(/'Sometimes' is not an element of the set/) },
    ]);
  });

  it('when an LWC meta file carries targetConfigs, then only that element is exempt from the schema', () => {
    const file = planted(
      'opportunityConversation.js-meta.xml',
      'lwc/opportunityConversation/opportunityConversation.js-meta.xml',
      (xml) => xml.replace('<isExposed>true</isExposed>', '<isExposed>yes</isExposed>'),
    );
    expect(validateAgainstSchema([file])).toEqual([
      { file, message: expect.stringMatching(/Element 'isExposed': 'yes' is not a valid value/) },
    ]);
  });
});
