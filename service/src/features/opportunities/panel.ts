// Everything the Opportunity panel shows, in one answer: the prompts picked for this deal, its
// recent notes and its score summary. The context Apex sent is remembered for roll-ups and analytics.
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
import { recentlyRaisedWithAccount } from '../analytics';
import type { TenantSettings } from '../settings';
import type { OpportunityContext } from './context';

export const PANEL_RECENT_NOTES = 5;

export interface PanelSummary {
  noteCount: number;
  lastConversationAt: string | null;
  averageOverall: number | null;
  latest: { overall: number; dimensions: unknown } | null;
  lastReaction: string | null;
}

export interface Panel {
  opportunity: OpportunityContext;
  prompts: PromptRecord[];
  recentNotes: NoteView[];
  summary: PanelSummary;
}

const today = () => new Date().toISOString().slice(0, 10);

/** Recent notes without their evidence lists, which the history does not show: keeps the panel small. */
function compactNote(note: NoteView): NoteView {
  if (!note.score) return note;
  const { evidence: _evidence, ...score } = note.score as Record<string, unknown>;
  return { ...note, score: score as NoteView['score'] };
}

export async function pickPrompts(
  db: Db,
  actor: Actor,
  ctx: OpportunityContext,
  settings: TenantSettings,
): Promise<PromptRecord[]> {
  const [published, raisedHere, raisedWithAccount] = await Promise.all([
    listPublishedPrompts(db, actor.tenantId),
    raisedPromptKeys(db, actor.tenantId, ctx.id),
    // the same account heard it recently on another deal: not a fresh provocation either
    recentlyRaisedWithAccount(db, actor.tenantId, ctx.accountName),
  ]);
  const raised = new Set([...raisedHere, ...raisedWithAccount]);
  return selectPrompts(published, ctx, settings, { today: today(), alreadyRaisedKeys: raised }).map((p) =>
    renderPrompt(p, ctx),
  );
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
  const [prompts, recent, totals] = await Promise.all([
    pickPrompts(db, actor, ctx, settings),
    listNotesByOpportunity(db, actor.tenantId, opportunityId, PANEL_RECENT_NOTES),
    summariseOpportunityNotes(db, actor.tenantId, opportunityId),
  ]);
  return {
    opportunity: ctx,
    prompts,
    recentNotes: (await toNoteViews(db, actor.tenantId, recent)).map(compactNote),
    summary: totals,
  };
}
