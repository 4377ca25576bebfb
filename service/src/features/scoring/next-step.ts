// Next step: a concrete way forward. Vague or one-sided and undated is 1; a concrete action with a
// date or with the customer taking part is 2; dated, with named customer people committing to their
// part, is 3. "No next step was set" is none, however many next-step words it has.
// Steps are read in segments (step-segments.ts): everything in the next-step field, and in the
// summary or ideas what reads as a step: after a "Next step" heading, in the future tense, dated and
// not in the past, an imperative ("Send deck."), or the other half of a step ("…; we bring the model").
import type { Clause } from './clause-facts';
import { limitEvidence, spanEvidence, strengthOf, type DimensionOutcome, type Level } from './outcome';
import { isCountable, type NoteReading } from './read-note';
import { segmentsOf, type Segment } from './step-segments';
import type { Evidence } from './types';

const TIPS: Record<Exclude<Level, 3>, string> = {
  0: 'Agree a next step with a date and write it down: the note has none.',
  1: 'Make the next step concrete: what happens, who on their side takes part, and by when.',
  2: 'Get a named person on their side to commit to their part of the next step, and put a date on it.',
};

/** Words that open a heading over the next steps: "Next:", "Next steps:", "Action items:", "To do:". */
const HEADING_WORDS = new Set(['next', 'action', 'actions', 'todo', 'to-do', 'follow-ups', 'follow']);
const HEADING_LENGTH = 3;

/** A next-step heading on its own ("Next:", "Next step:", "Next step in there somewhere:"). */
function isHeading(clause: Clause): boolean {
  const table = clause.table;
  const first = table.lower[clause.from]!;
  const toDo = first === 'to' && table.lower[clause.from + 1] === 'do';
  if (!HEADING_WORDS.has(first) && !HEADING_WORDS.has(table.lemma[clause.from]!) && !toDo) return false;
  const colon = table.value[clause.to] === ':';
  return (clause.words <= HEADING_LENGTH && (colon || first === 'next')) || (first === 'next' && colon);
}

function isAction(segment: Segment): boolean {
  return segment.kinds.has('concreteAction') || segment.kinds.has('vagueAction') || segment.meeting;
}

/** Does a segment of the summary or ideas read as a step? */
function readsAsStep(segment: Segment, afterStep: boolean): boolean {
  if (segment.headed) return true;
  // "Booked a follow-up for Thursday", "agreed to meet on the 10th": arranged now, happening later
  if (segment.past) return segment.scheduled && segment.date === 2;
  if (segment.future && isAction(segment) && (segment.actor !== 'none' || segment.futureFirst)) return true;
  const someoneActs = segment.actor !== 'none' && segment.leadVerb;
  if (segment.date === 2 && !segment.reported && (isAction(segment) || someoneActs)) return true;
  if (segment.imperative) return true;
  // the other half of a step: "…; we bring the gap model", "…and we build the lapse model"
  return afterStep && segment.hasVerb && segment.actor !== 'none';
}

/** "see above", "tbd we'll see": filler where a step should be */
function isFillerStep(segment: Segment): boolean {
  return (segment.kinds.has('filler') && !isAction(segment) && segment.words <= 4) || onlyStepWords(segment);
}

/** "Next step next step follow up": next-step words said over and over, and nothing else */
function onlyStepWords(segment: Segment): boolean {
  const { clause } = segment;
  let cueWords = 0;
  let cues = 0;
  let last = -1;
  for (const hit of clause.hits) {
    if (hit.kind !== 'nextCue' || hit.from < segment.from || hit.from >= segment.to || hit.from <= last)
      continue;
    cues++;
    cueWords += hit.to - hit.from;
    last = hit.to - 1;
  }
  return cues >= 2 && cueWords >= segment.words;
}

interface Step {
  segment: Segment;
  level: Level;
  dated: boolean;
  commits: boolean;
}

function judge(segment: Segment, dated: boolean, customerNamedInNote: boolean): Step {
  const vagueCue =
    segment.kinds.has('vagueAction') && !segment.kinds.has('concreteAction') && !segment.meeting;
  const vagueOnly = vagueCue || segment.vagueVerb;
  const concrete = !vagueOnly && (isAction(segment) || segment.hasNoun || segment.hasVerb);
  const theirs = segment.actor === 'customer' || segment.actor === 'both';
  const participation = segment.named > 0 || theirs;
  let level: Level = 1;
  if ((concrete && (dated || participation)) || (vagueOnly && dated && participation)) level = 2;
  // "she said she would send the list": a promise in passing, not an agreed step, unless dated
  if (segment.reported && !dated) level = 1;
  // named customer people commit: one of them acts in the step, or meets with us in it
  const named = segment.named > 0 || (theirs && customerNamedInNote);
  const commits = concrete && named && ((theirs && segment.hasVerb) || segment.meeting);
  return { segment, level, dated, commits };
}

function segmentEvidence(segment: Segment, effect: Evidence['effect']): Evidence {
  return spanEvidence(segment.clause, segment.from, segment.to, 'nextStep', effect);
}

export function scoreNextStep(note: NoteReading): DimensionOutcome {
  const evidence: Evidence[] = [];
  const stepField = note.byField.get('nextStep') ?? [];
  const hasStepField = stepField.some(isCountable);
  const customerNamedInNote = note.clauses.some((c) => c.customerMentions > 0);
  const steps: Step[] = [];
  let refused = false;
  for (const field of ['nextStep', 'summary', 'ideas'] as const) {
    const clauses = note.byField.get(field) ?? [];
    // the note's next-step date dates the step wherever it is written, if the step field is empty
    const fieldDated = note.hasUsableNextStepDate && (field === 'nextStep' || !hasStepField);
    let afterStep = false;
    for (const clause of clauses) {
      if (isHeading(clause)) {
        afterStep = true;
        continue;
      }
      const countable = isCountable(clause);
      let inStep = false;
      for (const segment of segmentsOf(clause)) {
        const step = field === 'nextStep' || readsAsStep(segment, afterStep);
        afterStep = false;
        if (segment.refusal) {
          refused = true;
          evidence.push(segmentEvidence(segment, 'lowered'));
          continue;
        }
        if (!step) continue;
        inStep = true;
        afterStep = true;
        if (!countable || segment.words === 0 || isFillerStep(segment)) {
          evidence.push(segmentEvidence(segment, 'lowered'));
          continue;
        }
        const judged = judge(segment, segment.date === 2 || fieldDated, customerNamedInNote);
        steps.push(judged);
        evidence.push(segmentEvidence(segment, judged.level >= 2 ? 'raised' : 'lowered'));
      }
      afterStep = inStep;
    }
  }
  let best: Level = 0;
  let commits = 0;
  let dated = false;
  for (const step of steps) {
    best = Math.max(best, step.level) as Level;
    dated ||= step.dated;
    if (step.commits && step.dated) commits++;
  }
  if (best === 2 && dated && commits > 0) best = 3;
  // "No next step set; they will call us if needed" is a refusal with a courtesy attached
  if (refused && best < 2) best = 0;
  const signals = best === 3 ? commits + 1 : best;
  return {
    level: best,
    strength: strengthOf(signals),
    evidence: limitEvidence(evidence),
    tip: best === 3 ? null : TIPS[best],
  };
}
