// Business focus: their business, not our product. Each clause is about their world (business or
// issue terms, their own words, "their …") or about our product and the deal; the share of distinct
// nouns on each side decides, so repeating a word or padding the note earns nothing, and a note with
// something at stake for them (a loss, a number) can reach the top level.
import { countCues, type Clause } from './clause-facts';
import { DEPARTMENTS, type CueKind } from './lexicon';
import { clauseEvidence, limitEvidence, strengthOf, type DimensionOutcome, type Level } from './outcome';
import { isCountable, type NoteReading } from './read-note';
import { isHollow, isOurOpinion, isTelling, isUnraisedPlan, sentenceIndexes } from './statement-kind';
import type { Evidence } from './types';
import type { WordInfo } from './word-info';

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

/** Cues of the kinds that name a thing or an act: "fine" as an adjective is not a penalty. */
function countNamingCues(clause: Clause, ...kinds: CueKind[]): number {
  let count = 0;
  for (const hit of clause.hits) {
    if (hit.negated || !kinds.includes(hit.kind)) continue;
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
function productCues(clause: Clause, raising: boolean): number {
  // the issue we raise is about their market, whatever prices or products it names
  const raised = raising && !mentionsOur(clause);
  // "keep the price for the big retailers stable": prices and contracts in their market, not our deal
  const theirMarket = !mentionsOur(clause) && countNamingCues(clause, 'market') > 0;
  const weAct = clause.subject === 'us' && !raised;
  const ours = weAct || mentionsOur(clause) || clause.kinds.has('oneway') || isOurAct(clause);
  const status = raised || theirMarket ? 0 : statusCues(clause, ours);
  // an outside-in issue about their market names its fees and prices too: "Port congestion fees are
  // moving to dynamic pricing", or what follows "Presented to their leadership:"
  const issue = raised && (clause.field.startsWith('prompts.') || !clause.kinds.has('raise'));
  const deal = (issue ? 0 : countCues(clause, 'dealTerm')) + status;
  return deal + (ours || deal > 0 ? productWords(clause) : 0);
}

/**
 * Product cues, except "our" offering people or analysis to their problem ("our analyst", "our
 * forecast of request volume"): a tool inside a conversation about their business, not a pitch.
 */
function productWords(clause: Clause): number {
  const table = clause.table;
  let count = 0;
  for (const hit of clause.hits) {
    if (hit.negated || hit.kind !== 'product') continue;
    if (table.lemma[hit.from] === 'our' && offersHelp(clause, hit.to)) continue;
    count++;
  }
  return count;
}

/** "our analyst", "our rostering lead", "our forecast": a person or a piece of analysis follows "our" */
function offersHelp(clause: Clause, after: number): boolean {
  for (let i = after; i <= after + 1 && i < clause.to; i++) {
    const cues = clause.table.lemmaInfo[i]!.cues ?? [];
    if (cues.some((cue) => cue.kind === 'role' || cue.kind === 'plan')) return true;
  }
  return false;
}

/** Words of the deal that are as often about their own dealings ("Medicaid renewal dates", "O&M contracts assume…"). */
const SHARED_DEAL_WORDS = new Set(['contract', 'renewal', 'price', 'term', 'legal']);

/**
 * Status cues of the deal. A word their own business uses too is ours only when we are in the
 * clause, the deal's other terms are, or the clause is a heading with no verb ("Status of open
 * orders", "two service contracts for the plate readers").
 */
function statusCues(clause: Clause, ours: boolean): number {
  const table = clause.table;
  let plain = 0;
  let shared = 0;
  for (const hit of clause.hits) {
    if (hit.negated || hit.kind !== 'status') continue;
    if (SHARED_DEAL_WORDS.has(table.lemma[hit.from]!)) shared++;
    else plain++;
  }
  if (shared === 0 || ours || plain > 0 || clause.kinds.has('dealTerm')) return plain + shared;
  for (let i = clause.from; i < clause.to; i++) if (table.pos[i] === 'VERB') return 0;
  return shared;
}

function sideOf(clause: Clause, raising: boolean): Side {
  const business = countNamingCues(clause, 'business', 'issue');
  const product = productCues(clause, raising);
  const theirWords = clause.actor === 'customer' || clause.field === 'customerView';
  const aboutThem = mentionsTheir(clause) && product === 0;
  // their own account of their world may mention a product ("the enterprise tier"): it is still theirs
  const substance = business > 0 || clause.kinds.has('priority') || clause.numbers > 0;
  if (theirWords && substance && product <= business + 1 && !clause.kinds.has('us')) return 'business';
  if (product > 0 && product >= business) return 'product';
  // "good rapport, lots of energy in the room": small talk that happens to contain a business word
  if (clause.kinds.has('filler') && countCues(clause, 'vague', 'filler') >= business) return 'neither';
  return business > 0 || aboutThem ? 'business' : 'neither';
}

/** "they must…", "they need to…", also where a negation's scope reaches it ("not acceptable and they need to") */
function prescribes(clause: Clause): boolean {
  return clause.kinds.has('lecture') || clause.negatedKinds.has('lecture');
}

/** What a clause is about: its nouns, less the roles that only say who was there ("the plant manager"). */
function addNouns(clause: Clause, nouns: Set<string>): void {
  const table = clause.table;
  for (let i = clause.from; i < clause.to; i++)
    if (table.pos[i] === 'NOUN' && !namesRoleOnly(table.lemmaInfo[i]!)) nouns.add(table.lemma[i]!);
}

/** A title names a person; a department or site ("plants", "stores", "sales") can be the topic too. */
function namesRoleOnly(word: WordInfo): boolean {
  const cues = word.cues ?? [];
  if (DEPARTMENTS.has(word.word) || cues.some((cue) => cue.kind === 'business')) return false;
  return cues.some((cue) => cue.kind === 'role');
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
  let ourView = false;
  let tellingSentence = -1;
  const background = new Set<string>();
  let raising = false;
  // a provocation we only meant to raise ("was going to suggest…", "never got to raise") was not talked about
  const unraised = statements.some(
    (c) => isUnraisedPlan(c) || (c.negatedKinds.has('raise') && c.actor !== 'customer'),
  );
  statements.forEach((clause, index) => {
    if (!isCountable(clause) || isRefusal(clause) || isHollow(clause)) {
      if ((clause.stuffed || isHollow(clause)) && clause.kinds.has('business'))
        evidence.push(clauseEvidence(clause, 'businessFocus', 'lowered'));
      return;
    }
    if (unraised && clause.field.startsWith('prompts.')) return;
    const sentence = sentenceOf[index]!;
    if (isTelling(clause)) tellingSentence = sentence;
    // what we only meant to raise is not a conversation about their business; our opinion of it,
    // or what we told them they must do, is their business seen from outside: background only
    if (isUnraisedPlan(clause)) ourSentence = sentence;
    else if (isOurOpinion(clause) || (prescribes(clause) && tellingSentence === sentence)) {
      ourSentence = sentence;
      ourView = true;
    }
    // "Presented to their leadership: the terminals are moving fees to dynamic pricing" goes on raising
    const previous = statements[index - 1];
    const continues =
      previous !== undefined &&
      sentenceOf[index - 1] === sentence &&
      clause.table.value[clause.from - 1] === ':';
    raising = clause.kinds.has('raise') || clause.field.startsWith('prompts.') || (continues && raising);
    const side = sideOf(clause, raising);
    if (ourSentence === sentence) {
      if (ourView && side === 'business') addNouns(clause, background);
      return;
    }
    if (side === 'neither') return;
    addNouns(clause, nouns[side]);
    if (side === 'business' && (clause.kinds.has('stake') || clause.numbers > 0)) stakes++;
    evidence.push(clauseEvidence(clause, 'businessFocus', side === 'business' ? 'raised' : 'lowered'));
  });
  const business = nouns.business.size;
  const share = business / Math.max(1, business + nouns.product.size);
  let level: Level = 2;
  if (business < 2 || share < 0.2) level = 0;
  else if (share < 0.5 || business < 4) level = 1;
  else if (nouns.product.size === 0 && business >= 9 && stakes > 0) level = 3;
  if (level === 0 && background.size >= 2) level = 1;
  return {
    level,
    strength: level === 3 ? strengthOf(stakes) : strengthOf(Math.round(business * share), 12),
    evidence: limitEvidence(evidence),
    tip: level === 3 ? null : TIPS[level],
  };
}
