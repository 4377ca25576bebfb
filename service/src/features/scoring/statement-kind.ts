// What kind of statement a clause is, beyond its cues: the rep's own opinion, consultant jargon that
// names nothing, or deal terms. Shared by the dimensions that credit what the customer told us.
import { countCues, type Clause } from './clause-facts';
import { kindSet } from './word-info';

const JARGON = kindSet('jargon');
const DEAL = kindSet('status', 'product', 'dealTerm');
const THEIR_BUSINESS = kindSet('business', 'issue', 'priority', 'stake');

/** "Key stakeholders resonate with the vision": jargon outweighs anything concrete. */
export function isHollow(clause: Clause): boolean {
  const jargon = countCues(clause, JARGON);
  return jargon >= 2 && clause.concrete + clause.numbers <= jargon;
}

/** "Priorities: yes.", "Provocation:": a heading before a colon, not content of its own */
export function isLabel(clause: Clause): boolean {
  return clause.words <= 2 && clause.table.value[clause.to] === ':';
}

/** "I think…", "Our take:", "They obviously…": the rep speaking, whoever the subject is */
export function isOurOpinion(clause: Clause): boolean {
  return clause.kinds.has('opinion');
}

/** "They should move fast", "They need to change": our prescription, not their view */
export function isPrescription(clause: Clause): boolean {
  return clause.kinds.has('lecture') && clause.concrete + clause.numbers < 2;
}

/** Contract, pricing, product and logistics terms outweigh anything about their business. */
export function isDealTalk(clause: Clause): boolean {
  const deal = countCues(clause, DEAL);
  return deal > 0 && deal > countCues(clause, THEIR_BUSINESS);
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
