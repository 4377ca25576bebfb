// From a number to what is behind it: the actor's notes filtered like the figure was, newest
// conversation first, or a score band's closed deals; paged with an opaque cursor.
import { z } from 'zod';
import type { Db } from '../../platform/database/database';
import { drilldownNoteIds } from './read-models/drilldown';
import { findNote, listNotesByOpportunity, type NoteView, toNoteViews } from '../notes';
import { type ClosedDeal, closedDealsScoredBetween } from './read-models/closed-deals';
import { decodeCursor, encodeCursor } from '../../platform/lib/cursor';
import type { Actor } from '../../platform/actor';
import type { Dimension } from '../scoring';
import { bandBounds, type ScoreBand } from './score-bands';
import { narrowToRep, scopeOf } from './scope';
import { salesforceId } from '../opportunities';

export interface DrilldownQuery {
  repId?: string;
  /** with `band`: the band applies to this dimension's score instead of the overall score */
  dimension?: Dimension;
  band?: ScoreBand;
  promptKey?: string;
  opportunityId?: string;
  from?: string;
  to?: string;
  cursor?: string;
  limit: number;
}

/** A drill-down page ends at this (occurredAt, id). */
const DRILLDOWN_CURSOR = z.tuple([z.iso.date(), z.uuid()]);

export async function drilldownNotes(
  db: Db,
  actor: Actor,
  query: DrilldownQuery,
): Promise<{ items: NoteView[]; nextCursor: string | null }> {
  const scope = narrowToRep(await scopeOf(db, actor), query.repId);
  const after = query.cursor ? decodeCursor(query.cursor, DRILLDOWN_CURSOR) : undefined;
  const page = await drilldownNoteIds(
    db,
    scope,
    {
      range: { from: query.from, to: query.to },
      opportunityId: query.opportunityId,
      promptKey: query.promptKey,
      scoreBetween: query.band && { ...bandBounds(query.band), dimension: query.dimension },
    },
    query.limit + 1,
    after && { occurredAt: after[0], id: after[1] },
  );
  const shown = page.slice(0, query.limit);
  const notes = await Promise.all(shown.map((n) => findNote(db, actor.tenantId, n.id)));
  const last = shown.at(-1);
  return {
    // a note deleted between the two reads is left out rather than failing the page
    items: await toNoteViews(
      db,
      actor.tenantId,
      notes.flatMap((n) => (n ? [n] : [])),
    ),
    nextCursor: page.length > query.limit && last ? encodeCursor([last.occurredAt, last.id]) : null,
  };
}

export interface DealsDrilldownQuery {
  band: ScoreBand;
  repId?: string;
  cursor?: string;
  limit: number;
}

/** The newest notes shown with each deal; `noteCount` says how many it has in all. */
export const NOTES_PER_DEAL = 10;

/** A deals page ends at this (score, opportunity Id). */
const DEALS_CURSOR = z.tuple([z.number().int().min(0).max(100), salesforceId]);

/**
 * From a score band to the closed deals it counted: the deals in scope whose conversation score falls
 * in the band (the definition the band's win rate uses), best first, each with its newest notes.
 */
export async function drilldownDeals(
  db: Db,
  actor: Actor,
  query: DealsDrilldownQuery,
): Promise<{
  band: ScoreBand;
  total: number;
  items: Array<ClosedDeal & { notes: NoteView[] }>;
  nextCursor: string | null;
}> {
  const scope = narrowToRep(await scopeOf(db, actor), query.repId);
  const after = query.cursor ? decodeCursor(query.cursor, DEALS_CURSOR) : undefined;
  const { deals, total } = await closedDealsScoredBetween(
    db,
    scope,
    bandBounds(query.band),
    query.limit + 1,
    after && { score: after[0], id: after[1] },
  );
  const shown = deals.slice(0, query.limit);
  const items = await Promise.all(
    shown.map(async (deal) => {
      const notes = await listNotesByOpportunity(db, actor.tenantId, deal.opportunityId, NOTES_PER_DEAL);
      return { ...deal, notes: await toNoteViews(db, actor.tenantId, notes) };
    }),
  );
  const last = shown.at(-1);
  return {
    band: query.band,
    total,
    items,
    nextCursor: deals.length > query.limit && last ? encodeCursor([last.score, last.opportunityId]) : null,
  };
}
