// Collaboration: did we work it out together? One-way telling is 0; the customer answering is 1;
// ideas going back and forth with a customer contribution is 2; a plan worked out together with the
// customer's part explicit is 3. Lecturing ("they must…") without a customer contribution is 0.
import { countCues, type Clause } from './clause-facts';
import { clauseEvidence, limitEvidence, strengthOf, type DimensionOutcome, type Level } from './outcome';
import { isCountable, type NoteReading } from './read-note';
import { isDealTalk, isHollow } from './statement-kind';
import type { Evidence } from './types';
import { kindSet } from './word-info';

const TIPS: Record<Exclude<Level, 3>, string> = {
  0: 'Ask how they see it and write down what they added: the note reads as one-way telling.',
  1: 'Note an idea the customer contributed and how you built on it: so far they only answered questions.',
  2: 'Write down the plan you worked out together and which part of it came from them.',
};
const LECTURE_TIP =
  'Replace telling them what they must do with a question about how they see it, and note their answer: the note reads as a lecture.';

const PRODUCT = kindSet('product');
const BUSINESS = kindSet('business');

const isOurs = (clause: Clause) =>
  clause.actor === 'us' || (clause.actor === 'none' && clause.field === 'summary');
const isTheirs = (clause: Clause) => clause.actor === 'customer' || clause.actor === 'both';

function isLecture(clause: Clause): boolean {
  return isOurs(clause) && clause.kinds.has('oneway') && clause.kinds.has('lecture');
}

function productHeavy(clause: Clause): boolean {
  return countCues(clause, PRODUCT) > countCues(clause, BUSINESS);
}

/** "Her idea: pilot it at the depot": the idea may follow a colon in the next statement */
function namesSomething(clause: Clause, next: Clause | undefined): boolean {
  if (clause.concrete + clause.numbers > 0) return true;
  const continues =
    next !== undefined && next.field === clause.field && next.table.value[next.from - 1] === ':';
  return continues && next.concrete + next.numbers > 0;
}

/** A contribution is an act ("she proposed", "he added") or an idea, not a noun that happens to match ("a volunteer"). */
function contributes(clause: Clause): boolean {
  for (const hit of clause.hits) {
    if (hit.kind !== 'contribute' || hit.negated) continue;
    if (clause.table.pos[hit.from] === 'VERB' || clause.table.lemma[hit.from] === 'idea') return true;
  }
  return false;
}

/** "…, her idea was to start with the organic line": an idea their possessive gives to them */
function isTheirIdea(clause: Clause): boolean {
  const { table } = clause;
  for (const hit of clause.hits) {
    if (hit.kind !== 'contribute' || hit.negated || table.lemma[hit.from] !== 'idea') continue;
    const owner = table.lower[hit.from - 1];
    if (owner === 'her' || owner === 'his' || owner === 'their') return true;
  }
  return false;
}

/** "they could move the heat-up cycles to the afternoon": a customer's suggestion in a modal */
function suggestsInModal(clause: Clause): boolean {
  if (!isTheirs(clause) || clause.concrete === 0) return false;
  for (let i = clause.from; i < clause.to; i++) {
    const lower = clause.table.lower[i];
    if (lower === 'could' || lower === 'might') return true;
  }
  return false;
}

/** A plan or idea arrived at together ("together we sketched a pilot", "we agreed on a triage"), about their work, not the deal. */
function isJointPlan(clause: Clause): boolean {
  if (!clause.kinds.has('joint') || isDealTalk(clause) || clause.kinds.has('vagueAction')) return false;
  return clause.kinds.has('plan') || clause.kinds.has('contribute');
}

/** The customer answered with a view of their own, not only a reaction. */
function answeredWithView(clause: Clause): boolean {
  const speaks = clause.kinds.has('tell') || clause.kinds.has('stance') || clause.kinds.has('ask');
  return isTheirs(clause) && speaks && clause.concrete > 0 && !isDealTalk(clause);
}

export function scoreCollaboration(note: NoteReading, customerAnswered: boolean): DimensionOutcome {
  const evidence: Evidence[] = [];
  let theirIdeas = 0;
  let ourIdeas = 0;
  let ourBuilds = 0;
  let jointPlans = 0;
  let exchanges = 0;
  let lectures = 0;
  const statements = note.statements;
  statements.forEach((clause, index) => {
    if (clause.field.startsWith('prompts.') || clause.field === 'nextStep') return;
    if (clause.stuffed || clause.repeated || isHollow(clause)) {
      if (clause.kinds.has('buzz')) evidence.push(clauseEvidence(clause, 'collaboration', 'lowered'));
      return;
    }
    if (!isCountable(clause)) return;
    const negatedWork = clause.negatedKinds.has('contribute') || clause.negatedKinds.has('joint');
    if (negatedWork || (clause.negatedKinds.has('engage') && clause.field === 'ideas')) {
      evidence.push(clauseEvidence(clause, 'collaboration', 'lowered'));
      return;
    }
    if (isLecture(clause)) {
      lectures++;
      evidence.push(clauseEvidence(clause, 'collaboration', 'lowered'));
      return;
    }
    // an idea or plan counts when it says what it is: "Joint idea. Co-created plan." says nothing
    const substantive = namesSomething(clause, statements[index + 1]);
    const jointPlan = substantive && isJointPlan(clause);
    const theirIdea =
      substantive &&
      ((contributes(clause) && (isTheirs(clause) || clause.contributors.length > 0)) ||
        isTheirIdea(clause) ||
        suggestsInModal(clause));
    if (jointPlan) jointPlans++;
    if (theirIdea) theirIdeas++;
    if (jointPlan || theirIdea) {
      evidence.push(clauseEvidence(clause, 'collaboration', 'raised'));
    } else if (clause.subject === 'us' && (contributes(clause) || clause.kinds.has('buildOn'))) {
      ourIdeas++;
      // building on their idea: what we add after they put theirs forward
      if (theirIdeas > 0 && substantive) {
        ourBuilds++;
        evidence.push(clauseEvidence(clause, 'collaboration', 'raised'));
      }
    } else if ((clause.kinds.has('ask') && !productHeavy(clause)) || answeredWithView(clause)) {
      exchanges++;
    }
  });
  // a customer idea worked into a joint plan ("Priya proposed …; together we sketched …") or built on
  // by us ("…; we added a cost model") is the top level; ideas side by side are back-and-forth
  let level: Level = 0;
  let signals = 0;
  if (theirIdeas > 0 && (jointPlans > 0 || ourBuilds > 0)) {
    level = 3;
    signals = theirIdeas + jointPlans + ourBuilds;
  } else if (theirIdeas > 0 || jointPlans > 0) {
    level = 2;
    signals = theirIdeas + jointPlans + ourIdeas;
  } else if (customerAnswered || exchanges > 0) {
    level = 1;
    signals = exchanges + ourIdeas + (customerAnswered ? 1 : 0);
  }
  if (lectures > 0 && theirIdeas === 0) level = 0;
  let tip: string | null = level === 3 ? null : TIPS[level];
  if (lectures > 0 && level < 3) tip = LECTURE_TIP;
  return { level, strength: strengthOf(signals), evidence: limitEvidence(evidence), tip };
}
