// The limits Salesforce documents outside its schema, over every metadata file, and on planted mistakes.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { forceAppDefault } from './apex-source';
import { LENGTH_LIMITS, limitProblems, tabStyles } from './documented-limits';
import { walk } from './package-files';

const metaFiles = walk(forceAppDefault).filter((f) => f.endsWith('-meta.xml'));
const read = (relative: string) => readFileSync(path.join(forceAppDefault, relative), 'utf8');

describe('documented Salesforce limits', () => {
  it('when every -meta.xml is read, then none breaks a documented limit', () => {
    const problems = metaFiles.flatMap((f) =>
      limitProblems(f).map((p) => `${path.relative(forceAppDefault, f)}: ${p}`),
    );
    expect(problems).toEqual([]);
  });

  it('when the limits are listed, then each names its source', () => {
    expect(
      LENGTH_LIMITS.filter((l) => !/^https:\/\/(developer|help)\.salesforce\.com\//.test(l.source)),
    ).toEqual([]);
  });

  it('when the tab styles are read from the Salesforce CLI, then they are the real list', () => {
    const styles = tabStyles();
    expect(styles.size).toBeGreaterThan(90);
    expect(styles).toContain('Custom78: Map');
    expect(styles).toContain('Custom55: Books');
    expect(styles).not.toContain('Custom78: Bar Chart');
  });

  it('when a permission set description has 300 characters, then the limit check names it', () => {
    const xml = read('permissionsets/UpAtNight_Rep.permissionset-meta.xml').replace(
      /<description\s*>[^<]*<\/description>/,
      `<description>${'x'.repeat(300)}</description>`,
    );
    expect(limitProblems('planted', xml)).toEqual([
      expect.stringMatching(/^PermissionSet\.description is 300 characters, at most 255: https:/),
    ]);
  });

  it('when a tab has a style Salesforce does not have, then the limit check names it', () => {
    const xml = read('tabs/UpAtNight_Dashboard.tab-meta.xml').replace(
      /<motif>[^<]*<\/motif>/,
      '<motif>Custom78: Bar Chart</motif>',
    );
    expect(limitProblems('planted', xml)).toEqual([
      'CustomTab.motif "Custom78: Bar Chart" is not a Salesforce tab style',
    ]);
  });

  it('when help text passes 510 characters, then the limit check names it', () => {
    const xml = read('objects/Opportunity/fields/UAN_Conversation_Score__c.field-meta.xml').replace(
      /<inlineHelpText>[\s\S]*?<\/inlineHelpText>/,
      `<inlineHelpText>${'y'.repeat(511)}</inlineHelpText>`,
    );
    expect(limitProblems('planted', xml)).toEqual([
      expect.stringMatching(/^CustomField\.inlineHelpText is 511 characters, at most 510/),
    ]);
  });
});
