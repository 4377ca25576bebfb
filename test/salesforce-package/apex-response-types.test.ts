// The typed @AuraEnabled answers match what the real service returns, without an org: every route the
// package calls is answered by the service (demo tenant on PGlite) and each answer is walked through the
// Apex class its method returns. A renamed field, on either side, fails here.
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { auraEnabledMethods, classesDir, readControllers, readRoutes, repoRoot } from './apex-source';
import {
  ResponseCheck,
  readResponseClasses,
  reservedFieldNames,
  RESPONSES_CLASS,
  type ApexClasses,
} from './apex-response-types';
import { collectServiceAnswers, type ServiceAnswers } from './service-answers';

const returnTypes = Object.fromEntries(
  readControllers().flatMap((c) => auraEnabledMethods(c.source).map((m) => [m.name, m.returnType])),
);
const responsesSource = readFileSync(path.join(classesDir, `${RESPONSES_CLASS}.cls`), 'utf8');

function problemsOf(answers: ServiceAnswers, classes: ApexClasses = readResponseClasses()): string[] {
  const check = new ResponseCheck(classes);
  for (const [method, values] of Object.entries(answers)) {
    for (const value of values) check.answer(method, returnTypes[method]!, value);
  }
  return check.finish();
}

function renamedKey(value: unknown, from: string, to: string): unknown {
  if (Array.isArray(value)) return value.map((v) => renamedKey(v, from, to));
  if (value === null || typeof value !== 'object') return value;
  return Object.fromEntries(
    Object.entries(value).map(([k, v]) => [k === from ? to : k, renamedKey(v, from, to)]),
  );
}

let answers: ServiceAnswers;

/** The problems once one piece of UpAtNightResponses.cls is replaced: a planted mistake, which must be there. */
function problemsAfterEdit(from: string, to: string): string[] {
  expect(responsesSource).toContain(from);
  return problemsOf(answers, readResponseClasses({ [RESPONSES_CLASS]: responsesSource.replace(from, to) }));
}

beforeAll(async () => {
  answers = await collectServiceAnswers();
}, 120_000);

describe('the typed answers against the service', () => {
  it('when every route of the package is called, then each method has an answer', () => {
    expect(Object.keys(answers).sort()).toEqual(Object.keys(readRoutes()).sort());
  });

  it('when a method answers JSON, then it returns a class of UpAtNightResponses, or nothing for a deletion', () => {
    const untyped = Object.entries(returnTypes).filter(
      ([name, type]) =>
        !type.startsWith(`${RESPONSES_CLASS}.`) && !['exportPromptSet', 'deleteNote'].includes(name),
    );
    expect(untyped).toEqual([]);
    expect([returnTypes.exportPromptSet, returnTypes.deleteNote]).toEqual(['String', 'void']);
  });

  it('when the answers are read into the classes, then every field matches in name and JSON type, both ways', () => {
    expect(problemsOf(answers)).toEqual([]);
  });

  it('when the classes are read, then no field is named with an Apex reserved word', () => {
    expect(reservedFieldNames(readResponseClasses())).toEqual([]);
    const planted = responsesSource.replace('public Integer repCount;', 'public Integer group;');
    expect(reservedFieldNames(readResponseClasses({ [RESPONSES_CLASS]: planted }))).toEqual([
      'UpAtNightResponses.Dashboard.group',
    ]);
  });

  it('when the service renames a field, then the check names both sides', () => {
    const renamed = {
      ...answers,
      getPanel: renamedKey(answers.getPanel, 'recentNotes', 'latestNotes') as unknown[],
    };
    expect(problemsOf(renamed)).toEqual([
      expect.stringContaining(
        'getPanel.latestNotes: sent by the service, not declared in UpAtNightResponses.Panel',
      ),
      'UpAtNightResponses.Panel.recentNotes: declared in Apex, but no answer of the service has it',
    ]);
  });

  it('when an Apex class renames a field, then the check names both sides', () => {
    expect(problemsAfterEdit('public Integer repCount;', 'public Integer repsCount;')).toEqual([
      'getDashboard.repCount: sent by the service, not declared in UpAtNightResponses.Dashboard',
      'UpAtNightResponses.Dashboard.repsCount: declared in Apex, but no answer of the service has it',
    ]);
  });

  it('when Apex declares a type the JSON cannot fill, then the check reports it', () => {
    expect(problemsAfterEdit('public Boolean truncated;', 'public Integer truncated;')).toEqual([
      'getInsideView.truncated: Apex declares Integer, the service sends false',
    ]);
  });

  it('when a field loses @AuraEnabled, then the check reports that components would not see it', () => {
    expect(
      problemsAfterEdit('@AuraEnabled\n    public String nextCursor;', 'public String nextCursor;'),
    ).toEqual([expect.stringContaining('.nextCursor: not @AuraEnabled, the component never sees it')]);
  });

  it('when an object with only legal Apex names travels as a map, then the check asks for a class', () => {
    expect(
      problemsAfterEdit(
        'public SuggestedQuestion suggestedQuestion;',
        'public Map<String, Object> suggestedQuestion;',
      ),
    ).toEqual(
      expect.arrayContaining([
        'getBrief.suggestedQuestion: a Map<String, Object> whose keys are all legal Apex names should be a class',
      ]),
    );
  });
});

/** The components' Apex fixtures (`<method><Variant>.json`), each with the method whose answer it stands for. */
function componentFixtures(): [string, string, string][] {
  const dirs = [
    path.join(repoRoot, 'force-app/test/shared/fixtures'),
    ...readdirSync(path.join(repoRoot, 'force-app/main/default/lwc')).map((c) =>
      path.join(repoRoot, 'force-app/main/default/lwc', c, '__tests__/data'),
    ),
  ];
  const methods = Object.keys(returnTypes).sort((a, b) => b.length - a.length);
  return dirs.flatMap((dir) => {
    let files: string[];
    try {
      files = readdirSync(dir).filter((f) => f.endsWith('.json'));
    } catch {
      return [];
    }
    return files.flatMap((file) => {
      const method = methods.find((m) => file.startsWith(m));
      return method
        ? [
            [path.relative(repoRoot, path.join(dir, file)), method, path.join(dir, file)] as [
              string,
              string,
              string,
            ],
          ]
        : [];
    });
  });
}

describe("the components' fixtures against the typed answers", () => {
  const fixtures = componentFixtures();

  it('when the fixtures are listed, then answers of the panel, prompt sets, analytics and accounts are among them', () => {
    expect(fixtures.map(([, method]) => method)).toEqual(
      expect.arrayContaining(['getPanel', 'getPromptSetVersion', 'getDashboard', 'getInsideView']),
    );
  });

  it.each(fixtures)(
    'when %s feeds a component, then every field in it is one the Apex answer (%s) carries',
    (_file, method, file) => {
      const check = new ResponseCheck(readResponseClasses());
      check.answer(method, returnTypes[method]!, JSON.parse(readFileSync(file, 'utf8')));
      expect(check.mismatches()).toEqual([]);
    },
  );

  it('when a fixture carries a field no Apex class declares, then the check names it', () => {
    const [, method, file] = fixtures.find(([, m]) => m === 'getPanel')!;
    const check = new ResponseCheck(readResponseClasses());
    check.answer(method, returnTypes[method]!, {
      ...JSON.parse(readFileSync(file, 'utf8')),
      panelVersion: 2,
    });
    expect(check.mismatches()).toEqual([
      'getPanel.panelVersion: sent by the service, not declared in UpAtNightResponses.Panel',
    ]);
  });
});
