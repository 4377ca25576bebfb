// Collaboration: did we work it out together? One-way telling is 0; the customer answering is 1;
// ideas going back and forth with a customer contribution is 2; a plan worked out together with the
// customer's part explicit is 3. Lecturing ("they must…") without a customer contribution is 0.
import { countCues, type Clause } from './clause-facts';
import { clauseEvidence, limitEvidence, strengthOf, type DimensionOutcome, type Level } from './outcome';
import { isCountable, type NoteReading } from './read-note';
import type { Evidence } from './types';

const TIPS: Record<Exclude<Level, 3>, string> = {
  0: 'Ask how they see it and write down what they added: the note reads as one-way telling.',
  1: 'Note an idea the customer contributed and how you built on it: so far they only answered questions.',
  2: 'Write down the plan you worked out together and which part of it came from them.',
};
const LECTURE_TIP =
  'Replace telling them what they must do with a question about how they see it, and note their answer: the note reads as a lecture.';

const isOurs = (clause: Clause) =>
  clause.actor === 'us' || (clause.actor === 'none' && clause.field === 'summary');
const isTheirs = (clause: Clause) => clause.actor === 'customer' || clause.actor === 'both';

function isLecture(clause: Clause): boolean {
  return isOurs(clause) && clause.kinds.has('oneway') && clause.kinds.has('lecture');
}

function productHeavy(clause: Clause): boolean {
  return countCues(clause, 'product') > countCues(clause, 'business');
}

/** A plan or idea arrived at together ("together we sketched a pilot", "we agreed on a triage"). */
function isJointPlan(clause: Clause): boolean {
  return clause.kinds.has('joint') && (clause.kinds.has('plan') || clause.kinds.has('contribute'));
}

export function scoreCollaboration(note: NoteReading, customerAnswered: boolean): DimensionOutcome {
  const evidence: Evidence[] = [];
  let theirIdeas = 0;
  let ourIdeas = 0;
  let ourBuilds = 0;
  let jointPlans = 0;
  let exchanges = 0;
  let lectures = 0;
  for (const clause of note.statements) {
    if (clause.field.startsWith('prompts.') || clause.field === 'nextStep') continue;
    if (clause.stuffed || clause.repeated) {
      if (clause.kinds.has('buzz')) evidence.push(clauseEvidence(clause, 'collaboration', 'lowered'));
      continue;
    }
    if (!isCountable(clause)) continue;
    const negatedWork = clause.negatedKinds.has('contribute') || clause.negatedKinds.has('joint');
    if (negatedWork || (clause.negatedKinds.has('engage') && clause.field === 'ideas')) {
      evidence.push(clauseEvidence(clause, 'collaboration', 'lowered'));
      continue;
    }
    if (isLecture(clause)) {
      lectures++;
      evidence.push(clauseEvidence(clause, 'collaboration', 'lowered'));
      continue;
    }
    const jointPlan = isJointPlan(clause);
    const theirIdea = (clause.kinds.has('contribute') && isTheirs(clause)) || clause.contributors.length > 0;
    if (jointPlan) jointPlans++;
    if (theirIdea) theirIdeas++;
    if (jointPlan || theirIdea) {
      evidence.push(clauseEvidence(clause, 'collaboration', 'raised'));
    } else if (clause.kinds.has('contribute') && clause.actor === 'us') {
      ourIdeas++;
      if (clause.kinds.has('buildOn')) ourBuilds++;
    } else if (clause.kinds.has('ask') && !productHeavy(clause)) {
      exchanges++;
    }
  }
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
