// Dictated notes leave names in lower case ("ingrid books the visit"): the name is still a customer
// person acting, while a lower-case thing ("the rollout", "capacity", "auditors") stays a thing.
import { scoreNote, type ScoringInput } from '.';
import { isLowerCaseName, readFields } from './read-text';

const base: ScoringInput = { prompts: [], summary: 'Call with the plant team.', occurredAt: '2026-11-02' };
const nextStep = (input: Partial<ScoringInput>) => scoreNote({ ...base, ...input }).dimensions.nextStep;

/** the words of a text read as lower-case names */
function namesIn(text: string): string[] {
  const table = readFields([text]);
  return table.value.filter((_, i) => isLowerCaseName(table, i));
}

describe('names written in lower case', () => {
  it('reads an unknown singular word with its own finite verb after it as a name', () => {
    expect(namesIn('so spoke to the plant head and ingrid books the visit to the press line')).toEqual([
      'ingrid',
    ]);
    expect(namesIn('we met and then bogdan wants the scrap figures first')).toEqual(['bogdan']);
  });

  it('leaves things alone: known words, plurals, abstract endings, a determiner before it', () => {
    expect(namesIn('capacity drives the plan and the rollout slips')).toEqual([]);
    expect(namesIn('so preceptors want more hours and the rostering changes')).toEqual([]);
    expect(namesIn('traceability exists but the gradebook syncs nightly')).toEqual([]);
  });

  it('credits a dated step a lower-case customer person commits to like a capitalised one', () => {
    const step = 'next step ingrid sets a line walk with the maintenance lead and we bring the scrap model';
    const capitalised = nextStep({ summary: step.replace('ingrid', 'Ingrid'), nextStepDate: '2026-11-20' });
    expect(capitalised).toBeGreaterThanOrEqual(90);
    expect(nextStep({ summary: step, nextStepDate: '2026-11-20' })).toBe(capitalised);
  });
});
