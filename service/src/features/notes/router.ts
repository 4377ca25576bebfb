// Notes: log, read, edit and delete conversations; score a draft for the live coach.
import { Router } from 'express';
import type { Db } from '../../platform/database/database';
import * as notes from './notes';
import { runIdempotentStatement } from '../../platform/idempotency/idempotency';
import { actorOf } from '../../platform/http/auth';
import { settingsOf } from '../settings';
import { etagOf, ifMatchVersions } from '../../platform/http/etag';
import { idempotencyKeyOf, sendOutcome } from '../../platform/http/idempotency-key';
import type { OpenApiRegistry } from '../../platform/http/openapi';
import { parseOrThrow } from '../../platform/lib/validation';
import {
  newNoteSchema,
  noteChangeQuerySchema,
  noteDraftSchema,
  noteIdSchema,
  notePatchSchema,
} from './contracts';

export function notesRouter(db: Db, openapi: OpenApiRegistry): Router {
  const router = Router();

  openapi.add({
    method: 'post',
    path: '/v1/notes',
    summary: 'Store and score a note',
    body: newNoteSchema,
    success: 201,
  });
  router.post('/notes', async (req, res) => {
    const actor = actorOf(res);
    const input = parseOrThrow(newNoteSchema, req.body, 'body');
    const outcome = await runIdempotentStatement(
      db,
      actor.tenantId,
      idempotencyKeyOf(req),
      { route: 'POST /v1/notes', actor: actor.userId, body: req.body },
      async (claim) => {
        const note = await notes.createNote(db, actor, input, settingsOf(res), claim);
        return note && { status: 201, body: note };
      },
    );
    // a replay remembered before notes had versions carries none
    const { version } = outcome.body as Partial<notes.NoteView>;
    if (outcome.status === 201 && typeof version === 'number') res.setHeader('ETag', etagOf(version));
    sendOutcome(res, outcome);
  });

  openapi.add({
    method: 'get',
    path: '/v1/notes/:id',
    summary: 'A note with its score (ETag: its version)',
    success: 200,
  });
  router.get('/notes/:id', async (req, res) => {
    const id = parseOrThrow(noteIdSchema, req.params.id, 'path.id');
    const note = await notes.getNote(db, actorOf(res), id);
    res.setHeader('ETag', etagOf(note.version));
    res.json(note);
  });

  openapi.add({
    method: 'patch',
    path: '/v1/notes/:id',
    summary: 'Edit your note (rescored; If-Match: a stale version is a 412)',
    query: noteChangeQuerySchema,
    body: notePatchSchema,
    success: 200,
  });
  router.patch('/notes/:id', async (req, res) => {
    const id = parseOrThrow(noteIdSchema, req.params.id, 'path.id');
    const { opportunityId } = parseOrThrow(noteChangeQuerySchema, req.query, 'query');
    const patch = parseOrThrow(notePatchSchema, req.body, 'body');
    const ifMatch = ifMatchVersions(req.get('if-match'));
    const note = await notes.updateNote(db, actorOf(res), id, patch, settingsOf(res), {
      ifMatch,
      onOpportunity: opportunityId,
    });
    res.setHeader('ETag', etagOf(note.version));
    res.json(note);
  });

  openapi.add({
    method: 'delete',
    path: '/v1/notes/:id',
    summary: 'Delete your note (If-Match: a stale version is a 412)',
    query: noteChangeQuerySchema,
    success: 204,
  });
  router.delete('/notes/:id', async (req, res) => {
    const id = parseOrThrow(noteIdSchema, req.params.id, 'path.id');
    const { opportunityId } = parseOrThrow(noteChangeQuerySchema, req.query, 'query');
    await notes.deleteNote(db, actorOf(res), id, {
      ifMatch: ifMatchVersions(req.get('if-match')),
      onOpportunity: opportunityId,
    });
    res.status(204).end();
  });

  openapi.add({
    method: 'post',
    path: '/v1/score',
    summary: 'Score a draft (live coach); nothing stored',
    body: noteDraftSchema,
    success: 200,
  });
  router.post('/score', async (req, res) => {
    const draft = parseOrThrow(noteDraftSchema, req.body, 'body');
    res.json(await notes.scoreDraft(db, actorOf(res), draft, settingsOf(res).weights));
  });

  return router;
}
