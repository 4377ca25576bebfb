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
import { kindSet } from './word-info';

const TIPS: Record<Exclude<Level, 3>, string> = {
  0: 'Raise an outside-in issue they are not yet addressing (pick one of the suggested prompts): this note covers only status, pricing or our product.',
  1: 'Make the provocation specific and forward-looking: name the coming change and what it will do to their business, instead of asking what keeps them up.',
  2: 'Record how the provocation landed: was it new to them, or did it redirect the talk to an issue they care about?',
};

const LANDING_REACTIONS = new Set(['new_to_them', 'redirected']);

const STATUS = kindSet('status');
const BUSINESS = kindSet('business');
const BUSINESS_OR_ISSUE = kindSet('business', 'issue');
const PRODUCT_OR_STATUS = kindSet('product', 'status');

type Kind = 'specific' | 'generic' | 'backward' | 'none';

const MIN_ISSUE_WORDS = 4;
const US_WORDS = new Set(['i', 'we']);
const NEGATORS = new Set(['not', "n't", 'never', 'no']);

function negatedNearby(clause: Clause, at: number): boolean {
  for (let j = at - 1; j >= Math.max(clause.from, at - 3); j--)
    if (NEGATORS.has(clause.table.lower[j]!)) return true;
  return false;
}

/** The first raise cue used as a verb ("raised", "flagged"; not "there was a question"), or -1. */
function raiseVerb(clause: Clause): number {
  for (const hit of clause.hits)
    if (hit.kind === 'raise' && !hit.negated && clause.table.pos[hit.from] === 'VERB') return hit.from;
  return -1;
}

/** Words after the raise verb, short of what only says how it landed ("both new to them"). */
function objectWords(clause: Clause, raiseAt: number): number {
  const table = clause.table;
  let words = 0;
  for (let i = raiseAt + 1; i < clause.to; i++) {
    if (clause.hits.some((hit) => hit.kind === 'landed' && hit.from === i)) break;
    const pos = table.pos[i];
    if (pos !== 'PUNCT' && pos !== 'SPACE' && pos !== 'SYM' && pos !== 'CCONJ') words++;
  }
  return words;
}

/** A clause where we raise something, judged with the clause after it ("Brought up X: it will…"). */
function classifyRaise(clause: Clause, next: Clause | undefined): Kind {
  const k = clause.kinds;
  if (clause.actor === 'customer') return 'none';
  const lecturing = k.has('oneway') && k.has('lecture');
  const raiseAt = raiseVerb(clause);
  const raising = raiseAt >= 0 || lecturing;
  const asking = k.has('ask') || raiseAt >= 0;
  if (k.has('generic') && asking && !k.has('issue')) return 'generic';
  if (raising) {
    // "Raised AI, cloud, security": topics named in a word or two are a generic raise, not an issue
    // the deal itself ("walked through the redlines") is status, not even a generic provocation
    if (countCues(clause, STATUS) > countCues(clause, BUSINESS_OR_ISSUE)) return 'none';
    if (raiseAt >= 0 && objectWords(clause, raiseAt) < MIN_ISSUE_WORDS) return 'generic';
    // what the customer said next ("Sofia said …") is their view, not part of our provocation
    const window = next && next.field === clause.field && !next.kinds.has('tell') ? [clause, next] : [clause];
    const has = (kind: 'issue' | 'business' | 'forward' | 'product') => window.some((c) => c.kinds.has(kind));
    const businessCues = window.reduce((n, c) => n + countCues(c, BUSINESS), 0);
    const otherCues = window.reduce((n, c) => n + countCues(c, PRODUCT_OR_STATUS), 0);
    // a pitch ("presented our platform, it will cut their costs") or the contract ("walked through
    // the redlines") is not an outside-in issue
    if (otherCues > businessCues) return 'none';
    if ((has('issue') || has('business')) && has('forward')) return 'specific';
    // we brought something, but nothing specific or forward-looking
    if (raiseAt >= 0) return 'generic';
  }
  if (k.has('generic') && asking) return 'generic';
  return k.has('backward') && asking ? 'backward' : 'none';
}

type PromptWording = 'specific' | 'generic' | 'junk';

/**
 * An ad-hoc prompt's wording: a specific issue ("Payer prior-auth rule changes 2027 -> denial
 * exposure"), a generic question ("What keeps you up?"), or junk that names no issue at all ("AI",
 * "tbd", "see attached", a list of cue words). Junk earns nothing whatever reaction is recorded.
 */
function promptWording(clauses: Clause[]): PromptWording {
  const countable = clauses.filter(isCountable);
  const words = countable.reduce((n, c) => n + c.words, 0);
  if (words < 3) return 'junk';
  if (countable.some((c) => c.kinds.has('generic'))) return 'generic';
  // "Problems for next year?": a question that names no issue asks rather than brings one
  const question = countable.some((c) => c.table.value[c.to] === '?' || c.table.value[c.to - 1] === '?');
  if (question && !countable.some((c) => c.kinds.has('issue') || c.kinds.has('stake'))) return 'generic';
  let nouns = 0;
  for (const c of countable)
    for (let i = c.from; i < c.to; i++) if (c.table.pos[i] === 'NOUN' || c.table.pos[i] === 'PROPN') nouns++;
  return words >= 4 && nouns >= 2 ? 'specific' : 'generic';
}

/** "wanted to raise", "had planned to bring up", "was going to suggest": a raise that did not happen */
const INTENT = new Set(['want', 'plan', 'intend', 'mean', 'hope', 'try', 'going']);
/** what we would have said: raise, bring up, suggest, mention, pitch */
const SAYING = new Set(['suggest', 'mention', 'propose', 'pitch']);
const INTENT_WINDOW = 3;

function isRaiseWord(clause: Clause, index: number): boolean {
  const info = clause.table.lemmaInfo[index]!;
  return SAYING.has(info.word) || info.cues?.some((cue) => cue.kind === 'raise') === true;
}

/** The intention is ours: "I had planned to", "we wanted to", or no subject at all ("Wanted to"). */
function ourIntent(clause: Clause, at: number): boolean {
  const table = clause.table;
  for (let j = at - 1; j >= Math.max(clause.from, at - 2); j--) {
    if (US_WORDS.has(table.lower[j]!)) return true;
    if (table.pos[j] !== 'AUX' && table.pos[j] !== 'PART') return false;
  }
  return at - 2 <= clause.from;
}

function isIntentOnly(clause: Clause): boolean {
  if (clause.actor === 'customer') return false;
  const table = clause.table;
  for (let i = clause.from; i < clause.to; i++) {
    if (table.pos[i] !== 'VERB' || !isRaiseWord(clause, i)) continue;
    for (let j = i - 1; j >= Math.max(clause.from, i - INTENT_WINDOW); j--)
      if ((INTENT.has(table.lemma[j]!) || INTENT.has(table.lower[j]!)) && ourIntent(clause, j)) return true;
    // "will raise it next time"
    for (let j = i + 1; j < Math.min(clause.to, i + 4); j++)
      if (table.lower[j] === 'next' && table.lower[j + 1] === 'time') return true;
  }
  return false;
}

/** "didn't get there", "never got the chance", "didn't get to it" */
function isMissedChance(clause: Clause): boolean {
  if (clause.actor === 'customer') return false;
  const table = clause.table;
  for (let i = clause.from; i < clause.to; i++) {
    // right after the negation: in a long run-on sentence its scope reaches far beyond the verb
    if (!table.negated[i] || !negatedNearby(clause, i)) continue;
    if (table.lemma[i] === 'chance') return true;
    const after = table.lower[i + 1];
    if (table.lemma[i] === 'get' && (after === 'there' || after === 'to' || after === 'the')) return true;
  }
  return false;
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
  const wording = prompt.fromLibrary ? 'specific' : promptWording(clauses);
  if (wording === 'junk') return 0;
  if (wording === 'generic') return 1;
  return prompt.reaction && LANDING_REACTIONS.has(prompt.reaction) ? 3 : 2;
}

export function scoreProvocation(note: NoteReading): DimensionOutcome {
  const evidence: Evidence[] = [];
  let level: Level = 0;
  let signals = 0;
  const reacted = note.input.prompts.some((p) => p.reaction !== undefined);

  let textLevel: Level = 0;
  let unraised = false;
  let raisedInText = false;
  for (const field of ['summary', 'ideas'] as const) {
    const clauses = note.byField.get(field) ?? [];
    clauses.forEach((clause, i) => {
      if (!isCountable(clause)) return;
      const planned = isIntentOnly(clause) || isMissedChance(clause);
      if (planned || (clause.negatedKinds.has('raise') && clause.actor !== 'customer')) {
        unraised ||= planned;
        evidence.push(clauseEvidence(clause, 'provocation', 'lowered'));
        return;
      }
      const kind = classifyRaise(clause, clauses[i + 1]);
      if (kind === 'specific') {
        textLevel = 2;
        raisedInText = true;
        signals++;
        evidence.push(clauseEvidence(clause, 'provocation', 'raised'));
      } else if (kind !== 'none') {
        textLevel = Math.max(textLevel, 1) as Level;
        evidence.push(clauseEvidence(clause, 'provocation', 'lowered'));
      }
    });
  }

  // A prompt the text says was planned but never raised ("wanted to raise…, didn't get there")
  // earns nothing, whatever reaction was ticked, unless the text shows something else was raised.
  const promptsCount = !unraised || raisedInText;
  note.input.prompts.forEach((prompt, index) => {
    const clauses = note.byField.get(promptTextField(index)) ?? [];
    const promptLvl = promptsCount ? promptLevel(prompt, clauses) : 0;
    level = Math.max(level, promptLvl) as Level;
    if (promptLvl > 0) signals++;
    for (const clause of clauses)
      evidence.push(clauseEvidence(clause, 'provocation', promptLvl >= 2 ? 'raised' : 'lowered'));
  });

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
