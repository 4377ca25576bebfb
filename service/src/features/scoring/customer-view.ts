// Customer view: what the customer told us from the inside. Vague sentiment ("they seem happy") is
// level 1; priorities and constraints in their terms level 2; inside dynamics we could not know from
// outside (who wants what, disagreement, what they do today and why) level 3.
import type { Actor, Clause } from './clause-facts';
import { clauseEvidence, limitEvidence, strengthOf, type DimensionOutcome, type Level } from './outcome';
import { isCountable, type NoteReading } from './read-note';
import {
  isDealTalk,
  isHollow,
  isLabel,
  isOurOpinion,
  isPrescription,
  sentenceIndexes,
} from './statement-kind';
import type { Evidence } from './types';

const TIPS: Record<Exclude<Level, 3>, string> = {
  0: 'Ask what they are already doing about it: you captured no inside view.',
  1: "Write down their priorities, constraints or initiatives in their own words: 'they seem interested' tells the next reader nothing.",
  2: 'Capture the inside dynamics: who on their side wants what, where they disagree, and what they do today and why.',
};

/**
 * Whose words a clause reports: the customer's when they are its subject; the customerView field
 * speaks for them unless we are the subject. A meeting header ("Call with the CFO") names them as an
 * object, not as someone who said anything.
 */
function isCustomerSide(clause: Clause, subject: Actor): boolean {
  if (subject === 'customer' || subject === 'both') return true;
  if (subject === 'us') return false;
  if (clause.field === 'customerView') return true;
  // "On-time delivery dropped to 88%": a fact about them in the notes, not something we did
  const businessNumber =
    clause.numbers > 0 &&
    (clause.kinds.has('business') || clause.kinds.has('issue') || clause.kinds.has('priority'));
  // "the meeting got cut to 15 minutes" is about the meeting
  const aboutThem = (businessNumber || clause.stanceHolders.length > 0) && !clause.kinds.has('filler');
  return aboutThem && !clause.kinds.has('raise') && !clause.kinds.has('oneway');
}

/** "They did not share their priorities": a refusal to engage is the absence of a view, not a view. */
function isRefusal(clause: Clause): boolean {
  return (clause.negatedKinds.has('engage') || clause.negatedKinds.has('tell')) && clause.actor !== 'us';
}

/** Distinct content cues: priorities, business terms, issues, numbers, names, stances, practices. */
/** "so she pivoted: real worry is subro leakage": after a colon, a clause without a subject goes on with the last one's */
function subjectOf(clause: Clause, previous: Clause | undefined): Actor {
  if (clause.subject !== 'none' || previous === undefined || previous.field !== clause.field)
    return clause.subject;
  return clause.table.value[clause.from - 1] === ':' ? previous.subject : 'none';
}

function specificity(clause: Clause): number {
  // tokens that start a content cue; hits come in token order, so a new token is a new start
  let tokens = 0;
  let last = -1;
  for (const hit of clause.hits) {
    if (hit.kind !== 'priority' && hit.kind !== 'business' && hit.kind !== 'issue') continue;
    if (hit.from !== last) tokens++;
    last = hit.from;
  }
  const practice = clause.kinds.has('practice') ? 1 : 0;
  // two or more concrete things named ("an overflow TPA in June") are content in their own right
  const concrete = clause.concrete >= 2 ? 1 : 0;
  return tokens + clause.numbers + clause.people.length + clause.stanceHolders.length + practice + concrete;
}

/** Specific: several content cues about something concrete, not a list of rubric words. */
function isSpecific(clause: Clause): boolean {
  if (clause.concrete + clause.numbers + clause.people.length === 0) return false;
  const score = specificity(clause);
  return (score >= 2 && clause.words >= 6) || score >= 3;
}

/** A stance held by a named party inside (the board, the CFO, another department): inside dynamics. */
function hasInsideParty(clause: Clause): boolean {
  for (const hit of clause.hits)
    if (hit.kind === 'stance' && !hit.negated && clause.stanceHolders.length > clause.people.length)
      return true;
  return false;
}

interface Dynamics {
  strong: number;
  medium: number;
}

function insideDynamics(clauses: Clause[]): Dynamics {
  const holders = new Set<string>();
  let strong = 0;
  let medium = 0;
  clauses.forEach((clause, i) => {
    for (const holder of clause.stanceHolders) holders.add(holder);
    if (clause.kinds.has('disagree') && (clause.stanceHolders.length > 0 || clause.customerMentions > 0))
      strong++;
    else if (hasInsideParty(clause)) strong++;
    if (clause.kinds.has('practice')) {
      const next = clauses[i + 1];
      const explained = clause.kinds.has('because') || (next !== undefined && next.kinds.has('because'));
      if (explained) strong++;
      else medium++;
    }
  });
  if (holders.size >= 2) strong++;
  else if (holders.size === 1) medium++;
  return { strong, medium };
}

export function scoreCustomerView(note: NoteReading): DimensionOutcome {
  const evidence: Evidence[] = [];
  const customerSide: Clause[] = [];
  let vague = 0;
  let specific = 0;
  const statements = note.statements;
  const sentenceOf = sentenceIndexes(statements);
  let opinionSentence = -1;
  statements.forEach((clause, index) => {
    // prompts are our words and next steps are plans, not their view
    if (clause.field.startsWith('prompts.') || clause.field === 'nextStep') return;
    if (isOurOpinion(clause)) opinionSentence = sentenceOf[index]!;
    const ours = opinionSentence === sentenceOf[index] || isPrescription(clause);
    if (isRefusal(clause)) {
      evidence.push(clauseEvidence(clause, 'customerView', 'lowered'));
      return;
    }
    if (ours || isHollow(clause) || isLabel(clause) || !isCountable(clause)) {
      if (clause.field === 'customerView') evidence.push(clauseEvidence(clause, 'customerView', 'lowered'));
      return;
    }
    if (!isCustomerSide(clause, subjectOf(clause, statements[index - 1]))) return;
    const deal = isDealTalk(clause);
    if (!deal) customerSide.push(clause);
    if (!deal && isSpecific(clause)) {
      specific++;
      evidence.push(clauseEvidence(clause, 'customerView', 'raised'));
    } else if (
      clause.kinds.has('vague') ||
      clause.kinds.has('tell') ||
      clause.kinds.has('stance') ||
      specificity(clause) > 0
    ) {
      vague++;
      evidence.push(clauseEvidence(clause, 'customerView', 'raised'));
    }
  });
  const dynamics = insideDynamics(customerSide);
  let level: Level = 0;
  let signals = 0;
  if (dynamics.strong > 0 || dynamics.medium >= 2) {
    level = 3;
    signals = dynamics.strong + dynamics.medium;
  } else if (specific > 0 || dynamics.medium > 0) {
    level = 2;
    signals = specific + dynamics.medium;
  } else if (vague > 0) {
    level = 1;
    signals = vague;
  }
  return {
    level,
    strength: strengthOf(signals),
    evidence: limitEvidence(evidence),
    tip: level === 3 ? null : TIPS[level],
  };
}
