import { deriveEntries, firstSentence, MAX_ENTRIES_PER_NOTE, type MemoryNote } from './entries';
import { staleBefore } from './inside-view';

const note = (fields: Partial<MemoryNote>): MemoryNote => ({
  id: '0a1b2c3d-1111-4222-8333-944445555666',
  opportunityId: '006000000000001AAA',
  authorId: '005000000000001AAA',
  occurredAt: '2026-11-20',
  summary: 'Call.',
  customerView: null,
  prompts: [],
  ...fields,
});

const kindsAndTexts = (n: MemoryNote) => deriveEntries(n).map((e) => [e.kind, e.text]);

describe('inside-view entries of a note', () => {
  it('when the customer refuses, we give our opinion or we prescribe, then nothing is their view', () => {
    expect(
      kindsAndTexts(
        note({
          customerView:
            'They did not share their priorities. I think they should move fast on the portal. They need to change.',
        }),
      ),
    ).toEqual([]);
  });

  it('when the summary reports what the customer said, then it counts; what we did does not', () => {
    expect(
      kindsAndTexts(
        note({ summary: 'I presented our roadmap. The COO wants to close two clinics next year.' }),
      ),
    ).toEqual([['who_wants_what', 'The COO wants to close two clinics next year']]);
  });

  it('when a provocation was redirected but the customer view is empty, then there is no redirect entry', () => {
    expect(
      kindsAndTexts(
        note({
          prompts: [{ promptId: null, promptKey: null, title: null, text: 'x', reaction: 'redirected' }],
        }),
      ),
    ).toEqual([]);
  });

  it('when entries are derived, then each points at its words in its field', () => {
    const n = note({
      customerView: 'Their real worry is nurse retention on night shifts! Budget is frozen until March.',
      prompts: [{ promptId: null, promptKey: null, title: null, text: 'x', reaction: 'redirected' }],
    });
    const entries = deriveEntries(n);
    expect(entries.map((e) => [e.id, e.kind])).toEqual([
      [`${n.id}.1`, 'redirect'],
      [`${n.id}.2`, 'constraint'],
    ]);
    for (const e of entries) expect(n.customerView!.slice(e.start, e.end)).toBe(e.text);
  });

  it('when a note holds many statements, then it gives at most the cap', () => {
    const many = Array.from({ length: 30 }, (_, i) => `The CFO wants clinic ${i + 1} closed by March.`).join(
      ' ',
    );
    expect(deriveEntries(note({ customerView: many }))).toHaveLength(MAX_ENTRIES_PER_NOTE);
  });

  it('cuts the first sentence as the analytics do, trimmed', () => {
    expect(firstSentence('  Nurse retention. Other.')).toEqual({ start: 2, end: 17 });
    expect(firstSentence('...')).toBeNull();
  });
});

describe('staleness', () => {
  it('counts calendar months back, clamping to the end of a shorter month', () => {
    expect(staleBefore('2026-12-03', 12)).toBe('2025-12-03');
    expect(staleBefore('2028-02-29', 12)).toBe('2027-02-28');
    expect(staleBefore('2026-03-31', 1)).toBe('2026-02-28');
  });
});
