// Groups free texts (ad-hoc provocations, redirected issues) that say the same thing in different
// words: normalised token sets compared by Jaccard similarity, greedily, most frequent text first.

export const SIMILARITY_THRESHOLD = 0.5;

// words that carry no topic: without them "the cost of the tariffs" and "tariffs cost" match
const STOP_WORDS = new Set(
  'a an and are as at be but by for from has have how in is it its of on or our that the their them they this to was we were what when will with you your'.split(
    ' ',
  ),
);

export function tokenSet(text: string): Set<string> {
  const tokens = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/\p{M}/gu, '')
    // letters of every script: a redirect told in Cyrillic or Chinese is a candidate too
    .split(/[^\p{L}\p{N}]+/u)
    .filter((t) => t.length > 1 && !STOP_WORDS.has(t))
    // a crude stem so "tariff" and "tariffs" are one token
    .map((t) => (t.length > 3 && t.endsWith('s') && !t.endsWith('ss') ? t.slice(0, -1) : t));
  return new Set(tokens);
}

export function jaccard(a: Set<string>, b: Set<string>): number {
  if (a.size === 0 && b.size === 0) return 0;
  let shared = 0;
  for (const token of a) if (b.has(token)) shared += 1;
  return shared / (a.size + b.size - shared);
}

export interface CountedText {
  text: string;
  count: number;
}

/** Each group is named by its most frequent text and counts every text that joined it. A text joins
 * the first group (by frequency) whose representative it resembles at or above the threshold. */
export function groupSimilar(texts: CountedText[], threshold = SIMILARITY_THRESHOLD): CountedText[] {
  const groups: Array<CountedText & { tokens: Set<string> }> = [];
  const ordered = [...texts].sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
  for (const item of ordered) {
    const tokens = tokenSet(item.text);
    if (tokens.size === 0) continue;
    const group = groups.find((g) => jaccard(g.tokens, tokens) >= threshold);
    if (group) group.count += item.count;
    else groups.push({ ...item, tokens });
  }
  return groups
    .map(({ text, count }) => ({ text, count }))
    .sort((a, b) => b.count - a.count || a.text.localeCompare(b.text));
}
