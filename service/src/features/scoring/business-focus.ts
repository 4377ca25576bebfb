// Business focus: their business, not our product. Each clause is about their world (business or
// issue terms, their own words, "their …") or about our product and the deal; the share of distinct
// nouns on each side decides, so repeating a word or padding the note earns nothing, and a note with
// something at stake for them (a loss, a number) can reach the top level.
import { countCues, type Clause } from './clause-facts';
import type { CueKind } from './lexicon';
import { clauseEvidence, limitEvidence, strengthOf, type DimensionOutcome, type Level } from './outcome';
import { isCountable, type NoteReading } from './read-note';
import {
  countTrade,
  isHollow,
  isMissedChance,
  isOurLecture,
  isOurOpinion,
  isPrescription,
  isUnraisedPlan,
  sentenceIndexes,
} from './statement-kind';
import type { Evidence } from './types';
import * as wordInfo from './word-info';

// Imported bindings are getter calls once compiled to CommonJS (tsx, jest); these are read per token.
const { W_DATE_WORD, W_ROLE } = wordInfo;

const TIPS: Record<Exclude<Level, 3>, string> = {
  0: 'Tie the conversation to their business (their customers, margins, growth or risk): the note is only about our product or the deal.',
  1: 'Shift from our product to their outcomes: add what is at stake for their business.',
  2: 'Name the stakes in their terms: what it costs them in revenue, margin or risk if nothing changes.',
};

type Side = 'business' | 'product' | 'neither';

/** "their branch network": a possessive puts the clause in their world */
function mentionsTheir(clause: Clause): boolean {
  for (let i = clause.from; i < clause.to; i++) if (clause.table.lower[i] === 'their') return true;
  return false;
}

/**
 * Cues of the kinds that name a thing or an act: "fine" as an adjective is not a penalty; a word
 * that names who was there ("nurse mgr", "the operations team") or is part of a deal term
 * ("liability cap") is not their business either.
 */
function countNamingCues(clause: Clause, ...kinds: CueKind[]): number {
  const table = clause.table;
  const deal = dealTermTokens(clause);
  let count = 0;
  for (const hit of clause.hits) {
    if (hit.negated || !kinds.includes(hit.kind)) continue;
    const pos = table.pos[hit.from];
    if (pos === 'ADJ' || pos === 'ADV') continue;
    const flags = table.lemmaInfo[hit.from]!.flags | table.lowerInfo[hit.from]!.flags;
    if ((flags & W_ROLE) !== 0 || (hit.kind !== 'dealTerm' && deal[hit.from - clause.from] === 1)) continue;
    count++;
  }
  return count;
}

/** marks the clause's tokens inside a deal term ("liability cap") */
function dealTermTokens(clause: Clause): Uint8Array {
  const deal = new Uint8Array(clause.to - clause.from);
  for (const hit of clause.hits)
    if (hit.kind === 'dealTerm') deal.fill(1, hit.from - clause.from, hit.to - clause.from);
  return deal;
}

/** "Showed roadmap + integrations": a summary clause opening with a verb tells what we did */
function isOurAct(clause: Clause): boolean {
  return clause.subject === 'none' && clause.table.pos[clause.from] === 'VERB' && !clause.kinds.has('raise');
}

function mentionsOur(clause: Clause): boolean {
  for (let i = clause.from; i < clause.to; i++) if (clause.table.lower[i] === 'our') return true;
  return false;
}

/**
 * Product words are ours only when we are in the clause as more than the one raising an issue ("we
 * showed the dashboards", "our platform", "Demoed…") or the deal is: their own products
 * ("the sensors can carry subscriptions") and the prices in an issue we raise ("the price of durum
 * wheat is more volatile") are their business.
 */
function productCues(clause: Clause, trade: number): number {
  // the issue we raise is about their market, whatever prices or products it names
  const raised = clause.kinds.has('raise') && !mentionsOur(clause);
  const deal = countCues(clause, 'dealTerm') + (raised ? 0 : countCues(clause, 'status') - trade);
  const weAct = clause.subject === 'us' && !raised;
  // "we showed them", not "she told me": telling is ours only when we are the ones doing it
  const weTell = clause.kinds.has('oneway') && clause.actor !== 'customer';
  const ours = weAct || mentionsOur(clause) || weTell || isOurAct(clause);
  return deal + (ours || deal > 0 ? countCues(clause, 'product') : 0);
}

function sideOf(clause: Clause): Side {
  const trade = countTrade(clause);
  const business = countNamingCues(clause, 'business', 'issue') + trade;
  const product = productCues(clause, trade);
  const theirWords = clause.actor === 'customer' || clause.field === 'customerView';
  const aboutThem = mentionsTheir(clause) && product === 0;
  // their own account of their world may mention a product ("the enterprise tier"): it is still theirs;
  // "she told me" has us in it only as the one told
  // a date ("by 9/30") is when, not what is at stake
  const figures = clause.date === 0 && clause.numbers > 0;
  const substance = business > 0 || countNamingCues(clause, 'priority') > 0 || figures;
  const ourWords = clause.actor === 'us' || clause.actor === 'both' || mentionsOur(clause);
  if (theirWords && substance && product <= business + 1 && !ourWords) return 'business';
  if (product > 0 && product >= business) return 'product';
  // "good rapport, lots of energy in the room": small talk that happens to contain a business word
  if (clause.kinds.has('filler') && countCues(clause, 'vague', 'filler') >= business) return 'neither';
  return business > 0 || aboutThem ? 'business' : 'neither';
}

/** cue kinds whose nouns name the talk itself (a meeting, an update, a good chat), not a business */
const ABOUT_THE_TALK: CueKind[] = ['filler', 'vague', 'nextCue', 'vagueAction', 'concreteAction'];

/**
 * Nouns that say who was there, when, or what kind of talk it was ("the operations director", "next
 * year", "general discussion") are in every note, whatever it is about: they weigh on neither side.
 * `talk` marks the clause's tokens inside such cues.
 */
function isBystander(clause: Clause, index: number, talk: Uint8Array): boolean {
  const table = clause.table;
  const flags = table.lemmaInfo[index]!.flags | table.lowerInfo[index]!.flags;
  return (flags & (W_ROLE | W_DATE_WORD)) !== 0 || talk[index - clause.from] === 1;
}

function talkTokens(clause: Clause): Uint8Array {
  const talk = new Uint8Array(clause.to - clause.from);
  for (const hit of clause.hits)
    if (ABOUT_THE_TALK.includes(hit.kind)) talk.fill(1, hit.from - clause.from, hit.to - clause.from);
  return talk;
}

function isRefusal(clause: Clause): boolean {
  return clause.negatedKinds.has('engage') && !clause.kinds.has('engage');
}

export function scoreBusinessFocus(note: NoteReading): DimensionOutcome {
  const evidence: Evidence[] = [];
  const nouns: Record<Exclude<Side, 'neither'>, Set<string>> = { business: new Set(), product: new Set() };
  let stakes = 0;
  const statements = note.statements;
  const sentenceOf = sentenceIndexes(statements);
  let ourSentence = -1;
  // the prompt is what we meant to raise: when the note says it never came up, its words were not discussed
  const onlyPlanned = statements.some(
    (c) => (c.field === 'summary' || c.field === 'ideas') && (isUnraisedPlan(c) || isMissedChance(c)),
  );
  statements.forEach((clause, index) => {
    if (onlyPlanned && clause.field.startsWith('prompts.')) return;
    if (!isCountable(clause) || isRefusal(clause) || isHollow(clause)) {
      if ((clause.stuffed || isHollow(clause)) && clause.kinds.has('business'))
        evidence.push(clauseEvidence(clause, 'businessFocus', 'lowered'));
      return;
    }
    // what we only meant to raise, our own opinion of them and what we told them they must do is not
    // a conversation about their business
    if (isUnraisedPlan(clause) || isOurOpinion(clause) || isOurLecture(clause))
      ourSentence = sentenceOf[index]!;
    if (isPrescription(clause)) return;
    if (ourSentence === sentenceOf[index]) return;
    const side = sideOf(clause);
    if (side === 'neither') return;
    const talk = talkTokens(clause);
    for (let i = clause.from; i < clause.to; i++) {
      if (clause.table.pos[i] === 'NOUN' && !isBystander(clause, i, talk))
        nouns[side].add(clause.table.lemma[i]!);
    }
    if (side === 'business' && (clause.kinds.has('stake') || clause.numbers > 0)) stakes++;
    evidence.push(clauseEvidence(clause, 'businessFocus', side === 'business' ? 'raised' : 'lowered'));
  });
  const business = nouns.business.size;
  const share = business / Math.max(1, business + nouns.product.size);
  let level: Level = 2;
  if (business < 2 || share < 0.2) level = 0;
  else if (share < 0.5 || business < 4) level = 1;
  else if (share >= 0.75 && business >= 9 && stakes > 0) level = 3;
  return {
    level,
    strength: level === 3 ? strengthOf(stakes) : strengthOf(Math.round(business * share), 12),
    evidence: limitEvidence(evidence),
    tip: level === 3 ? null : TIPS[level],
  };
}
