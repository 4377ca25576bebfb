// Checks the shipped default prompt library: complete prompts, allowed merge fields, sourced
// numbers, industry-specific coverage of every industry × phase cell, and a cross-industry set
// (prompts with no industry) that gives any account three or more prompts in every phase and size.
import library from './default-library.json';
import { requiredMergeFields, unknownMergeFields } from './merge-fields';
import type { PromptContent } from './prompt-content';
import { DEFAULT_INDUSTRIES, defaultSettings } from '../settings';
import type { PromptRecord } from './repository';
import { selectPrompts } from './selection';

const prompts = library.prompts as PromptContent[];

const PHASES = ['early', 'middle', 'late'] as const;
const SALESFORCE_INDUSTRIES = new Set(DEFAULT_INDUSTRIES);
const PRACTITIONER = 'Practitioner observation';
const KEBAB = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;
const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;

function isRealDate(value: string): boolean {
  const m = ISO_DATE.exec(value);
  if (!m) return false;
  const d = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === value;
}

const industries = [...new Set(prompts.flatMap((p) => p.targeting.industries))].sort();
const crossIndustry = prompts.filter((p) => p.targeting.industries.length === 0);

describe('default prompt library', () => {
  it('has a name, a description and at least 90 prompts', () => {
    expect(library.name.trim()).not.toBe('');
    expect(library.description.trim()).not.toBe('');
    expect(prompts.length).toBeGreaterThanOrEqual(90);
  });

  it('covers at least 12 industries, all standard Salesforce Industry values', () => {
    expect(industries.length).toBeGreaterThanOrEqual(12);
    for (const industry of industries) expect(SALESFORCE_INDUSTRIES.has(industry)).toBe(true);
  });

  it('has unique kebab-case keys', () => {
    const keys = prompts.map((p) => p.key);
    expect(new Set(keys).size).toBe(keys.length);
    for (const key of keys) expect(key).toMatch(KEBAB);
  });

  it.each(prompts.map((p) => [p.key, p] as const))('%s is complete and well-formed', (_key, p) => {
    for (const field of ['title', 'provocation', 'followUp', 'rationale', 'source'] as const) {
      expect(typeof p[field]).toBe('string');
      expect(p[field].trim()).not.toBe('');
      expect(p[field]).toBe(p[field].trim());
    }
    expect(p.title.length).toBeLessThanOrEqual(60);
    expect(p.followUp.endsWith('?')).toBe(true);
    expect(p.provocation).not.toMatch(/keeps? you up at night/i);

    // expiresOn: null, or a real calendar date that is recent or in the future.
    if (p.expiresOn !== null) {
      expect(isRealDate(p.expiresOn)).toBe(true);
      expect(p.expiresOn >= '2026-01-01').toBe(true);
      expect(p.expiresOn <= '2030-12-31').toBe(true);
    }

    // Targeting: phases and industries non-empty and valid, stages etc. are arrays.
    const t = p.targeting;
    expect(t.phases.length).toBeGreaterThan(0);
    for (const phase of t.phases) expect(PHASES).toContain(phase);
    // no industry: the cross-industry set, which is keyed as such so sales ops find it
    expect(t.industries.length > 0 || p.key.startsWith('cross-industry-')).toBe(true);
    expect(Array.isArray(t.stages)).toBe(true);
    expect(Array.isArray(t.recordTypes)).toBe(true);
    for (const bound of [t.amountMin, t.amountMax]) {
      expect(bound === null || (typeof bound === 'number' && bound >= 0)).toBe(true);
    }
    if (t.amountMin !== null && t.amountMax !== null) expect(t.amountMin).toBeLessThanOrEqual(t.amountMax);

    // Only the merge fields the service fills from what Apex supplies.
    for (const text of [p.title, p.provocation, p.followUp, p.rationale]) {
      expect(unknownMergeFields(text)).toEqual([]);
      // No stray or malformed braces.
      expect(text.replace(/\{([A-Za-z]+\.[A-Za-z]+)(\|[^{}|]*)?\}/g, '')).not.toMatch(/[{}]/);
    }

    // No invented statistics: a digit in the prompt text requires a named source.
    if (p.source === PRACTITIONER) {
      for (const text of [p.title, p.provocation, p.followUp, p.rationale]) expect(text).not.toMatch(/\d/);
    }
  });

  it('has at least two industry-specific prompts in every industry × phase cell', () => {
    const missing: string[] = [];
    for (const industry of industries) {
      for (const phase of PHASES) {
        const count = prompts.filter(
          (p) =>
            p.targeting.industries.length === 1 &&
            p.targeting.industries[0] === industry &&
            p.targeting.phases.includes(phase),
        ).length;
        if (count < 2) missing.push(`${industry}/${phase}: ${count}`);
      }
    }
    expect(missing).toEqual([]);
  });

  it('has cross-industry prompts for every phase, with some for small and for large deals', () => {
    for (const phase of PHASES) {
      const inPhase = crossIndustry.filter((p) => p.targeting.phases.includes(phase));
      expect(inPhase.filter((p) => (p.targeting.sizes ?? []).length === 0).length).toBeGreaterThanOrEqual(3);
      expect(inPhase.some((p) => p.targeting.sizes?.includes('small'))).toBe(true);
      expect(inPhase.some((p) => p.targeting.sizes?.includes('large'))).toBe(true);
    }
  });

  it('needs no merge field it has no fallback for, but the close date and amount', () => {
    const needed = new Set(prompts.flatMap((p) => requiredMergeFields(p.title, p.provocation, p.followUp)));
    expect([...needed].filter((f) => f !== 'Opportunity.CloseDate' && f !== 'Opportunity.Amount')).toEqual(
      [],
    );
  });

  describe('gives every account three to five prompts', () => {
    const records = prompts.map(
      (p, i) =>
        ({ ...p, id: `p${i}`, setId: 'library', version: 1, requiredMergeFields: [] }) as PromptRecord,
    );
    const settings = defaultSettings();
    const deals = [
      ['an industry the library does not cover', { industry: 'Agriculture' }],
      ['a blank industry', {}],
      ['a covered industry', { industry: 'Healthcare' }],
    ] as const;
    const stages = ['Prospecting', 'Needs Analysis', 'Negotiation/Review'];
    const amounts = [undefined, 10_000, 200_000, 2_000_000];
    it.each(deals)('%s, at every phase and size', (_name, deal) => {
      for (const stage of stages) {
        for (const amount of amounts) {
          const ctx = { id: '006000000000001AAA', stage, amount, ...deal };
          const picked = selectPrompts(records, ctx, settings, { today: '2026-12-03' });
          expect(picked.length).toBeGreaterThanOrEqual(3);
          expect(picked.length).toBeLessThanOrEqual(5);
          if (!('industry' in deal) || deal.industry === 'Agriculture') {
            for (const p of picked) expect(p.targeting.industries).toEqual([]);
          }
        }
      }
    });
  });
});
