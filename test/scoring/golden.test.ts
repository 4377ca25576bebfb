// The scorer says exactly what it said when the golden fixture was written, about every corpus note,
// its rewritten variants, the bench's typical notes and the hostile notes: work on the scorer's cost
// cannot move a score, an evidence span or a tip unnoticed (golden.ts says how to regenerate).
import { readFileSync } from 'node:fs';
import { assessAll, goldenCases, GOLDEN_FILE, type GoldenFixture } from './golden';

const golden = JSON.parse(readFileSync(GOLDEN_FILE, 'utf8')) as GoldenFixture;
const cases = goldenCases();

describe('the golden assessments', () => {
  test('cover every note the fixture was written from, and no other', () => {
    expect(cases.map((c) => c.id).sort()).toEqual(Object.keys(golden).sort());
  });

  test('are what the scorer says today, note by note', () => {
    expect(assessAll(cases)).toEqual(golden);
  });

  test('do not depend on the order notes are scored in (the word caches are warm now)', () => {
    expect(assessAll([...cases].reverse())).toEqual(golden);
  });
});
