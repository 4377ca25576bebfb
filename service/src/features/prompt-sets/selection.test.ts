import type { PromptRecord } from './repository';
import { defaultSettings } from '../settings';
import { fillMergeFields, unknownMergeFields } from './merge-fields';
import { selectPrompts, targetingScore } from './selection';

const settings = defaultSettings();
const ctx = {
  id: '006000000000001AAA',
  industry: 'Healthcare',
  stage: 'Needs Analysis',
  amount: 250000,
  recordType: 'New Business',
  accountName: 'St. Agnes',
};

function prompt(
  key: string,
  targeting: Partial<PromptRecord['targeting']> = {},
  expiresOn: string | null = null,
): PromptRecord {
  return {
    id: key, setId: 's', version: 1, key, title: key, provocation: 'p', followUp: 'f?', rationale: 'r', source: 's', expiresOn,
    targeting: { industries: [], phases: [], stages: [], amountMin: null, amountMax: null, recordTypes: [], ...targeting },
  }; // prettier-ignore
}

describe('prompt selection', () => {
  test('a prompt targeted at another industry, phase, stage, amount or record type does not apply', () => {
    expect(targetingScore(prompt('a', { industries: ['Banking'] }), ctx, settings)).toBeNull();
    expect(targetingScore(prompt('b', { phases: ['late'] }), ctx, settings)).toBeNull();
    expect(targetingScore(prompt('c', { stages: ['Prospecting'] }), ctx, settings)).toBeNull();
    expect(targetingScore(prompt('d', { amountMin: 300000 }), ctx, settings)).toBeNull();
    expect(targetingScore(prompt('e', { amountMax: 1000 }), ctx, settings)).toBeNull();
    expect(targetingScore(prompt('f', { recordTypes: ['Renewal'] }), ctx, settings)).toBeNull();
    expect(targetingScore(prompt('g', { amountMin: 1 }), { ...ctx, amount: undefined }, settings)).toBeNull();
  });

  test('industry match ignores case; more specific targeting ranks first', () => {
    const generic = prompt('generic');
    const industry = prompt('industry', { industries: ['healthcare'] });
    const industryAndStage = prompt('industry-stage', {
      industries: ['Healthcare'],
      stages: ['Needs Analysis'],
    });
    const picked = selectPrompts([generic, industry, industryAndStage], ctx, settings, {
      today: '2026-11-22',
    });
    expect(picked.map((p) => p.key)).toEqual(['industry-stage', 'industry', 'generic']);
  });

  test('expired prompts are skipped, at most five are picked, and already raised ones go last', () => {
    const many = Array.from({ length: 8 }, (_, i) => prompt(`p${i}`, { industries: ['Healthcare'] }));
    const expired = prompt('old', { industries: ['Healthcare'], stages: ['Needs Analysis'] }, '2026-11-21');
    const picked = selectPrompts([expired, ...many], ctx, settings, { today: '2026-11-22' });
    expect(picked).toHaveLength(5);
    expect(picked.map((p) => p.key)).not.toContain('old');
    const raised = new Set(picked.map((p) => p.key));
    const next = selectPrompts(many, ctx, settings, { today: '2026-11-22', alreadyRaisedKeys: raised });
    expect(next.slice(0, 3).every((p) => !raised.has(p.key))).toBe(true);
  });

  test('the same input always picks the same prompts; another opportunity may differ in order', () => {
    const many = Array.from({ length: 12 }, (_, i) => prompt(`p${i}`));
    const a = selectPrompts(many, ctx, settings, { today: '2026-11-22' }).map((p) => p.key);
    expect(
      selectPrompts([...many].reverse(), ctx, settings, { today: '2026-11-22' }).map((p) => p.key),
    ).toEqual(a);
    const others = ['006000000000002AAA', '006000000000003AAA', '006000000000004AAA'].map((id) =>
      selectPrompts(many, { ...ctx, id }, settings, { today: '2026-11-22' })
        .map((p) => p.key)
        .join(),
    );
    expect(others.some((o) => o !== a.join())).toBe(true);
  });
});

describe('merge fields', () => {
  test('known fields are filled as plain text; missing ones show as [Field]; unknown ones are reported', () => {
    expect(fillMergeFields('{Account.Name} / {Opportunity.Amount} / {Opportunity.CloseDate}', ctx)).toBe(
      'St. Agnes / 250,000 / [Opportunity.CloseDate]',
    );
    expect(fillMergeFields('{Account.Name}', { id: 'x', accountName: '<b>x</b>' })).toBe('<b>x</b>');
    expect(unknownMergeFields('{Account.Name} {User.Email} {Account.Secret}')).toEqual([
      'User.Email',
      'Account.Secret',
    ]);
  });
});

describe('filling a thin panel', () => {
  test('with fewer than three exact matches, same-industry prompts of other phases fill in after them', () => {
    const exact = prompt('exact', { industries: ['Healthcare'], phases: ['middle'] });
    const late = prompt('late', { industries: ['Healthcare'], phases: ['late'] });
    const early = prompt('early', { industries: ['Healthcare'], phases: ['early'] });
    const banking = prompt('banking', { industries: ['Banking'], phases: ['middle'] });
    const picked = selectPrompts([late, banking, exact, early], ctx, settings, { today: '2026-11-22' });
    expect(picked.map((p) => p.key)[0]).toBe('exact');
    expect(picked.map((p) => p.key).sort()).toEqual(['early', 'exact', 'late']);
  });
});
