import type { PromptRecord } from './repository';
import { defaultSettings } from '../settings';
import { fillMergeFields, missingMergeFields, requiredMergeFields, unknownMergeFields } from './merge-fields';
import { renderPrompt, selectPrompts, targetingScore } from './selection';

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
    id: key, setId: 's', version: 1, key, title: key, provocation: 'p', followUp: 'f?', rationale: 'r', source: 's', expiresOn, requiredMergeFields: [],
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
    expect(fillMergeFields('{Account.Name} / {Opportunity.Amount}', ctx)).toBe('St. Agnes / 250,000');
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

describe('merge fields read naturally', () => {
  const deal = { id: '006000000000001AAA', amount: 1234567.89, closeDate: '2027-03-31' };

  test('amounts come in the deal currency, in whole units, grouped for the user locale', () => {
    expect(
      fillMergeFields('{Opportunity.Amount}', { ...deal, currencyIsoCode: 'USD', locale: 'en_US' }),
    ).toBe('$1,234,568');
    expect(
      fillMergeFields('{Opportunity.Amount}', { ...deal, currencyIsoCode: 'EUR', locale: 'de_DE' }),
    ).toBe('1.234.568\u00a0€');
    expect(fillMergeFields('{Opportunity.Amount}', { ...deal, locale: 'fr_FR' })).toBe('1\u202f234\u202f568');
  });

  test("dates come in the user's locale, and a locale Intl does not know falls back to en-US", () => {
    expect(fillMergeFields('{Opportunity.CloseDate}', { ...deal, locale: 'en_GB' })).toBe('31 March 2027');
    expect(fillMergeFields('{Opportunity.CloseDate}', { ...deal, locale: 'de_DE' })).toBe('31. März 2027');
    expect(fillMergeFields('{Opportunity.CloseDate}', { ...deal, locale: 'zz_ZZ_x' })).toBe('March 31, 2027');
  });

  test("possessives fit the name: Acme's, but Acme Stores'", () => {
    expect(fillMergeFields("{Account.Name}'s board", { id: 'x', accountName: 'Acme' })).toBe("Acme's board");
    expect(fillMergeFields("{Account.Name}'s board", { id: 'x', accountName: 'Acme Stores' })).toBe(
      "Acme Stores' board",
    );
  });

  test('a missing field takes its fallback, capitalised when it opens a sentence; without one it is required', () => {
    const template = "{Account.Name|your organisation}'s plan. {Account.Name|your organisation} decides.";
    expect(fillMergeFields(template, { id: 'x' })).toBe(
      "Your organisation's plan. Your organisation decides.",
    );
    expect(fillMergeFields(template, { id: 'x', accountName: 'Acme' })).toBe("Acme's plan. Acme decides.");
    expect(requiredMergeFields(template, 'closes on {Opportunity.CloseDate}')).toEqual([
      'Opportunity.CloseDate',
    ]);
    expect(missingMergeFields({ id: 'x', accountName: '  ' }, 'at {Account.Name}')).toEqual(['Account.Name']);
  });

  test('a prompt that needs a field the deal lacks is not picked; one with a fallback is, filled in', () => {
    const needsDate = { ...prompt('needs-date'), provocation: 'Before {Opportunity.CloseDate}, decide.' };
    const withFallback = {
      ...prompt('fallback'),
      provocation: '{Account.Name|your organisation} must decide.',
    };
    const picked = selectPrompts([needsDate, withFallback], { id: 'x' }, settings, { today: '2026-11-22' });
    expect(picked.map((p) => p.key)).toEqual(['fallback']);
    expect(renderPrompt(picked[0]!, { id: 'x' }).provocation).toBe('Your organisation must decide.');
  });
});

describe('deal size and panel size', () => {
  const small = prompt('small', { sizes: ['small'] });
  const large = prompt('large', { sizes: ['large'] });
  const any = prompt('any');

  test("sizes follow the tenant's amount bands", () => {
    const keysFor = (amount: number | undefined, bands = settings.amountBands) =>
      selectPrompts(
        [small, large, any],
        { ...ctx, amount },
        { ...settings, amountBands: bands },
        {
          today: '2026-11-22',
        },
      ).map((p) => p.key);
    expect(keysFor(10_000)).toEqual(['small', 'any']);
    expect(keysFor(5_000_000)).toEqual(['large', 'any']);
    expect(keysFor(200_000)).toEqual(['any']);
    expect(keysFor(undefined)).toEqual(['any']);
    // a tenant whose deals are larger: the same amount is small there
    expect(keysFor(200_000, { smallBelow: 250_000, largeFrom: 5_000_000 })).toEqual(['small', 'any']);
  });

  test('the panel shows every prompt that fits well, up to five, and at least three', () => {
    const fitting = Array.from({ length: 4 }, (_, i) =>
      prompt(`fit${i}`, { industries: ['Healthcare'], phases: ['middle'] }),
    );
    const weak = Array.from({ length: 4 }, (_, i) => prompt(`weak${i}`, { phases: ['middle'] }));
    const options = { today: '2026-11-22' };
    expect(selectPrompts([...fitting, ...weak], ctx, settings, options)).toHaveLength(4);
    expect(selectPrompts([fitting[0]!, ...weak], ctx, settings, options)).toHaveLength(3);
    const many = Array.from({ length: 7 }, (_, i) => prompt(`many${i}`, { industries: ['Healthcare'] }));
    expect(selectPrompts(many, ctx, settings, options)).toHaveLength(5);
  });
});
