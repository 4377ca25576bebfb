import { CHUNK_LIMIT, FIELD_TOKEN_LIMIT, NOTE_TOKEN_LIMIT, boundedFields, boundedText } from './bounded-text';
import { scoreNote } from './index';

describe('what the scorer reads of a field', () => {
  test('ordinary prose is read as written', () => {
    const text =
      "Priya said the board wants profitability by Q3 -- we didn't discuss pricing!!! (See e-mail.)";
    expect(boundedText(text, 1000)).toEqual({ text, tokens: 26 });
  });

  test('a run of one symbol is read up to three marks, the rest blanked in place', () => {
    expect(boundedText('Really?????? Yes', 100).text).toBe('Really???    Yes');
    expect(boundedText('?'.repeat(10), 100)).toEqual({ text: `???${' '.repeat(7)}`, tokens: 3 });
  });

  test('a run without spaces is read up to the chunk limit', () => {
    const run = '-a'.repeat(100);
    const { text } = boundedText(`${run} next`, 1000);
    expect(text).toHaveLength(run.length + 5);
    expect(text.slice(0, CHUNK_LIMIT)).toBe(run.slice(0, CHUNK_LIMIT));
    expect(text.slice(CHUNK_LIMIT, run.length).trim()).toBe('');
    expect(text.endsWith(' next')).toBe(true);
  });

  test('tokens past the budget are blanked, and a surrogate pair is never split', () => {
    expect(boundedText('one two three four', 2)).toEqual({ text: 'one two           ', tokens: 2 });
    // an emoji is two UTF-16 units, each counted as a mark
    const { text } = boundedText('😀😀😀', 3);
    expect(text).toBe('😀    ');
  });

  test('fields share the note budget in order, each within its own limit', () => {
    const field = 'word '.repeat(FIELD_TOKEN_LIMIT + 100);
    const [first, second, third] = boundedFields([field, field, field]);
    expect(first!.trim().split(/\s+/)).toHaveLength(FIELD_TOKEN_LIMIT);
    expect(second!.trim().split(/\s+/)).toHaveLength(NOTE_TOKEN_LIMIT - FIELD_TOKEN_LIMIT);
    expect(third!.trim()).toBe('');
    expect([first, second, third].map((f) => f!.length)).toEqual([field.length, field.length, field.length]);
  });

  test('evidence after a blanked run still quotes the note as written', () => {
    const summary = `${'?'.repeat(5000)} Raised the risk that new tariffs will squeeze their margins next year.`;
    const result = scoreNote({ summary, prompts: [] });
    expect(result.evidence.length).toBeGreaterThan(0);
    for (const e of result.evidence) {
      expect(e.field).toBe('summary');
      expect(summary.slice(e.start, e.end)).toBe(e.text);
      expect(e.text).not.toMatch(/^\s|\s$/);
    }
  });
});
