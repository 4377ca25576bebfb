// Business focus: their business, not our product. Each clause is about their world (business or
// issue terms, their own words, "their …") or about our product and the deal; the share of distinct
// nouns on each side decides, so repeating a word or padding the note earns nothing, and a note with
// something at stake for them (a loss, a number) can reach the top level.
import { countCues, type Clause } from './clause-facts';
import { clauseEvidence, limitEvidence, strengthOf, type DimensionOutcome, type Level } from './outcome';
import { isCountable, type NoteReading } from './read-note';
import { isHollow, isOurOpinion, isUnraisedPlan, sentenceIndexes } from './statement-kind';
import type { Evidence } from './types';
import { kindSet, type KindSet } from './word-info';

const TIPS: Record<Exclude<Level, 3>, string> = {
  0: 'Tie the conversation to their business (their customers, margins, growth or risk): the note is only about our product or the deal.',
  1: 'Shift from our product to their outcomes: add what is at stake for their business.',
  2: 'Name the stakes in their terms: what it costs them in revenue, margin or risk if nothing changes.',
};

type Side = 'business' | 'product' | 'neither';

const BUSINESS_OR_ISSUE = kindSet('business', 'issue');
const DEAL_TERM = kindSet('dealTerm');
const STATUS = kindSet('status');
const PRODUCT = kindSet('product');
const SMALL_TALK = kindSet('vague', 'filler');

/** "their branch network": a possessive puts the clause in their world */
function mentionsTheir(clause: Clause): boolean {
  for (let i = clause.from; i < clause.to; i++) if (clause.table.lower[i] === 'their') return true;
  return false;
}

/** Cues of the kinds that name a thing or an act: "fine" as an adjective is not a penalty. */
function countNamingCues(clause: Clause, kinds: KindSet): number {
  let count = 0;
  for (const hit of clause.hits) {
    if (hit.negated || !kinds.hasIndex(hit.kindIndex)) continue;
    const pos = clause.table.pos[hit.from];
    if (pos !== 'ADJ' && pos !== 'ADV') count++;
  }
  return count;
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
function productCues(clause: Clause): number {
  const our = mentionsOur(clause);
  // the issue we raise is about their market, whatever prices or products it names
  const raised = clause.kinds.has('raise') && !our;
  const deal = countCues(clause, DEAL_TERM) + (raised ? 0 : countCues(clause, STATUS));
  const weAct = clause.subject === 'us' && !raised;
  const ours = weAct || our || clause.kinds.has('oneway') || isOurAct(clause);
  return deal + (ours || deal > 0 ? countCues(clause, PRODUCT) : 0);
}

function sideOf(clause: Clause): Side {
  const business = countNamingCues(clause, BUSINESS_OR_ISSUE);
  const product = productCues(clause);
  const theirWords = clause.actor === 'customer' || clause.field === 'customerView';
  const aboutThem = mentionsTheir(clause) && product === 0;
  // their own account of their world may mention a product ("the enterprise tier"): it is still theirs
  const substance = business > 0 || clause.kinds.has('priority') || clause.numbers > 0;
  if (theirWords && substance && product <= business + 1 && !clause.kinds.has('us')) return 'business';
  if (product > 0 && product >= business) return 'product';
  // "good rapport, lots of energy in the room": small talk that happens to contain a business word
  if (clause.kinds.has('filler') && countCues(clause, SMALL_TALK) >= business) return 'neither';
  return business > 0 || aboutThem ? 'business' : 'neither';
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
  statements.forEach((clause, index) => {
    if (!isCountable(clause) || isRefusal(clause) || isHollow(clause)) {
      if ((clause.stuffed || isHollow(clause)) && clause.kinds.has('business'))
        evidence.push(clauseEvidence(clause, 'businessFocus', 'lowered'));
      return;
    }
    // what we only meant to raise, and our own opinion of them, is not a conversation about their business
    if (isUnraisedPlan(clause) || isOurOpinion(clause)) ourSentence = sentenceOf[index]!;
    if (ourSentence === sentenceOf[index]) return;
    const side = sideOf(clause);
    if (side === 'neither') return;
    for (let i = clause.from; i < clause.to; i++) {
      if (clause.table.pos[i] === 'NOUN') nouns[side].add(clause.table.lemma[i]!);
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
