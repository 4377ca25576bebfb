import { parse } from 'csv-parse/sync';
import type { PromptContent } from './prompt-content';
import { fromCsvFile, toCsvFile } from './prompt-file';

const hostile: PromptContent = {
  key: 'formulas',
  title: '=HYPERLINK("http://evil.example","click")',
  provocation: '+1 for {Account.Name}',
  followUp: '-2+3 is what a spreadsheet would compute',
  rationale: "@SUM(A1:A9) and 'quoted' text",
  source: "'=already marked",
  expiresOn: null,
  targeting: {
    industries: ['=cmd|calc', 'Retail'],
    phases: ['early'],
    stages: ['\tTabbed', 'Plain'],
    amountMin: null,
    amountMax: null,
    sizes: ['small', 'large'],
    recordTypes: ['\rReturn'],
  },
};

describe('prompt set CSV files', () => {
  test('when text or list cells start like a formula, then the exported cell starts with an apostrophe', () => {
    const rows = parse(toCsvFile([hostile]), { columns: true }) as Record<string, string>[];
    const row = rows[0]!;
    for (const column of [
      'title',
      'provocation',
      'followUp',
      'rationale',
      'industries',
      'stages',
      'recordTypes',
    ]) {
      expect([column, row[column]![0]]).toEqual([column, "'"]);
    }
    expect(row.source).toBe("''=already marked");
    expect(row.key).toBe('formulas');
    expect(row.phases).toBe('early');
  });

  test('when an exported file is read back, then every cell is as it was', () => {
    const [read] = fromCsvFile(toCsvFile([hostile])) as PromptContent[];
    expect(read).toEqual({
      ...hostile,
      targeting: { ...hostile.targeting, stages: ['Tabbed', 'Plain'], recordTypes: ['Return'] },
    });
    expect(read!.title).toBe(hostile.title);
    expect(read!.rationale).toBe(hostile.rationale);
    expect(read!.source).toBe(hostile.source);
  });

  test('when a file predates deal sizes, then it reads without a sizes column', () => {
    const header =
      'key,title,provocation,followUp,rationale,source,expiresOn,industries,phases,stages,amountMin,amountMax,recordTypes';
    const [read] = fromCsvFile(`${header}\nk,t,p,f,r,s,,,,,,,\n`) as PromptContent[];
    expect(read!.targeting.sizes).toEqual([]);
  });

  test('when a hand-written cell starts with an apostrophe and a letter, then it is kept as typed', () => {
    const header =
      'key,title,provocation,followUp,rationale,source,expiresOn,industries,phases,stages,amountMin,amountMax,recordTypes';
    const [read] = fromCsvFile(`${header}\nk,'Tis the season,p,f,r,s,,,,,,,\n`) as PromptContent[];
    expect(read!.title).toBe("'Tis the season");
  });
});
