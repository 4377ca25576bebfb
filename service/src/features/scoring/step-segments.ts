// Next steps are often written inside a longer clause ("…he gets the data by the 30th and we build
// the model"), as two clauses ("He books the site visit; we bring the cost model") or as a noun phrase
// ("Design review with Ana, their CTO, on the 14th"). This module cuts a clause into segments at a
// conjunction that starts a new subject and at an inline "next step", and reads what the next-step
// scorer needs from each: who acts, tense, whether it is an action, a meeting, dated, negated.
import type { Clause } from './clause-facts';
import { hitKinds } from './cue-matcher';
import { datePrecision, type DatePrecision } from './dates';
import * as wordInfo from './word-info';
import type { KindSet } from './word-info';

// Imported bindings are getter calls once compiled to CommonJS (tsx, jest); these are read per token.
const { W_DISCOURSE, W_PRONOUN, W_ROLE, W_US, wordClass } = wordInfo;

export type StepActor = 'us' | 'customer' | 'both' | 'none';

export interface Segment {
  clause: Clause;
  /** token indexes, `to` exclusive */
  from: number;
  to: number;
  /** cue kinds outside a negation's scope */
  kinds: KindSet;
  /** a negated "next step", "follow-up", meeting or action: a way forward refused or not set */
  refusal: boolean;
  actor: StepActor;
  /** customer people named in the segment (names, or roles heading their phrase) */
  named: number;
  date: DatePrecision;
  hasVerb: boolean;
  hasNoun: boolean;
  /** the first verb is in the past tense and nothing marks the future */
  past: boolean;
  /** the first verb arranges something: booked, scheduled, set up, agreed */
  scheduled: boolean;
  /** will, 'll, shall, would, going to, or "Karl to send" */
  future: boolean;
  /** a promise reported in passing: "she said she would send the list" */
  reported: boolean;
  /** the future marker opens the segment: "Will set the trial up" */
  futureFirst: boolean;
  /** the first verb is a full verb or a future marker, not "is" or "has": an action, not a state */
  leadVerb: boolean;
  /** opens with a bare action verb: "Send deck." */
  imperative: boolean;
  /** the main verb only promises to come back to it: "gets back", "looks into it", "will think about it" */
  vagueVerb: boolean;
  /** a meeting-type action that brings both sides together */
  meeting: boolean;
  /** "Next step:" or "next step" opens the segment */
  headed: boolean;
  words: number;
}

/** Actions that bring both sides together rather than one side sending something. */
const W_MEETING = wordClass([
  'meet',
  'meeting',
  'session',
  'workshop',
  'review',
  'readout',
  'walkthrough',
  'kick-off',
  'kickoff',
  'test',
  'trial',
  'visit',
  'signing',
]);
const W_FUTURE = wordClass(['will', "'ll", 'shall', 'would', "'d"]);
/** forms of be and have whose surface differs from the lemma without being past */
const PRESENT_FORMS = new Set(['are', "'re", 'am', "'m", "'s", "'ve", 'is', 'has', 'does', 'ca', 'wo']);
/** verbs of a way forward with nothing decided: followed by what they name, they are still vague */
const VAGUE_VERBS = new Set([
  'think',
  'consider',
  'revert',
  'check',
  'see',
  'wait',
  'hear',
  'ping',
  'chase',
  'circle',
  'touch',
  'reach',
  'continue',
  'stay',
  'keep',
  'explore',
]);
/** "gets back", "looks into it": vague; "gets the data", "looks at the numbers with us" are not all vague */
function isVagueVerb(clause: Clause, index: number): boolean {
  const lemma = clause.table.lemma[index]!;
  const after = clause.table.lower[index + 1];
  if (lemma === 'get') return after === 'back';
  if (lemma === 'look') return after === 'into';
  return VAGUE_VERBS.has(lemma);
}

const SCHEDULING = new Set([
  'book',
  'schedule',
  'set',
  'arrange',
  'agree',
  'confirm',
  'plan',
  'organise',
  'organize',
]);
const W_SAYING = wordClass(['say', 'tell', 'mention', 'promise', 'offer', 'agree']);
const W_SEGMENT_CONJUNCTION = wordClass(['and', 'so', 'then', 'once', 'after', 'plus']);
const SUBJECT_WINDOW = 8;
/** pronouns that open a clause as its subject ("and her team" does not) */
const SUBJECT_PRONOUNS = new Set(['we', 'i', 'they', 'he', 'she']);

function isWord(pos: string | undefined): boolean {
  return pos !== 'PUNCT' && pos !== 'SPACE' && pos !== 'SYM';
}

function isVerb(pos: string | undefined): boolean {
  return pos === 'VERB' || pos === 'AUX';
}

function flagsOf(clause: Clause, index: number): number {
  const table = clause.table;
  return table.lemmaInfo[index]!.flags | table.lowerInfo[index]!.flags;
}

function isName(clause: Clause, index: number): boolean {
  return clause.people.includes(index) || clause.table.value[index] === 'IT';
}

/** A token that can open a new subject: a pronoun, a name, a role or "we". */
function startsSubject(clause: Clause, index: number): boolean {
  if (index >= clause.to) return false;
  if (isName(clause, index)) return true;
  const flags = flagsOf(clause, index);
  if ((flags & (W_US | W_PRONOUN)) !== 0) return SUBJECT_PRONOUNS.has(clause.table.lower[index]!);
  return (flags & W_ROLE) !== 0 && isVerb(clause.table.pos[index + 1]);
}

/** "next step" (or "next steps") as words of the clause, not "next year" or "next supplier council" */
function isNextStepAt(clause: Clause, index: number): boolean {
  const lemma = clause.table.lemma;
  return lemma[index] === 'next' && index + 1 < clause.to && lemma[index + 1] === 'step';
}

/** Dictated run-on text: a new subject and its verb, with nothing before them that reports them. */
function runOnSubject(clause: Clause, index: number, from: number): boolean {
  const table = clause.table;
  if (index - from < 6 || !isVerb(table.pos[index + 1])) return false;
  const subject = isName(clause, index) || SUBJECT_PRONOUNS.has(table.lower[index]!);
  if (!subject) return false;
  const before = table.pos[index - 1];
  return isWord(before) && !isVerb(before) && before !== 'SCONJ' && before !== 'ADP';
}

/** Token ranges of the segments of a clause, in order. */
function cutPoints(clause: Clause): Array<[number, number]> {
  const ranges: Array<[number, number]> = [];
  const table = clause.table;
  let from = clause.from;
  for (let i = clause.from + 1; i < clause.to; i++) {
    const conjunction =
      (table.lowerInfo[i]!.flags & W_SEGMENT_CONJUNCTION) !== 0 &&
      startsSubject(clause, i + 1) &&
      i - from >= 3;
    if (conjunction || (isNextStepAt(clause, i) && i - from >= 3) || runOnSubject(clause, i, from)) {
      ranges.push([from, i]);
      from = i;
    }
  }
  ranges.push([from, clause.to]);
  return ranges;
}

function findActor(clause: Clause, from: number, to: number): { actor: StepActor; stop: number } {
  const table = clause.table;
  let i = from;
  while (
    i < to &&
    (!isWord(table.pos[i]) ||
      (flagsOf(clause, i) & W_DISCOURSE) !== 0 ||
      table.pos[i] === 'CCONJ' ||
      table.pos[i] === 'SCONJ')
  )
    i++;
  let us = false;
  let customer = false;
  for (let n = 0; i < to && n < SUBJECT_WINDOW; i++, n++) {
    if ((isVerb(table.pos[i]) && table.value[i] !== 'IT') || table.lower[i] === 'to') break;
    if (isName(clause, i)) customer = true;
    else {
      const flags = flagsOf(clause, i);
      if ((flags & W_US) !== 0) us = true;
      else if ((flags & (W_ROLE | W_PRONOUN)) !== 0) customer = true;
    }
  }
  const actor: StepActor = us && customer ? 'both' : us ? 'us' : customer ? 'customer' : 'none';
  return { actor, stop: i };
}

function isPastForm(clause: Clause, index: number): boolean {
  const lower = clause.table.lower[index]!;
  if (lower === clause.table.lemma[index] || PRESENT_FORMS.has(lower)) return false;
  return !lower.endsWith('s') && !lower.endsWith('ing');
}

function fieldBounds(clause: Clause): [number, number] {
  const table = clause.table;
  const field = table.fieldOffset.indexOf(clause.offset);
  return [table.tokenFrom[field]!, table.tokenTo[field]!];
}

function readSegment(clause: Clause, from: number, to: number, bounds: [number, number]): Segment {
  const table = clause.table;
  const { kinds } = hitKinds(clause.hits, from, to);
  let refusal = false;
  let named = 0;
  for (const hit of clause.hits) {
    if (hit.from < from || hit.from >= to) continue;
    const after = table.pos[hit.to];
    if (!hit.negated && hit.kind === 'role' && after !== 'NOUN' && after !== 'PROPN') named++;
    const lemma = table.lemma[hit.from];
    // in a long summary a negated action is often something else ("nobody services them"); a
    // negated "next step" or "follow-up" is a step refused wherever it stands
    const stepWord =
      (hit.kind === 'concreteAction' && clause.field === 'nextStep') ||
      (hit.kind === 'nextCue' && lemma !== 'date');
    if (hit.negated && stepWord) refusal = true;
  }
  let headed = false;
  let start = from;
  while (start < to && !isWord(table.pos[start])) start++;
  if (isNextStepAt(clause, start)) {
    headed = true;
    start += 2;
  }
  const { actor, stop } = findActor(clause, start, to);
  let words = 0;
  let hasVerb = false;
  let hasNoun = false;
  let meeting = false;
  let future = table.lower[stop] === 'to' && actor !== 'none';
  let firstVerbPast: boolean | null = null;
  let saidBefore = false;
  let leadVerb = false;
  let scheduled = false;
  let vagueVerb = false;
  let futureFirst = false;
  let reported = false;
  for (let i = start; i < to; i++) {
    const pos = table.pos[i];
    if (!isWord(pos)) continue;
    words++;
    if (clause.people.includes(i)) named++;
    if (pos === 'NOUN' || pos === 'PROPN') hasNoun = true;
    const lemmaFlags = table.lemmaInfo[i]!.flags;
    if ((lemmaFlags & W_MEETING) !== 0) {
      if (table.negated[i]) refusal = true;
      else meeting = true;
    }
    const lower = table.lower[i]!;
    // only a future that carries the segment ("we will send…", "she said she would…"), not one
    // inside a description ("the part has been piloted and will need…")
    const futureWord =
      (table.lowerInfo[i]!.flags & W_FUTURE) !== 0 || (lower === 'going' && table.lower[i + 1] === 'to');
    if (futureWord && (firstVerbPast === null || saidBefore)) {
      future = true;
      reported ||= saidBefore;
      if (firstVerbPast === null) leadVerb = true;
      if (i === start) futureFirst = true;
    }
    if ((lemmaFlags & W_SAYING) !== 0 && isVerb(pos) && isPastForm(clause, i)) saidBefore = true;
    // "Ill send them…": a dictated "I'll"
    if (i === start && lower === 'ill' && isVerb(table.pos[i + 1])) future = true;
    if (isVerb(pos)) {
      if (pos === 'VERB') hasVerb = true;
      if (firstVerbPast === null) {
        firstVerbPast = isPastForm(clause, i);
        scheduled = SCHEDULING.has(table.lemma[i]!);
        vagueVerb = isVagueVerb(clause, i);
        leadVerb ||= pos === 'VERB';
      }
    }
  }
  const first = table.lemmaInfo[start];
  const imperative =
    start < to &&
    table.pos[start] === 'VERB' &&
    table.lower[start] === table.lemma[start] &&
    !table.lower[start]!.endsWith('ing') &&
    (first?.cues ?? []).some((cue) => cue.kind === 'concreteAction' || cue.kind === 'vagueAction');
  return {
    clause,
    from: start < to ? start : from,
    to,
    kinds,
    refusal,
    actor,
    named,
    date: datePrecision(table, start, to, bounds[0], bounds[1]),
    hasVerb,
    hasNoun,
    past: firstVerbPast === true && !future,
    scheduled,
    future,
    reported,
    futureFirst,
    leadVerb,
    imperative,
    vagueVerb,
    meeting,
    headed,
    words,
  };
}

export function segmentsOf(clause: Clause): Segment[] {
  const bounds = fieldBounds(clause);
  return cutPoints(clause).map(([from, to]) => readSegment(clause, from, to, bounds));
}
