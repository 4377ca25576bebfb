// Business focus: their business, not our product. Judged by the share of distinct business terms
// against distinct product and deal terms (each term counts once, so repeating it earns nothing),
// and by whether anything is at stake for them.
import type { Clause } from './clause-facts';
import type { CueHit } from './cue-matcher';
import {
  clauseEvidence,
  cueEvidence,
  limitEvidence,
  strengthOf,
  type DimensionOutcome,
  type Level,
} from './outcome';
import { isCountable, type NoteReading } from './read-note';
import type { Evidence } from './types';

const TIPS: Record<Exclude<Level, 3>, string> = {
  0: 'Tie the conversation to their business (their customers, margins, growth or risk): the note is only about our product or the deal.',
  1: 'Shift from our product to their outcomes: add what is at stake for their business.',
  2: 'Name the stakes in their terms: what it costs them in revenue, margin or risk if nothing changes.',
};

function termOf(clause: Clause, hit: CueHit): string {
  return clause.table.lemma.slice(hit.from, hit.to).join(' ');
}

export function scoreBusinessFocus(note: NoteReading): DimensionOutcome {
  const evidence: Evidence[] = [];
  const businessTerms = new Set<string>();
  const productTerms = new Set<string>();
  let stakes = 0;
  for (const clause of note.clauses) {
    if (!isCountable(clause)) {
      if (clause.stuffed && clause.kinds.has('business'))
        evidence.push(clauseEvidence(clause, 'businessFocus', 'lowered'));
      continue;
    }
    let clauseBusiness = false;
    for (const hit of clause.hits) {
      if (hit.kind === 'business') {
        const term = termOf(clause, hit);
        if (!businessTerms.has(term)) evidence.push(cueEvidence(clause, hit, 'businessFocus', 'raised'));
        businessTerms.add(term);
        clauseBusiness = true;
      } else if (hit.kind === 'product') {
        const term = termOf(clause, hit);
        if (!productTerms.has(term)) evidence.push(cueEvidence(clause, hit, 'businessFocus', 'lowered'));
        productTerms.add(term);
      }
    }
    if (clauseBusiness && (clause.kinds.has('stake') || clause.numbers > 0)) stakes++;
  }
  const business = businessTerms.size;
  const product = productTerms.size;
  const share = business / Math.max(1, business + product);
  let level: Level = 0;
  if (business === 0) level = 0;
  else if (share < 0.5 || (business === 1 && product === 0)) level = 1;
  else if (share >= 0.8 && business >= 4 && stakes > 0) level = 3;
  else level = 2;
  const signals = level === 3 ? stakes : level === 2 ? business - product : business;
  return {
    level,
    strength: strengthOf(signals, 5),
    evidence: limitEvidence(evidence),
    tip: level === 3 ? null : TIPS[level],
  };
}
