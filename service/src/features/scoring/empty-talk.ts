// Text that games the coach instead of recording a conversation: clauses that name the rubric's
// qualities ("jointly owned, dated, committed"; "their priorities, constraints, initiatives"),
// corporate buzzwords with nothing behind them ("leveraged synergies to unlock a scalable
// ecosystem"), and lists of cue words without a sentence around them. Such a clause is marked
// stuffed when the note is read, so that no dimension counts it.
import type { Clause } from './clause-facts';
import { wordClass } from './word-info';

/** Words that describe what a good note has rather than what happened. */
const RUBRIC_WORDS = (
  'provocation provocative collaboration collaborative collaborate co-create co-created co-develop ' +
  'co-developed co-design co-innovation co-architect jointly together owned dated committed named ' +
  'priority constraint initiative dynamics internal inside view perspective stakes outcome landed ' +
  'redirect redirected outside-in forward-looking partnership synergy contribution explicit ' +
  'stakeholder alignment'
).split(' ');

/** Corporate buzzwords: they sound like business but name no customer, number, risk or plan. */
const BUZZWORDS = (
  'leverage centric omnichannel paradigm empower empowerment reimagine operationalize ' +
  'operationalise frictionless scalable ecosystem synergy synergize synergise synergistic holistic ' +
  'disruptive ideate ideation mindshare transformation transformational transformative agility ' +
  'momentum flywheel seamless actionable alignment innovation innovate future-proof future-ready ' +
  'exponential hyper excellence journey energize energise imperative modernization modernisation ' +
  'stakeholder cutting-edge game-changer world-class next-gen next-level enablement visionary ' +
  'unlock accelerate north-star best-in-class win-win thought-leadership value-driven paradigms ' +
  'vision transform empowered aligned dialogue narrative unpack socialize socialise reconnect ' +
  'resonate ambition continuum capability strategic engagement'
).split(' ');
/** a rubric word or a buzzword, as the lemma or as written */
const W_EMPTY = wordClass([...RUBRIC_WORDS, ...BUZZWORDS]);

/**
 * Second halves of buzzword compounds ("customer-obsessed", "AI-powered", "platform-agnostic"): the
 * tokeniser splits at the hyphen, so they count when they follow one.
 */
const W_COMPOUND_TAIL = wordClass(
  'first centric driven powered enabled led obsessed native agnostic ready proof based focused oriented class breed'.split(
    ' ',
  ),
);

/** Parts of speech a sentence cannot do without; a cue list has none of them. */
function isFunctionPos(pos: string): boolean {
  switch (pos) {
    case 'DET':
    case 'ADP':
    case 'PRON':
    case 'AUX':
    case 'PART':
    case 'CCONJ':
    case 'SCONJ':
    case 'VERB':
      return true;
    default:
      return false;
  }
}

function isWord(pos: string | undefined): boolean {
  return pos !== 'PUNCT' && pos !== 'SPACE' && pos !== 'SYM';
}

export function isEmptyTalk(clause: Clause): boolean {
  // a clause with numbers says something concrete, whatever words surround them
  if (clause.words < 3 || clause.numbers > 0) return false;
  const table = clause.table;
  let empty = 0;
  let functionWords = 0;
  for (let i = clause.from; i < clause.to; i++) {
    const pos = table.pos[i];
    if (!isWord(pos)) continue;
    if (isFunctionPos(pos!)) functionWords++;
    const lowerFlags = table.lowerInfo[i]!.flags;
    const tail = (lowerFlags & W_COMPOUND_TAIL) !== 0 && table.value[i - 1] === '-';
    if (tail || ((table.lemmaInfo[i]!.flags | lowerFlags) & W_EMPTY) !== 0) empty++;
  }
  // two such words in a short clause, or many in a long one ("the CFO sees strategic value" is neither)
  const share = empty / clause.words;
  if ((empty >= 2 && share >= 0.3) || (empty >= 4 && share >= 0.2)) return true;
  // "margins growth risk stakes": cue words in a row, with no sentence to hold them
  let cueTokens = 0;
  let last = -1;
  for (const hit of clause.hits) {
    if (hit.negated || hit.from <= last) continue;
    cueTokens += hit.to - hit.from;
    last = hit.to - 1;
  }
  return clause.words >= 4 && functionWords === 0 && cueTokens / clause.words >= 0.6;
}
