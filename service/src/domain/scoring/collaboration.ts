// Collaboration: did we work it out together? One-way telling is 0; the customer answering is 1;
// ideas going back and forth with a customer contribution is 2; a plan worked out together with the
// customer's part explicit is 3. Lecturing ("they must…") without a customer contribution is 0.
import { countCues, isRoleHead, type Clause } from './clause-facts';
import { clauseEvidence, limitEvidence, strengthOf, type DimensionOutcome, type Level } from './outcome';
import { isCountable, type NoteReading } from './read-note';
import { isDealTalk, isHollow, isOurOpinion, sentenceIndexes } from './statement-kind';
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

/** "Her idea: pilot it at the depot": the idea may follow a colon in the next statement */
function namesSomething(clause: Clause, next: Clause | undefined): boolean {
  if (clause.concrete + clause.numbers > 0 || compoundNoun(clause)) return true;
  const continues =
    next !== undefined && next.field === clause.field && next.table.value[next.from - 1] === ':';
  return continues && next.concrete + next.numbers > 0;
}

/** "the cost model", "a scrap baseline": two nouns in a row name a thing, even when both are cue words */
function compoundNoun(clause: Clause): boolean {
  const pos = clause.table.pos;
  for (let i = clause.from + 1; i < clause.to; i++)
    if (pos[i] === 'NOUN' && pos[i - 1] === 'NOUN') return true;
  return false;
}

/** A contribution is an act ("she proposed", "he added") or an idea, not a noun that happens to match ("a volunteer"). */
function contributes(clause: Clause): boolean {
  for (const hit of clause.hits) {
    if (hit.kind !== 'contribute' || hit.negated) continue;
    if (clause.table.pos[hit.from] === 'VERB' || clause.table.lemma[hit.from] === 'idea') return true;
  }
  return false;
}

/** "they could move the heat-up cycles to the afternoon": a customer's suggestion in a modal */
function suggestsInModal(clause: Clause): boolean {
  if (!isTheirs(clause) || clause.concrete === 0) return false;
  const table = clause.table;
  for (let i = clause.from + 1; i < clause.to; i++) {
    const lower = table.lower[i];
    // the modal's subject is someone on their side, not a thing of theirs ("their margin could disappear")
    if ((lower === 'could' || lower === 'might') && isCustomerSubject(clause, i - 1)) return true;
  }
  return false;
}

const SUBJECT_PRONOUNS = new Set(['they', 'he', 'she']);

function isCustomerSubject(clause: Clause, index: number): boolean {
  const table = clause.table;
  if (SUBJECT_PRONOUNS.has(table.lower[index]!) || clause.people.includes(index)) return true;
  const role = table.lemmaInfo[index]!.cues?.find((cue) => cue.kind === 'role' && cue.rest.length === 0);
  if (role === undefined) return false;
  const hit = { kind: role.kind, kindIndex: role.kindIndex, from: index, to: index + 1, negated: false };
  return isRoleHead(table, hit);
}

/** We do our part of the work: an act of ours that is not telling them or the deal. */
function takesPart(clause: Clause): boolean {
  const k = clause.kinds;
  if (k.has('oneway') || k.has('engage') || k.has('vagueAction') || isDealTalk(clause)) return false;
  // a suggestion of our own beside theirs is back-and-forth, not building on it
  if (contributes(clause)) return false;
  return k.has('plan') || k.has('concreteAction');
}

/** "built on that", "extended", "refined": not "added", which is also how a new point is reported */
function refines(clause: Clause): boolean {
  return clause.hits.some(
    (hit) => hit.kind === 'buildOn' && !hit.negated && clause.table.lemma[hit.from] !== 'add',
  );
}

/** After their idea, in the same clause, "we" go on to do something: "…, we model the revenue gap". */
function ourPartFollows(clause: Clause): boolean {
  const table = clause.table;
  let idea = -1;
  for (const hit of clause.hits)
    if (hit.kind === 'contribute' && !hit.negated) {
      idea = hit.to;
      break;
    }
  if (idea < 0) return false;
  for (let i = idea; i < clause.to - 1; i++) {
    if (table.lower[i] !== 'we') continue;
    const verbAt = table.pos[i + 1] === 'AUX' ? i + 2 : i + 1;
    if (table.pos[verbAt] !== 'VERB') continue;
    // "he suggested X, we suggested Y" is two ideas side by side; "…, we presented ours" is telling
    const cues = table.lemmaInfo[verbAt]!.cues ?? [];
    if (!cues.some((cue) => cue.kind === 'contribute' || cue.kind === 'oneway')) return true;
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
  let lastTheirIdea = -1;
  let spokeBefore = false;
  const statements = note.statements;
  const sentenceOf = sentenceIndexes(statements);
  let opinionSentence = -1;
  statements.forEach((clause, index) => {
    if (clause.field.startsWith('prompts.') || clause.field === 'nextStep') return;
    if (clause.stuffed || clause.repeated || isHollow(clause)) {
      if (clause.kinds.has('buzz')) evidence.push(clauseEvidence(clause, 'collaboration', 'lowered'));
      return;
    }
    if (!isCountable(clause)) return;
    // "Our take: the CFO should be worried about FX": our guess at them, not an exchange with them
    if (isOurOpinion(clause)) opinionSentence = sentenceOf[index]!;
    if (opinionSentence === sentenceOf[index]) return;
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
        suggestsInModal(clause));
    if (jointPlan) jointPlans++;
    if (theirIdea) {
      theirIdeas++;
      lastTheirIdea = index;
      // "Treasurer proposed a pilot, we model the revenue gap": our part of their idea, in one breath
      if (ourPartFollows(clause)) ourBuilds++;
      // "Nadia built on that": they refine what we put forward
      if (spokeBefore && refines(clause)) ourBuilds++;
    }
    if (clause.subject === 'us') spokeBefore = true;
    if (jointPlan || theirIdea) {
      evidence.push(clauseEvidence(clause, 'collaboration', 'raised'));
    } else if (clause.subject === 'us' && (contributes(clause) || clause.kinds.has('buildOn'))) {
      ourIdeas++;
      // building on their idea: what we add after they put theirs forward
      if (theirIdeas > 0 && substantive) {
        ourBuilds++;
        evidence.push(clauseEvidence(clause, 'collaboration', 'raised'));
      }
    } else if (
      lastTheirIdea >= 0 &&
      index - lastTheirIdea <= 2 &&
      clause.subject === 'us' &&
      takesPart(clause) &&
      substantive
    ) {
      // "Sofia suggested a trial; we would model emissions and cost for both paths"
      ourBuilds++;
      evidence.push(clauseEvidence(clause, 'collaboration', 'raised'));
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
