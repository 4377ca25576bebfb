// Everything the Opportunity panel shows, in one answer: the prompts picked for this deal (each
// marked when its account heard it lately), its recent notes, its score summary and the account's
// latest provocations. A closed deal gets its history and no new prompts. The context Apex sent is
// remembered for roll-ups and analytics.
import type { Db } from '../../platform/database/database';
import {
  listNotesByOpportunity,
  type NoteView,
  raisedPromptKeys,
  summariseOpportunityNotes,
  toNoteViews,
} from '../notes';
import { upsertOpportunity } from './repository';
import { listPublishedPrompts, type PromptRecord, renderPrompt, selectPrompts } from '../prompt-sets';
import { badRequest } from '../../platform/lib/errors';
import type { Actor } from '../../platform/actor';
import {
  accountHistoryForDeal,
  type AccountProvocation,
  type LatestRaise,
  recentlyRaisedWithAccount,
} from '../analytics';
import { phaseOfStage, type TenantSettings } from '../settings';
import type { OpportunityContext } from './context';

export const PANEL_RECENT_NOTES = 5;
/** The account's newest provocations on the panel; the rest are a request away. */
export const PANEL_ACCOUNT_HISTORY = 10;
/** A rep's own provocation can run long; the panel's history shows its start, keeping the payload small. */
export const PANEL_HISTORY_TEXT = 300;

/** The deal's notes in figures, as the notes feature sums them up. */
export type PanelSummary = Awaited<ReturnType<typeof summariseOpportunityNotes>>;

/** A prompt as the panel shows it: filled in, and when its account heard it in the last 90 days. */
export interface PanelPrompt extends PromptRecord {
  heard: Omit<LatestRaise, 'promptKey'> | null;
}

export interface Panel {
  opportunity: OpportunityContext;
  prompts: PanelPrompt[];
  /** why the panel offers no prompts although the library has some: `closed` for a closed deal */
  promptsWithheld: 'closed' | null;
  recentNotes: NoteView[];
  summary: PanelSummary;
  accountHistory: { items: AccountProvocation[]; more: boolean };
}

const today = () => new Date().toISOString().slice(0, 10);

/** Recent notes without their evidence lists, which the history does not show: keeps the panel small. */
function compactNote(note: NoteView): NoteView {
  if (!note.score) return note;
  const { evidence: _evidence, ...score } = note.score as Record<string, unknown>;
  return { ...note, score: score as NoteView['score'] };
}

function withoutKey({ promptKey: _key, ...raise }: LatestRaise): PanelPrompt['heard'] {
  return raise;
}

function clipText(item: AccountProvocation): AccountProvocation {
  // by code point, so a clip never splits a character
  const characters = item.text === null ? [] : Array.from(item.text);
  if (characters.length <= PANEL_HISTORY_TEXT) return item;
  return {
    ...item,
    text: `${characters
      .slice(0, PANEL_HISTORY_TEXT - 1)
      .join('')
      .trimEnd()}…`,
  };
}

/** A deal that is won or lost: new provocations have no conversation left to serve. */
export function isClosedDeal(ctx: OpportunityContext, settings: TenantSettings): boolean {
  return ctx.isClosed === true || phaseOfStage(settings, ctx.stage) === 'closed';
}

export async function pickPrompts(
  db: Db,
  actor: Actor,
  ctx: OpportunityContext,
  settings: TenantSettings,
): Promise<PanelPrompt[]> {
  const [published, raisedHere, heardByAccount] = await Promise.all([
    listPublishedPrompts(db, actor.tenantId),
    raisedPromptKeys(db, actor.tenantId, ctx.id),
    // the same account heard it recently on another deal: not a fresh provocation either
    recentlyRaisedWithAccount(db, actor.tenantId, ctx),
  ]);
  const raised = new Set([...raisedHere, ...heardByAccount.keys()]);
  return selectPrompts(published, ctx, settings, { today: today(), alreadyRaisedKeys: raised }).map((p) => {
    const raise = heardByAccount.get(p.key);
    return { ...renderPrompt(p, ctx), heard: raise ? withoutKey(raise) : null };
  });
}

export async function loadPanel(
  db: Db,
  actor: Actor,
  opportunityId: string,
  ctx: OpportunityContext,
  settings: TenantSettings,
): Promise<Panel> {
  if (ctx.id !== opportunityId) {
    throw badRequest('opportunity.id differs from the opportunity in the path', [
      { path: 'opportunity.id', message: `expected ${opportunityId}` },
    ]);
  }
  await upsertOpportunity(db, actor.tenantId, ctx);
  const closed = isClosedDeal(ctx, settings);
  const [prompts, recent, totals, accountHistory] = await Promise.all([
    closed ? [] : pickPrompts(db, actor, ctx, settings),
    listNotesByOpportunity(db, actor.tenantId, opportunityId, PANEL_RECENT_NOTES),
    summariseOpportunityNotes(db, actor.tenantId, opportunityId),
    accountHistoryForDeal(db, actor.tenantId, ctx, PANEL_ACCOUNT_HISTORY),
  ]);
  return {
    opportunity: ctx,
    prompts,
    promptsWithheld: closed ? 'closed' : null,
    recentNotes: (await toNoteViews(db, actor.tenantId, recent)).map(compactNote),
    summary: totals,
    accountHistory: { ...accountHistory, items: accountHistory.items.map(clipText) },
  };
}
