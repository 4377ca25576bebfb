// Collaboration: did we work it out together? One-way telling is 0; the customer answering is 1;
// ideas going back and forth with a customer contribution is 2; a plan worked out together with the
// customer's part explicit is 3. Lecturing ("they must…") without a customer contribution is 0.
import { countCues, type Clause } from './clause-facts';
import { clauseEvidence, limitEvidence, strengthOf, type DimensionOutcome, type Level } from './outcome';
import { isCountable, type NoteReading } from './read-note';
import {
  isArrangement,
  isDealTalk,
  isHollow,
  isOurLecture,
  isOurOpinion,
  isPrescription,
  sentenceIndexes,
} from './statement-kind';
import { isPastForm } from './step-segments';
import type { Evidence } from './types';

const TIPS: Record<Exclude<Level, 3>, string> = {
  0: 'Ask how they see it and write down what they added: the note reads as one-way telling.',
  1: 'Note an idea the customer contributed and how you built on it: so far they only answered questions.',
  2: 'Write down the plan you worked out together and which part of it came from them.',
};
const LECTURE_TIP =
  'Replace telling them what they must do with a question about how they see it, and note their answer: the note reads as a lecture.';

const isTheirs = (clause: Clause) => clause.actor === 'customer' || clause.actor === 'both';

function productHeavy(clause: Clause): boolean {
  return countCues(clause, 'product') > countCues(clause, 'business');
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

/** "her idea", "Tom's suggestion": an idea their side owns, whoever the clause's subject is */
const THEIR_POSSESSIVES = new Set(['her', 'his', 'their']);

function theirIdeaNoun(clause: Clause): boolean {
  const table = clause.table;
  for (const hit of clause.hits) {
    if (hit.kind !== 'contribute' || hit.negated || table.pos[hit.from] !== 'NOUN') continue;
    const before = table.lower[hit.from - 1]!;
    const named = before === "'s" && clause.people.includes(hit.from - 2);
    if (THEIR_POSSESSIVES.has(before) || named) return true;
  }
  return false;
}

/** verbs by which someone puts forward how to go about it: "he wants to try it on two lines first" */
const PREFERRING = new Set(['want', 'prefer', 'like']);
/** what is being discussed: a preference about doing "it" is about how to go about the idea */
const THE_MATTER = new Set(['it', 'this', 'that', 'our']);
/** wanting to see or hear about it is interest, not a proposal */
const TAKING_IN = new Set([
  'see',
  'hear',
  'know',
  'learn',
  'understand',
  'look',
  'get',
  'have',
  'read',
  'watch',
]);

/**
 * The customer proposing how to proceed with the matter at hand: "wants to try it on two lines
 * first", not a goal of their own ("the hospital wants to reduce overtime") or interest ("wants to see it").
 */
function proposesApproach(clause: Clause): boolean {
  if (!isTheirs(clause) || clause.concrete === 0 || isDealTalk(clause)) return false;
  const table = clause.table;
  for (let i = clause.from; i + 3 < clause.to; i++) {
    if (!PREFERRING.has(table.lemma[i]!) || table.lower[i + 1] !== 'to' || table.pos[i + 2] !== 'VERB')
      continue;
    if (!TAKING_IN.has(table.lemma[i + 2]!) && THE_MATTER.has(table.lower[i + 3]!)) return true;
  }
  return false;
}

/** "we", "I": a statement in which we take on our part of their idea */
const WE = new Set(['we', 'i']);
/** a modal takes on something to come, whatever its form: "we would model", "we could size" */
const MODALS = new Set(['will', "'ll", 'would', "'d", 'can', 'could', 'shall', 'should', 'might', 'may']);
/** how many statements after their idea our part may come */
const BUILD_WINDOW = 2;

/**
 * Our part of their idea, taken on rather than done: "we model the revenue gap", "we would model
 * emissions for both paths", "we can do the load model" (a present, future or modal verb after "we"
 * from `from` on; "we sent the brochure" is something done, not a part of their plan).
 */
function takesOnOurPart(clause: Clause, from: number): boolean {
  const table = clause.table;
  if (isDealTalk(clause) || productHeavy(clause)) return false;
  let names = false;
  for (let i = from; i < clause.to; i++)
    names ||= clause.table.pos[i] === 'NOUN' || clause.table.pos[i] === 'NUM';
  if (!names) return false;
  for (let i = from; i + 1 < clause.to; i++) {
    if (!WE.has(table.lower[i]!)) continue;
    const next = i + 1;
    const pos = table.pos[next];
    const verb = pos === 'VERB' || pos === 'AUX' || (pos === 'NOUN' && table.pos[next + 1] === 'DET');
    // "we explain how the connector works" is telling them, not taking on a part
    const telling = (table.lemmaInfo[next]!.cues ?? []).some((cue) => cue.kind === 'oneway');
    const tense = MODALS.has(table.lower[next]!) || !isPastForm(clause, next);
    if (verb && !telling && tense) return true;
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

/**
 * A plan or idea arrived at together ("together we sketched a pilot", "we agreed on a triage",
 * "agreed to go through the ledger together"), about their work, not the deal or a date booked.
 */
function isJointPlan(clause: Clause): boolean {
  if (!clause.kinds.has('joint') || isDealTalk(clause) || clause.kinds.has('vagueAction')) return false;
  if (isArrangement(clause)) return false;
  return clause.kinds.has('plan') || clause.kinds.has('contribute') || nouns(clause) >= 2;
}

/** what a clause names: "go through the returns ledger" names two things to work on */
function nouns(clause: Clause): number {
  let count = 0;
  for (let i = clause.from; i < clause.to; i++) if (clause.table.pos[i] === 'NOUN') count++;
  return count;
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
  let lastIdea = -1;
  const statements = note.statements;
  const sentenceOf = sentenceIndexes(statements);
  let opinionSentence = -1;
  statements.forEach((clause, index) => {
    if (clause.field.startsWith('prompts.') || clause.field === 'nextStep') return;
    // "My view: the CFO should worry…": a stance we put in their mouth is no exchange with them
    if (isOurOpinion(clause)) opinionSentence = sentenceOf[index]!;
    if (opinionSentence === sentenceOf[index]) return;
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
    if (isOurLecture(clause)) {
      lectures++;
      evidence.push(clauseEvidence(clause, 'collaboration', 'lowered'));
      return;
    }
    if (isPrescription(clause)) return;
    // an idea or plan counts when it says what it is: "Joint idea. Co-created plan." says nothing
    const substantive = namesSomething(clause, statements[index + 1]);
    const jointPlan = substantive && isJointPlan(clause);
    const theirIdea =
      substantive &&
      ((contributes(clause) && (isTheirs(clause) || clause.contributors.length > 0)) ||
        theirIdeaNoun(clause) ||
        suggestsInModal(clause) ||
        proposesApproach(clause));
    if (jointPlan) jointPlans++;
    if (theirIdea) theirIdeas++;
    // our part of their idea, in the same statement ("she proposed X, we model Y") or just after it
    const afterIdea =
      lastIdea >= 0 && index - lastIdea <= BUILD_WINDOW && statements[lastIdea]!.field === clause.field;
    if ((theirIdea || afterIdea) && takesOnOurPart(clause, theirIdea ? clause.from + 1 : clause.from))
      ourBuilds++;
    if (theirIdea) lastIdea = index;
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
