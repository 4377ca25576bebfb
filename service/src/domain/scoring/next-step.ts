// Next step: a concrete way forward. Vague or one-sided and undated is 1; a concrete action with a
// date or with the customer taking part is 2; dated, with named customer people committing to their
// part of a joint step, is 3. "No next step was set" is none, however many next-step words it has.
import type { Clause } from './clause-facts';
import { clauseEvidence, limitEvidence, strengthOf, type DimensionOutcome, type Level } from './outcome';
import { isCountable, type NoteReading } from './read-note';
import type { Evidence } from './types';

const TIPS: Record<Exclude<Level, 3>, string> = {
  0: 'Agree a next step with a date and write it down: the note has none.',
  1: 'Make the next step concrete: what happens, who on their side takes part, and by when.',
  2: 'Get a named person on their side to commit to their part of the next step, and put a date on it.',
};

/** Actions that bring both sides together rather than one side sending something. */
const MEETING_WORDS = new Set([
  'meet',
  'meeting',
  'session',
  'workshop',
  'review',
  'kick',
  'kick-off',
  'joint',
  'test',
]);

/** A next-step heading on its own ("Next:", "Next step:") introduces the clause after it. */
function isHeading(clause: Clause): boolean {
  return clause.words <= 2 && clause.table.lemma[clause.from] === 'next';
}

function candidates(note: NoteReading): Clause[] {
  const found: Clause[] = [...(note.byField.get('nextStep') ?? [])];
  for (const field of ['summary', 'ideas'] as const) {
    const clauses = note.byField.get(field) ?? [];
    clauses.forEach((clause, i) => {
      const afterHeading = i > 0 && isHeading(clauses[i - 1]!);
      const datedAction =
        clause.date === 2 && clause.kinds.has('concreteAction') && clause.kinds.has('commit');
      const negatedStep = clause.negatedKinds.has('nextCue');
      if (afterHeading || datedAction || negatedStep || clause.kinds.has('nextCue')) found.push(clause);
    });
  }
  return found;
}

function isJointAction(clause: Clause): boolean {
  const lemmas = clause.table.lemma;
  for (let i = clause.from; i < clause.to; i++) if (MEETING_WORDS.has(lemmas[i]!)) return true;
  return clause.actor === 'both' || clause.kinds.has('us') || clause.kinds.has('joint');
}

export function scoreNextStep(note: NoteReading): DimensionOutcome {
  const evidence: Evidence[] = [];
  let best: Level = 0;
  let dated = false;
  let customerCommits = 0;
  let joint = false;
  let refused = false;
  for (const clause of candidates(note)) {
    if (isHeading(clause)) continue;
    const refusal = clause.negatedKinds.has('nextCue') || clause.negatedKinds.has('concreteAction');
    if (refusal || !isCountable(clause)) {
      refused ||= refusal;
      evidence.push(clauseEvidence(clause, 'nextStep', 'lowered'));
      continue;
    }
    const concrete = clause.kinds.has('concreteAction');
    const vague = clause.kinds.has('vagueAction');
    if (!concrete && !vague) continue;
    const clauseDated = clause.date === 2 || (clause.field === 'nextStep' && note.hasUsableNextStepDate);
    const participation = clause.customerMentions > 0;
    const theirSubject = clause.actor === 'customer' || clause.actor === 'both';
    const commits = participation && theirSubject && (clause.kinds.has('commit') || concrete);
    let level: Level = 1;
    if ((concrete && (clauseDated || participation)) || (vague && participation)) level = 2;
    best = Math.max(best, level) as Level;
    dated ||= clauseDated;
    joint ||= isJointAction(clause);
    if (commits) customerCommits++;
    evidence.push(clauseEvidence(clause, 'nextStep', level >= 2 ? 'raised' : 'lowered'));
  }
  if (best === 2 && dated && joint && customerCommits > 0) best = 3;
  // "No next step set; they will call us if needed" is a refusal with a courtesy attached
  if (refused && best < 2) best = 0;
  const signals = best === 3 ? customerCommits + 1 : best;
  return {
    level: best,
    strength: strengthOf(signals),
    evidence: limitEvidence(evidence),
    tip: best === 3 ? null : TIPS[best],
  };
}
