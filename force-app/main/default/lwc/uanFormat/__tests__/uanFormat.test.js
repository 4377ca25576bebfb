import {
  DIMENSIONS,
  PROMPT_KEY_PATTERN,
  isPromptKey,
  daysAgoIso,
  formatAmount,
  formatDate,
  formatLabel,
  formatPercent,
  formatRateInterval,
  formatScore,
  highlightSegments,
  newIdempotencyKey,
  parseJson,
  reactionOptions,
  scoreTone,
  tableColumns,
  todayIso,
} from 'c/uanFormat';

jest.mock('@salesforce/label/c.UAN_Format_Interval', () => ({ default: '{0} ({1}–{2})' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_NotEnoughData', () => ({ default: 'not enough data' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_NoValue', () => ({ default: '—' }), { virtual: true });

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

describe('uanFormat', () => {
  it('knows the five dimensions and four reactions', () => {
    expect(DIMENSIONS).toEqual(['provocation', 'customerView', 'collaboration', 'businessFocus', 'nextStep']);
    expect(reactionOptions().map((o) => o.value)).toEqual([
      'new_to_them',
      'already_addressing',
      'redirected',
      'dismissed',
    ]);
  });

  it('heads table columns with their labels, all of them or the keys named in order', () => {
    const labels = { stage: 'Stage', open: 'Open', share: 'Share' };
    expect(tableColumns(labels)).toEqual([
      { key: 'stage', label: 'Stage' },
      { key: 'open', label: 'Open' },
      { key: 'share', label: 'Share' },
    ]);
    expect(tableColumns(labels, ['share', 'stage'])).toEqual([
      { key: 'share', label: 'Share' },
      { key: 'stage', label: 'Stage' },
    ]);
  });

  it('fills label placeholders', () => {
    expect(formatLabel('Score {0} of {1}', 78, 100)).toBe('Score 78 of 100');
    expect(formatLabel('by {0}', null)).toBe('by ');
  });

  it('formats scores, percentages and win rates with intervals', () => {
    expect(formatScore(77.6)).toBe('78');
    expect(formatScore(null)).toBe('—');
    expect(formatPercent(0.523)).toBe('52%');
    expect(formatRateInterval({ rate: 0.52, low: 0.38, high: 0.66, enoughData: true })).toBe('52% (38–66%)');
    expect(formatRateInterval({ rate: 0.5, low: 0.1, high: 0.9, enoughData: false })).toBe('not enough data');
    expect(formatRateInterval(undefined)).toBe('not enough data');
  });

  it('formats date-only values without shifting the day', () => {
    expect(formatDate('2026-11-20')).toBe('Nov 20, 2026');
    expect(formatDate(null)).toBe('—');
    expect(formatDate('not a date')).toBe('not a date');
  });

  it('formats amounts in the org currency', () => {
    expect(formatAmount(250000)).toBe('$250,000');
  });

  it('computes local dates', () => {
    expect(todayIso(new Date(2026, 0, 5))).toBe('2026-01-05');
    expect(daysAgoIso(10, new Date(2026, 0, 5))).toBe('2025-12-26');
  });

  it('tones scores', () => {
    expect([scoreTone(10), scoreTone(50), scoreTone(90), scoreTone(undefined)]).toEqual([
      'weak',
      'fair',
      'strong',
      'none',
    ]);
  });

  it('makes distinct idempotency keys', () => {
    const a = newIdempotencyKey();
    expect(a).toMatch(UUID);
    expect(newIdempotencyKey()).not.toBe(a);
  });

  it('makes a UUID even where the browser has no crypto.randomUUID (Apex accepts only a UUID)', () => {
    const randomUUID = globalThis.crypto.randomUUID;
    Object.defineProperty(globalThis.crypto, 'randomUUID', { value: undefined, configurable: true });
    try {
      const key = newIdempotencyKey();
      expect(key).toMatch(UUID);
      expect(key[14]).toBe('4');
      expect(newIdempotencyKey()).not.toBe(key);
    } finally {
      Object.defineProperty(globalThis.crypto, 'randomUUID', { value: randomUUID, configurable: true });
    }
  });

  it('parses Apex JSON strings', () => {
    expect(parseJson('{"a":1}')).toEqual({ a: 1 });
    expect(parseJson('')).toBeNull();
    expect(parseJson({ a: 1 })).toEqual({ a: 1 });
  });

  it('splits text into marked segments, skipping overlaps and out-of-range spans', () => {
    const segments = highlightSegments('we agreed a pilot together', [
      { start: 3, end: 9, effect: 'raised' },
      { start: 5, end: 12, effect: 'lowered' },
      { start: 18, end: 26, effect: 'lowered' },
      { start: 20, end: 99, effect: 'raised' },
    ]);
    expect(segments.map((s) => [s.text, s.marked])).toEqual([
      ['we ', false],
      ['agreed', true],
      [' a pilot ', false],
      ['together', true],
    ]);
    expect(segments[3].className).toContain('lowered');
  });

  it('writes the prompt key pattern so every browser compiles it the way the code checks it', () => {
    // browsers compile a pattern attribute as ^(?:pattern)$ with the v flag, older ones with u or none
    for (const flags of ['v', 'u', '']) {
      const attribute = new RegExp(`^(?:${PROMPT_KEY_PATTERN})$`, flags);
      for (const key of ['price-transparency', 'a', '9-lives', 'x'.repeat(100)]) {
        expect(attribute.test(key)).toBe(true);
        expect(isPromptKey(key)).toBe(true);
      }
      for (const key of ['', '-lead', 'Upper', 'with space', 'under_score', 'x'.repeat(101), 'ü']) {
        expect(attribute.test(key)).toBe(false);
        expect(isPromptKey(key)).toBe(false);
      }
    }
    expect(isPromptKey(undefined)).toBe(false);
  });
});
