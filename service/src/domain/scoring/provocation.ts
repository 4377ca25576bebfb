// Provocation: did we bring an outside-in, forward-looking issue, and did it land?
// Prompts speak first (a library prompt is specific by construction; an ad-hoc one must read as a
// specific, forward-looking issue); the summary can carry a provocation of its own ("I raised…").
import { countCues, type Clause } from './clause-facts';
import {
  clauseEvidence,
  cueEvidence,
  limitEvidence,
  strengthOf,
  type DimensionOutcome,
  type Level,
} from './outcome';
import { isCountable, promptTextField, type NoteReading } from './read-note';
import type { Evidence, ScoringPrompt } from './types';

const TIPS: Record<Exclude<Level, 3>, string> = {
  0: 'Raise an outside-in issue they are not yet addressing (pick one of the suggested prompts): this note covers only status, pricing or our product.',
  1: 'Make the provocation specific and forward-looking: name the coming change and what it will do to their business, instead of asking what keeps them up.',
  2: 'Record how the provocation landed: was it new to them, or did it redirect the talk to an issue they care about?',
};

const LANDING_REACTIONS = new Set(['new_to_them', 'redirected']);

type Kind = 'specific' | 'generic' | 'backward' | 'none';

/** A clause where we raise something, judged with the clause after it ("Brought up X: it will…"). */
function classifyRaise(clause: Clause, next: Clause | undefined): Kind {
  const k = clause.kinds;
  if (clause.actor === 'customer') return 'none';
  const lecturing = k.has('oneway') && k.has('lecture');
  const raising = k.has('raise') || lecturing;
  const asking = k.has('ask') || k.has('raise');
  if (k.has('generic') && asking && !k.has('issue')) return 'generic';
  if (raising) {
    // what the customer said next ("Sofia said …") is their view, not part of our provocation
    const window = next && next.field === clause.field && !next.kinds.has('tell') ? [clause, next] : [clause];
    const has = (kind: 'issue' | 'business' | 'forward' | 'product') => window.some((c) => c.kinds.has(kind));
    const businessCues = window.reduce((n, c) => n + countCues(c, 'business'), 0);
    const productCues = window.reduce((n, c) => n + countCues(c, 'product'), 0);
    // a pitch ("presented our platform, it will cut their costs") is not an outside-in issue
    if ((has('issue') || has('business')) && has('forward') && productCues <= businessCues) return 'specific';
  }
  if (k.has('generic') && asking) return 'generic';
  return k.has('backward') ? 'backward' : 'none';
}

/** An ad-hoc prompt's wording: a specific, forward-looking issue, or a generic question. */
function adHocIsSpecific(clauses: Clause[]): boolean {
  const words = clauses.reduce((n, c) => n + c.words, 0);
  const generic = clauses.some((c) => c.kinds.has('generic'));
  const issue = clauses.some((c) => c.kinds.has('issue') || c.kinds.has('business'));
  const forward = clauses.some((c) => c.kinds.has('forward'));
  return words >= 8 && issue && (forward || !generic);
}

function landedInText(clauses: Clause[]): Clause | undefined {
  return clauses.find(
    (c) =>
      isCountable(c) &&
      (c.field === 'summary' || c.field === 'customerView') &&
      (c.kinds.has('landed') || (c.negatedKinds.has('unaware') && c.actor !== 'us')),
  );
}

function promptLevel(prompt: ScoringPrompt, clauses: Clause[]): Level {
  const base: Level = prompt.fromLibrary || adHocIsSpecific(clauses) ? 2 : 1;
  if (base === 2 && prompt.reaction && LANDING_REACTIONS.has(prompt.reaction)) return 3;
  return base;
}

export function scoreProvocation(note: NoteReading): DimensionOutcome {
  const evidence: Evidence[] = [];
  let level: Level = 0;
  let signals = 0;
  const reacted = note.input.prompts.some((p) => p.reaction !== undefined);

  note.input.prompts.forEach((prompt, index) => {
    const clauses = note.byField.get(promptTextField(index)) ?? [];
    const promptLvl = promptLevel(prompt, clauses);
    level = Math.max(level, promptLvl) as Level;
    signals++;
    for (const clause of clauses)
      evidence.push(clauseEvidence(clause, 'provocation', promptLvl >= 2 ? 'raised' : 'lowered'));
  });

  let textLevel: Level = 0;
  for (const field of ['summary', 'ideas'] as const) {
    const clauses = note.byField.get(field) ?? [];
    clauses.forEach((clause, i) => {
      if (!isCountable(clause)) return;
      if (clause.negatedKinds.has('raise') && clause.actor !== 'customer') {
        evidence.push(clauseEvidence(clause, 'provocation', 'lowered'));
        return;
      }
      const kind = classifyRaise(clause, clauses[i + 1]);
      if (kind === 'specific') {
        textLevel = 2;
        signals++;
        evidence.push(clauseEvidence(clause, 'provocation', 'raised'));
      } else if (kind !== 'none') {
        textLevel = Math.max(textLevel, 1) as Level;
        evidence.push(clauseEvidence(clause, 'provocation', 'lowered'));
      }
    });
  }

  // The text says it landed ("new to them", "they had not considered it"): credit a provocation whose
  // reaction was not recorded; a recorded reaction is the rep's own, more deliberate answer.
  const landed = landedInText(note.clauses);
  if (landed && !reacted && Math.max(level, textLevel) >= 2) {
    level = 3;
    const hit = landed.hits.find((h) => h.kind === 'landed' || h.kind === 'unaware');
    evidence.push(
      hit
        ? cueEvidence(landed, hit, 'provocation', 'raised')
        : clauseEvidence(landed, 'provocation', 'raised'),
    );
  }
  level = Math.max(level, textLevel) as Level;

  if (level === 0) {
    for (const clause of note.clauses) {
      const hit = clause.hits.find((h) => h.kind === 'status');
      if (hit && clause.field !== 'nextStep')
        evidence.push(cueEvidence(clause, hit, 'provocation', 'lowered'));
    }
  }
  return {
    level,
    strength: strengthOf(signals),
    evidence: limitEvidence(evidence),
    tip: level === 3 ? null : TIPS[level],
  };
}
