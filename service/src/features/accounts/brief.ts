// The pre-call brief: what a rep should have in mind before the next conversation on a deal. The
// best prompts the account has not heard, what the customer told us lately, the redirects still
// open, the last agreed next step and whether it happened, and one question that connects a
// provocation to something they said. Deterministic, and every line names its source.
import type { Db } from '../../platform/database/database';
import type { Actor } from '../../platform/actor';
import { badRequest } from '../../platform/lib/errors';
import { todayUtc } from '../analytics';
import { findOpportunity, pickPrompts, upsertOpportunity, type OpportunityContext } from '../opportunities';
import type { PromptRecord } from '../prompt-sets';
import type { TenantSettings } from '../settings';
import { INSIDE_VIEW_NOTE_CAP, entriesOfNotes, type InsideViewEntry, type Source } from './inside-view';
import { intersectionOf, type Intersection } from './intersection';
import * as repo from './repository';
import type { StoredMemoryNote } from './repository';
import { renderBriefText } from './brief-text';

export const BRIEF_PROMPTS = 3;
export const BRIEF_ENTRIES = 5;
export const BRIEF_REDIRECTS = 3;

export interface BriefPrompt {
  promptId: string;
  title: string;
  provocation: string;
  followUp: string;
  source: Source;
}

export type NextStepStatus = 'happened' | 'upcoming' | 'overdue' | 'undated';

export interface BriefNextStep {
  text: string;
  date: string | null;
  agreedOn: string;
  status: NextStepStatus;
  /** the later note that shows it happened */
  followedBy: string | null;
  source: Source;
}

export interface SuggestedQuestion {
  text: string;
  entryId: string;
  source: Source;
}

export interface Brief {
  opportunity: { id: string; name: string | null; accountId: string | null; accountName: string | null };
  generatedOn: string;
  prompts: BriefPrompt[];
  insideView: InsideViewEntry[];
  openRedirects: InsideViewEntry[];
  nextStep: BriefNextStep | null;
  suggestedQuestion: SuggestedQuestion | null;
  /** this opportunity's provocations by what the customer's inside view did to them */
  intersection: Intersection;
  /** the brief as plain text, for an email or a calendar invite */
  text: string;
}

/** The latest agreed next step on the deal; it happened when a later note exists on or after its date. */
export function lastNextStep(notes: StoredMemoryNote[], today: string): BriefNextStep | null {
  // newest first: the first note with a next step is the last agreed one
  const index = notes.findIndex((n) => n.nextStep !== null && n.nextStep.trim() !== '');
  if (index < 0) return null;
  const agreed = notes[index]!;
  const due = agreed.nextStepDate;
  const later = notes
    .slice(0, index)
    .filter((n) => n.occurredAt > agreed.occurredAt && (due === null || n.occurredAt >= due))
    .at(-1);
  const status: NextStepStatus = later
    ? 'happened'
    : due === null
      ? 'undated'
      : due >= today
        ? 'upcoming'
        : 'overdue';
  return {
    text: agreed.nextStep!,
    date: due,
    agreedOn: agreed.occurredAt,
    status,
    followedBy: later?.id ?? null,
    source: { noteId: agreed.id },
  };
}

const WORD = /[\p{L}\p{N}]{4,}/gu;
const COMMON = new Set(['that', 'this', 'with', 'they', 'their', 'them', 'what', 'when', 'where', 'which', 'your', 'have', 'from', 'will', 'would', 'about', 'into', 'than', 'then', 'there', 'these', 'those', 'were', 'been', 'being', 'said', 'does', 'could', 'should']); // prettier-ignore

const wordsOf = (text: string) =>
  new Set([...text.toLowerCase().matchAll(WORD)].map((m) => m[0]).filter((w) => !COMMON.has(w)));

const lowerFirst = (text: string) => text.charAt(0).toLowerCase() + text.slice(1);

/**
 * Connects the first prompt to what the customer said: the entry sharing the most words with the
 * prompt, open redirects first, then newest; ties keep that order.
 */
export function suggestQuestion(
  prompt: BriefPrompt | undefined,
  said: InsideViewEntry[],
): SuggestedQuestion | null {
  if (!prompt || said.length === 0) return null;
  const promptWords = wordsOf(`${prompt.title} ${prompt.provocation} ${prompt.followUp}`);
  let best = said[0]!;
  let bestShared = -1;
  for (const entry of said) {
    const shared = [...wordsOf(entry.text)].filter((w) => promptWords.has(w)).length;
    if (shared > bestShared) [best, bestShared] = [entry, shared];
  }
  const ask =
    prompt.followUp.trim() || `How does this change the picture: ${lowerFirst(prompt.provocation.trim())}`;
  return {
    text: `You told us: "${best.text}". ${ask}`,
    entryId: best.id,
    source: { noteId: best.source.noteId, promptId: prompt.promptId },
  };
}

const briefPrompt = (p: PromptRecord): BriefPrompt => ({
  promptId: p.id,
  title: p.title,
  provocation: p.provocation,
  followUp: p.followUp,
  source: { promptId: p.id },
});

export async function loadBrief(
  db: Db,
  actor: Actor,
  opportunityId: string,
  ctx: OpportunityContext,
  settings: TenantSettings,
  today = todayUtc(),
): Promise<Brief> {
  if (ctx.id !== opportunityId) {
    throw badRequest('opportunity.id differs from the opportunity in the path', [
      { path: 'opportunity.id', message: `expected ${opportunityId}` },
    ]);
  }
  await upsertOpportunity(db, actor.tenantId, ctx);
  const stored = (await findOpportunity(db, actor.tenantId, opportunityId)) ?? ctx;
  const accountId = stored.accountId ?? null;
  // without an account id, the deal's own notes are all the memory there is
  const [notes, picked] = await Promise.all([
    repo.listMemoryNotes(
      db,
      actor.tenantId,
      accountId ? { accountId } : { opportunityId },
      INSIDE_VIEW_NOTE_CAP,
    ),
    pickPrompts(db, actor, stored, settings),
  ]);
  const heard = new Set(notes.flatMap((n) => n.prompts.flatMap((p) => (p.promptKey ? [p.promptKey] : []))));
  const prompts = picked
    .filter((p) => !heard.has(p.key))
    .slice(0, BRIEF_PROMPTS)
    .map(briefPrompt);
  const entries = await entriesOfNotes(db, actor.tenantId, notes, {
    today,
    staleAfterMonths: settings.insideViewStaleMonths,
  });
  const current = entries.filter((e) => e.status === 'current');
  const openRedirects = current.filter((e) => e.kind === 'redirect').slice(0, BRIEF_REDIRECTS);
  const insideView = current.filter((e) => e.kind !== 'redirect').slice(0, BRIEF_ENTRIES);
  const onThisDeal = notes.filter((n) => n.opportunityId === opportunityId);
  const brief: Omit<Brief, 'text'> = {
    opportunity: {
      id: opportunityId,
      name: stored.name ?? null,
      accountId,
      accountName: stored.accountName ?? null,
    },
    generatedOn: today,
    prompts,
    insideView,
    openRedirects,
    nextStep: lastNextStep(onThisDeal, today),
    suggestedQuestion: suggestQuestion(prompts[0], [...openRedirects, ...insideView]),
    intersection: intersectionOf(
      onThisDeal,
      entries.filter((e) => e.opportunityId === opportunityId),
    ),
  };
  return { ...brief, text: renderBriefText(brief) };
}
