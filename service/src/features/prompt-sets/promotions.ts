// A candidate becomes a prompt: a rep's ad-hoc provocation or an issue customers redirected the talk
// to is added, in one action, to the open draft of a chosen set (a new draft when none is open),
// prefilled from the notes it came from; the promotion remembers those notes and the prompt.
import { inTransaction, type Executor } from '../../platform/database/database';
import type { Actor } from '../../platform/actor';
import { notFound } from '../../platform/lib/errors';
import { candidateSources } from '../analytics';
import type { TenantSettings } from '../settings';
import { promptContent, type PromptContent } from './prompt-content';
import { createDraft, getSet, getVersion, saveDraft } from './prompt-sets';
import { insertPromotion, type PromotionRecord, type VersionRecord } from './repository';

export interface PromotionInput {
  kind: 'adhoc' | 'redirected';
  text: string;
}

export interface PromotionResult {
  promotion: PromotionRecord;
  version: VersionRecord;
}

const TITLE_LENGTH = 120;
const KEY_WORDS = 6;

// what the rep's words leave open, asked from the customer's side; sales ops rewrite it in the draft
const FOLLOW_UP: Record<PromotionInput['kind'], string> = {
  adhoc: 'How does that look from where you sit, and what are you already doing about it?',
  redirected: 'What would have to be true for you to make this a priority this year?',
};

/** A key the draft does not use yet, from the text's first words. */
function freshKey(text: string, taken: Set<string>): string {
  const words = text
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[^a-z0-9\s-]/g, '')
    .split(/[\s-]+/)
    .filter(Boolean)
    .slice(0, KEY_WORDS);
  const base = words.join('-').slice(0, 60).replace(/-+$/, '') || 'candidate';
  let key = base;
  for (let n = 2; taken.has(key); n += 1) key = `${base}-${n}`;
  return key;
}

function candidatePrompt(
  input: PromotionInput,
  sources: { noteIds: string[]; industry: string | null; phase: string | null },
  taken: Set<string>,
): PromptContent {
  // braces would read as merge fields the library does not know
  const text = input.text.replace(/[{}]/g, '').trim();
  const title = text.length > TITLE_LENGTH ? `${text.slice(0, TITLE_LENGTH - 1).trimEnd()}…` : text;
  const heard = sources.noteIds.length;
  return {
    key: freshKey(text, taken),
    title,
    provocation: text,
    followUp: FOLLOW_UP[input.kind],
    rationale:
      input.kind === 'adhoc'
        ? `Reps raised this on their own in ${heard} recent note(s).`
        : `Customers redirected the conversation to this in ${heard} recent note(s).`,
    source: `Promoted from ${heard} rep note(s) in the candidates list`,
    expiresOn: null,
    targeting: {
      industries: sources.industry ? [sources.industry] : [],
      phases: sources.phase ? [sources.phase] : [],
      stages: [],
      amountMin: null,
      amountMax: null,
      recordTypes: [],
    },
  };
}

/** Promotes a candidate into a draft prompt of `setId`; 404 when no note carries the candidate. */
export async function promoteCandidate(
  db: Executor,
  actor: Actor,
  setId: string,
  input: PromotionInput,
  settings: TenantSettings,
): Promise<PromotionResult> {
  return inTransaction(db, async (tx) => {
    const set = await getSet(tx, actor, setId);
    const sources = await candidateSources(tx, actor.tenantId, input.kind, input.text, settings);
    if (sources.noteIds.length === 0) throw notFound('a note with this candidate');
    const open = set.versions.find((v) => v.status === 'draft');
    const draft = open
      ? await getVersion(tx, actor, setId, open.version)
      : await createDraft(tx, actor, setId);
    const prompt = candidatePrompt(input, sources, new Set(draft.prompts.map((p) => p.key)));
    const version = await saveDraft(tx, actor, setId, draft.version, {
      prompts: [...draft.prompts.map(promptContent), prompt],
    });
    const promotion = {
      kind: input.kind,
      text: input.text,
      setId,
      version: draft.version,
      promptKey: prompt.key,
      sourceNoteIds: sources.noteIds,
    };
    const id = await insertPromotion(tx, actor.tenantId, actor.userId, promotion);
    return { promotion: { id, ...promotion }, version };
  });
}
