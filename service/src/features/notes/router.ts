// Notes: log, read, edit and delete conversations; score a draft for the live coach.
import type { Db } from '../../platform/database/database';
import * as notes from './notes';
import { runIdempotentStatement } from '../../platform/idempotency/idempotency';
import { etagOf, ifMatchVersions } from '../../platform/http/etag';
import { idempotencyKeyOf, outcomeReply } from '../../platform/http/idempotency-key';
import { defineRoute, type Route } from '../../platform/http/route';
import {
  newNoteSchema,
  noteChangeQuerySchema,
  noteDraftSchema,
  noteIdSchema,
  notePatchSchema,
} from './contracts';
import { noteResponse, scoreResponse } from './responses';

const AUTHOR_ONLY = "the note's author";

export function notesRoutes(db: Db): Route[] {
  return [
    defineRoute({
      operationId: 'createNote',
      method: 'post',
      path: '/notes',
      summary: 'Store and score a note',
      roles: 'any-authenticated',
      body: newNoteSchema,
      response: noteResponse,
      success: 201,
      handler: async ({ actor, body, req, settings }) => {
        const outcome = await runIdempotentStatement(
          db,
          actor.tenantId,
          idempotencyKeyOf(req),
          { route: 'POST /v1/notes', actor: actor.userId, body: req.body },
          async (claim) => {
            const note = await notes.createNote(db, actor, body, settings, claim);
            return note && { status: 201, body: note };
          },
        );
        const reply = outcomeReply(outcome);
        // a replay remembered before notes had versions carries none
        const { version } = outcome.body as Partial<notes.NoteView>;
        if (outcome.status === 201 && typeof version === 'number') reply.headers!.ETag = etagOf(version);
        return reply;
      },
    }),
    defineRoute({
      operationId: 'getNote',
      method: 'get',
      path: '/notes/:id',
      summary: 'A note with its score (ETag: its version)',
      roles: 'any-authenticated',
      params: { id: noteIdSchema },
      response: noteResponse,
      success: 200,
      handler: async ({ actor, params }) => {
        const note = await notes.getNote(db, actor, params.id);
        return { body: note, headers: { ETag: etagOf(note.version) } };
      },
    }),
    defineRoute({
      operationId: 'updateNote',
      method: 'patch',
      path: '/notes/:id',
      summary: 'Edit your note (rescored; If-Match: a stale version is a 412)',
      roles: 'any-authenticated',
      access: AUTHOR_ONLY,
      params: { id: noteIdSchema },
      query: noteChangeQuerySchema,
      body: notePatchSchema,
      response: noteResponse,
      success: 200,
      handler: async ({ actor, params, query, body, req, settings }) => {
        const note = await notes.updateNote(db, actor, params.id, body, settings, {
          ifMatch: ifMatchVersions(req.get('if-match')),
          onOpportunity: query.opportunityId,
        });
        return { body: note, headers: { ETag: etagOf(note.version) } };
      },
    }),
    defineRoute({
      operationId: 'deleteNote',
      method: 'delete',
      path: '/notes/:id',
      summary: 'Delete your note (If-Match: a stale version is a 412)',
      roles: 'any-authenticated',
      access: AUTHOR_ONLY,
      params: { id: noteIdSchema },
      query: noteChangeQuerySchema,
      success: 204,
      handler: async ({ actor, params, query, req }) => {
        await notes.deleteNote(db, actor, params.id, {
          ifMatch: ifMatchVersions(req.get('if-match')),
          onOpportunity: query.opportunityId,
        });
        return {};
      },
    }),
    defineRoute({
      operationId: 'scoreDraft',
      method: 'post',
      path: '/score',
      summary: 'Score a draft (live coach); nothing stored',
      roles: 'any-authenticated',
      body: noteDraftSchema,
      response: scoreResponse,
      success: 200,
      handler: async ({ actor, body, settings }) => ({
        body: await notes.scoreDraft(db, actor, body, settings.weights),
      }),
    }),
  ];
}
