// What kind of statement a clause is, beyond its cues: the rep's own opinion, consultant jargon that
// names nothing, or deal terms. Shared by the dimensions that credit what the customer told us.
import { countCues, isThingWord, type Clause } from './clause-facts';
import type { CueHit } from './cue-matcher';
import * as wordInfo from './word-info';

// Imported bindings are getter calls once compiled to CommonJS (tsx, jest); these are read per token.
const { W_DATE_WORD, W_US } = wordInfo;

/** "Key stakeholders resonate with the vision": jargon outweighs anything concrete. */
export function isHollow(clause: Clause): boolean {
  const jargon = countCues(clause, 'jargon');
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

/** prepositions that tie a price or a contract to what or whom it is for */
const TRADE_LINKS = new Set(['of', 'for', 'with', 'from', 'to']);
const TRADE_WINDOW = 6;

/**
 * "the price of flour", "the price for the hotel chains", "contracts with the mills": a price or a
 * contract tied to a thing or a party that is neither us, our product nor a length of time is their
 * own trade, not our deal.
 */
function isTheirTrade(clause: Clause, hit: CueHit): boolean {
  if (hit.kind !== 'status' || hit.negated) return false;
  const table = clause.table;
  const end = Math.min(clause.to, hit.to + TRADE_WINDOW);
  for (let i = hit.to; i < end; i++) {
    const pos = table.pos[i];
    if (pos === 'PUNCT' || pos === 'VERB' || pos === 'AUX') return false;
    if (pos !== 'ADP' || !TRADE_LINKS.has(table.lower[i]!)) continue;
    // the phrase after the preposition: a plain noun, not "our licence" or "three years"
    for (let j = i + 1; j < end; j++) {
      const word = table.pos[j];
      if (word === 'DET' || word === 'ADJ') continue;
      if (word === 'NUM' || (word === 'PRON' && table.lower[j] !== 'their')) break;
      if (word === 'PRON') continue;
      const flags = table.lemmaInfo[j]!.flags | table.lowerInfo[j]!.flags;
      if ((word === 'NOUN' || word === 'PROPN') && (flags & (W_DATE_WORD | W_US)) === 0)
        return !isThingWord(table, j);
      break;
    }
  }
  return false;
}
/** How many prices or contracts of the clause are their own trade. */
export function countTrade(clause: Clause): number {
  let count = 0;
  for (const hit of clause.hits) if (isTheirTrade(clause, hit)) count++;
  return count;
}

/** "We explained that they must…", "Told them they need to…": we prescribe, they listen */
export function isOurLecture(clause: Clause): boolean {
  const ours = clause.actor === 'us' || (clause.actor === 'none' && clause.field === 'summary');
  return ours && clause.kinds.has('oneway') && clause.kinds.has('lecture');
}

/** Contract, pricing, product and logistics terms outweigh anything about their business. */
export function isDealTalk(clause: Clause): boolean {
  const trade = countTrade(clause);
  const deal = countCues(clause, 'status', 'product', 'dealTerm') - trade;
  return deal > 0 && deal > countCues(clause, 'business', 'issue', 'priority', 'stake') + trade;
}

/** verbs that arrange a time or a place rather than say anything about their business */
const ARRANGING = new Set(['book', 'schedule', 'arrange', 'confirm', 'reschedule', 'reserve', 'set']);

/** "he confirmed 2 bays free, forklift booked for the 9th": logistics for a date, not their view */
export function isArrangement(clause: Clause): boolean {
  if (clause.date !== 2) return false;
  const table = clause.table;
  for (let i = clause.from; i < clause.to; i++)
    if (table.pos[i] === 'VERB' && ARRANGING.has(table.lemma[i]!)) return true;
  return false;
}

/** "wanted to raise", "had planned to bring up", "would like to suggest": a raise that did not happen */
const INTENT = new Set(['want', 'plan', 'intend', 'mean', 'hope', 'try', 'going', 'like', 'wish']);
/** "I", "we", and whose plan it was: "my plan was to", "our idea was to" */
const OUR_WORDS = new Set(['i', 'we', 'my', 'our']);
/** "would have raised", "should have challenged": what we did not do */
const COUNTERFACTUAL = new Set(['would', 'should', 'could']);
/** what we would have said: raise, bring up, suggest, mention, pitch */
const SAYING = new Set(['suggest', 'mention', 'propose', 'pitch']);
const INTENT_WINDOW = 3;

function isRaiseWord(clause: Clause, index: number): boolean {
  const info = clause.table.lemmaInfo[index]!;
  return SAYING.has(info.word) || (info.cues ?? []).some((cue) => cue.kind === 'raise');
}

/** The intention is ours: "I had planned to", "we wanted to", or no subject at all ("Wanted to"). */
function ourIntent(clause: Clause, at: number): boolean {
  const table = clause.table;
  for (let j = at - 1; j >= Math.max(clause.from, at - 2); j--) {
    if (OUR_WORDS.has(table.lower[j]!)) return true;
    // "had planned", "would have liked": wink may tag the auxiliary "have" as a verb
    if (table.pos[j] !== 'AUX' && table.pos[j] !== 'PART' && table.lemma[j] !== 'have') return false;
  }
  return at - 2 <= clause.from;
}

export function isIntentOnly(clause: Clause): boolean {
  if (clause.actor === 'customer') return false;
  const table = clause.table;
  for (let i = clause.from; i < clause.to; i++) {
    if (!isRaiseWord(clause, i) || table.pos[i] !== 'VERB') continue;
    for (let j = i - 1; j >= Math.max(clause.from, i - INTENT_WINDOW); j--) {
      if ((INTENT.has(table.lemma[j]!) || INTENT.has(table.lower[j]!)) && ourIntent(clause, j)) return true;
      if (COUNTERFACTUAL.has(table.lower[j]!) && table.lower[j + 1] === 'have') return true;
    }
    // "will raise it next time"
    for (let j = i + 1; j < Math.min(clause.to, i + 4); j++)
      if (table.lower[j] === 'next' && table.lower[j + 1] === 'time') return true;
  }
  return false;
}

const NEGATORS = new Set(['not', "n't", 'never', 'no']);

function negatedNearby(clause: Clause, at: number): boolean {
  for (let j = at - 1; j >= Math.max(clause.from, at - 3); j--)
    if (NEGATORS.has(clause.table.lower[j]!)) return true;
  return false;
}

/** "didn't get there", "never got the chance", "didn't get to it" */
export function isMissedChance(clause: Clause): boolean {
  if (clause.actor === 'customer') return false;
  const table = clause.table;
  for (let i = clause.from; i < clause.to; i++) {
    // right after the negation: in a long run-on sentence its scope reaches far beyond the verb
    if (!table.negated[i] || !negatedNearby(clause, i)) continue;
    if (table.lemma[i] === 'chance') return true;
    const after = table.lower[i + 1];
    // "it never came up": the topic was not raised by anyone
    if (table.lemma[i] === 'come' && after === 'up') return true;
    if (table.lemma[i] === 'get' && (after === 'there' || after === 'to' || after === 'the')) return true;
  }
  return false;
}

/** "Wanted to raise the export-control risk…": we meant to bring it up, so it was not discussed */
export function isUnraisedPlan(clause: Clause): boolean {
  if (clause.subject !== 'us' && clause.subject !== 'none') return false;
  const planned = clause.kinds.has('intent') && (clause.kinds.has('raise') || clause.kinds.has('contribute'));
  return planned || isIntentOnly(clause);
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
