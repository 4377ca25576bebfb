// What kind of statement a clause is, beyond its cues: the rep's own opinion, consultant jargon that
// names nothing, or deal terms. Shared by the dimensions that credit what the customer told us.
import { countCues, type Clause } from './clause-facts';
import type { CueKind } from './lexicon';

/** "Key stakeholders resonate with the vision": jargon outweighs anything concrete. */
export function isHollow(clause: Clause): boolean {
  const jargon = countCues(clause, 'jargon');
  const named = clause.concrete + clause.numbers;
  // "Who wants what.", "Customer view to be confirmed.": one such word and nothing it is about
  return (jargon >= 2 && named <= jargon) || (jargon === 1 && named === 0);
}

/** "Priorities: yes.", "Provocation:": a heading before a colon, not content of its own */
export function isLabel(clause: Clause): boolean {
  return clause.words <= 2 && clause.table.value[clause.to] === ':';
}

/** "I think…", "Our take:", "They obviously…": the rep speaking, whoever the subject is */
export function isOurOpinion(clause: Clause): boolean {
  return clause.kinds.has('opinion');
}

/** words that open a note's heading: "Call with the CFO", "ok so mtg w/ Dana", "Intro meeting with…" */
const MEETING_OPENERS = new Set([
  'call',
  'meet',
  'meeting',
  'mtg',
  'visit',
  'chat',
  'lunch',
  'session',
  'discussion',
  'speak',
  'spoke',
  'talk',
  'talked',
]);
const HEADER_WINDOW = 5;

/** "Call with CMO Dr. Okafor and the Director of Care Management": who we met, not what they said */
export function isMeetingHeader(clause: Clause): boolean {
  const table = clause.table;
  const end = Math.min(clause.to - 1, clause.from + HEADER_WINDOW);
  for (let i = clause.from; i < end; i++) {
    if (!MEETING_OPENERS.has(table.lemma[i]!) && !MEETING_OPENERS.has(table.lower[i]!)) continue;
    const next = table.lower[i + 1];
    return next === 'with' || (next === 'w' && table.value[i + 2] === '/');
  }
  return false;
}

/** "We explained that…", "Told them…": we talk at them, and what follows in the sentence is our telling */
export function isTelling(clause: Clause): boolean {
  return clause.kinds.has('oneway') && (clause.subject === 'us' || clause.subject === 'none');
}

/** "They should move fast", "They need to change": our prescription, not their view */
export function isPrescription(clause: Clause): boolean {
  return clause.kinds.has('lecture') && clause.concrete + clause.numbers < 2;
}

const BUSINESS_KINDS = new Set<CueKind>(['business', 'issue', 'priority', 'stake']);

/** Contract, pricing, product and logistics terms outweigh anything about their business. */
export function isDealTalk(clause: Clause): boolean {
  const deal = countCues(clause, 'status', 'product', 'dealTerm');
  return deal > 0 && deal >= countBusinessBeyondDeal(clause);
}

/** Business cues that are not deal terms too: "freight" in a contract call is a term of the deal. */
function countBusinessBeyondDeal(clause: Clause): number {
  // a token's cues are adjacent in `hits` (cue-matcher.ts reads token by token)
  const hits = clause.hits;
  let count = 0;
  for (let g = 0; g < hits.length;) {
    let end = g;
    let dealTerm = false;
    while (end < hits.length && hits[end]!.from === hits[g]!.from) {
      if (hits[end]!.kind === 'dealTerm' && !hits[end]!.negated) dealTerm = true;
      end++;
    }
    if (!dealTerm)
      for (let h = g; h < end; h++) if (!hits[h]!.negated && BUSINESS_KINDS.has(hits[h]!.kind)) count++;
    g = end;
  }
  return count;
}

/** "Wanted to raise the export-control risk…": we meant to bring it up, so it was not discussed */
export function isUnraisedPlan(clause: Clause): boolean {
  if (clause.subject !== 'us' && clause.subject !== 'none') return false;
  return clause.kinds.has('intent') && (clause.kinds.has('raise') || clause.kinds.has('contribute'));
}

/**
 * The index of the sentence each clause sits in, for clauses in text order: an opinion that opens
 * a sentence ("Our take: the CFO should…") frames the rest of it.
 */
export function sentenceIndexes(clauses: Clause[]): number[] {
  const indexes: number[] = [];
  let sentence = 0;
  for (const clause of clauses) {
    const sentences = clause.table.sentences;
    while (sentence + 1 < sentences.length && sentences[sentence]![1] < clause.from) sentence++;
    indexes.push(sentence);
  }
  return indexes;
}
