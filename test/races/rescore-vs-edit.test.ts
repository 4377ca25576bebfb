// A rescore reads a page of notes, scores it and writes the scores back; an author's edit can land
// in between. Whatever the order, every note ends scored from its own current text with the
// weights the rescore applies — on PGlite and on Postgres.
import { randomUUID } from 'node:crypto';
import { DATABASE_KINDS } from '../helpers/databases';
import { useTestDatabase } from '../helpers/use-test-database';
import { createTenant } from '../../service/src/features/tenants/tenants';
import { scoringInputOf, updateNote } from '../../service/src/features/notes/notes';
import { queueRescore, RESCORE_BATCH, runRescore } from '../../service/src/features/jobs/rescore';
import { loadSettings, updateSettings } from '../../service/src/features/settings/settings';
import { scoreNote } from '../../service/src/features/scoring';
import { DIMENSIONS, type Weights } from '../../service/src/features/scoring/types';
import { findNote, pageNotesById } from '../../service/src/features/notes/repository';
import type { Actor } from '../../service/src/platform/actor';

const AUTHOR = '005000000000001AAA';
const NOTES = 2 * RESCORE_BATCH + 100;
const only = (dimension: string) =>
  Object.fromEntries(DIMENSIONS.map((d) => [d, d === dimension ? 1 : 0])) as unknown as Weights;

describe.each(DATABASE_KINDS)('rescore against edits on %s', (kind) => {
  const database = useTestDatabase(kind);

  async function tenantWithNotes(): Promise<Actor> {
    const db = database.db;
    const { tenant } = await createTenant(db, {
      slug: `edit-race-${randomUUID().slice(0, 8)}`,
      name: 'Edit race',
      withDefaultLibrary: false,
    });
    for (let offset = 0; offset < NOTES; offset += 250) {
      const rows = Array.from({ length: Math.min(250, NOTES - offset) }, (_, k) => ({
        tenant_id: tenant.id,
        id: randomUUID(),
        opportunity_id: '006000000000001AAA',
        author_id: AUTHOR,
        occurred_at: '2026-11-20',
        opportunity_stage: null,
        summary: `We walked through the dashboard and the licence tiers. Call ${offset + k}.`,
        customer_view: null,
        ideas: null,
        next_step: null,
        next_step_date: null,
        prompts: JSON.stringify([]),
      }));
      await db.insertInto('notes').values(rows).execute();
    }
    return { tenantId: tenant.id, userId: AUTHOR, role: 'rep' };
  }

  const expectScoredFromOwnText = async (tenantId: string, id: string, weights: Weights) => {
    const note = (await findNote(database.db, tenantId, id))!;
    expect(note.score).toEqual(JSON.parse(JSON.stringify(scoreNote(scoringInputOf(note), weights))));
    return note;
  };

  test('when the author edits a note the rescore has read but not yet written, then the note keeps the score of its new text', async () => {
    const db = database.db;
    const actor = await tenantWithNotes();
    const settings = await loadSettings(db, actor.tenantId);
    const ids = (await pageNotesById(db, actor.tenantId, NOTES)).map((n) => n.id);
    // the second page is read while the first is written; the edit lands after both
    const target = ids[RESCORE_BATCH + 7]!;
    const edited =
      'Raised how payer consolidation will squeeze their margins next year; Dana had not considered it.';
    const { job } = await queueRescore(db, actor.tenantId, settings.version);

    await runRescore(db, actor.tenantId, job.id, async (done) => {
      if (done === RESCORE_BATCH) await updateNote(db, actor, target, { summary: edited }, settings);
    });

    const note = await expectScoredFromOwnText(actor.tenantId, target, settings.weights);
    expect(note.summary).toBe(edited);
    for (const item of note.score!.evidence as Array<{
      field: string;
      start: number;
      end: number;
      text: string;
    }>)
      expect(item.text).toBe(note.summary.slice(item.start, item.end));
  });

  test('when an edit scored with the weights from before the change lands behind the rescore, then the rescore scores it again', async () => {
    const db = database.db;
    const actor = await tenantWithNotes();
    const before = await loadSettings(db, actor.tenantId);
    const { settings: after } = await updateSettings(db, actor.tenantId, { weights: only('businessFocus') });
    const ids = (await pageNotesById(db, actor.tenantId, NOTES)).map((n) => n.id);
    const target = ids[3]!;
    const { job } = await queueRescore(db, actor.tenantId, after.version);

    const finished = await runRescore(db, actor.tenantId, job.id, async (done) => {
      // a request that read the settings before the change writes its score after the rescore passed
      if (done === 2 * RESCORE_BATCH)
        await updateNote(
          db,
          actor,
          target,
          { summary: 'We agreed a pilot to cut their costs by a third.' },
          before,
        );
    });

    expect(finished.status).toBe('done');
    await expectScoredFromOwnText(actor.tenantId, target, after.weights);
    const stale = (await pageNotesById(db, actor.tenantId, NOTES)).filter(
      (n) => n.score?.overall !== scoreNote(scoringInputOf(n), after.weights).overall,
    );
    expect(stale).toEqual([]);
  });
});
