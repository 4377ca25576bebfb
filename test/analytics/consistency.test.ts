// The rollups behind the dashboard stay exact when notes are logged, edited, deleted and rescored
// through the API: after each change the dashboard equals a fresh aggregate over the notes table.
import { jest } from '@jest/globals';
import { sql } from 'kysely';
import { stageRanks } from '../../service/src/features/analytics/stage-order';
import { defaultSettings, loadSettings, updateSettings } from '../../service/src/features/settings/settings';
import { adHocTexts, redirectedIssues } from '../../service/src/features/analytics/read-models/candidates';
import {
  promptTallies,
  promptTalliesFromRaises,
  type PromptFilters,
} from '../../service/src/features/analytics/read-models/prompt-effectiveness';
import { closedByAverageScore } from '../../service/src/features/analytics/read-models/closed-deals';
import type { AnalyticsScope } from '../../service/src/features/analytics/read-models/scope';
import {
  deleteNote,
  insertNote,
  replaceNote,
  scoresPayload,
  updateScores,
  type NoteFields,
  type NotePromptRecord,
} from '../../service/src/features/notes/repository';
import { upsertOpportunity } from '../../service/src/features/opportunities/repository';
import { upsertUsers } from '../../service/src/features/users/repository';
import { scoredDays } from '../helpers/analytics';
import { DATABASE_KINDS } from '../helpers/databases';
import { startTestService, type Client, type TestService } from '../helpers/service';
import { U, pinToday, publishPrompts } from './fixture';
import { DIMENSIONS } from '../../service/src/features/scoring/types';

const OPEN = {
  id: '006000000000011AAA',
  stage: 'Needs Analysis',
  ownerId: U.a1,
  isClosed: false,
  isWon: false,
};
const WON = { id: '006000000000012AAA', stage: 'Closed Won', ownerId: U.a2, isClosed: true, isWon: true };
const round1 = (v: number | null) => (v === null ? null : Math.round(Number(v) * 10) / 10);

const note = (opportunity: typeof OPEN, occurredAt: string, summary: string) => ({
  opportunityId: opportunity.id,
  opportunity,
  occurredAt,
  summary,
  customerView: 'Dana said the board wants profitability next year, so hiring is frozen.',
  nextStep: 'Dana joins a working session on 2026-03-30.',
  nextStepDate: '2026-03-30',
});

describe.each(DATABASE_KINDS)('analytics consistency on %s', (kind) => {
  let service: TestService;
  let ops: Client;

  /** Per author, straight from the notes table: what the rollups must say. */
  async function freshAggregate() {
    const dims = DIMENSIONS.map((d) => sql`avg((score->'dimensions'->>${d})::float8)`.as(d));
    const rows = await service.db
      .selectFrom('notes')
      .select([
        'author_id',
        sql<number>`count(*)`.as('notes'),
        sql<number>`count(overall)`.as('scored'),
        sql<number>`avg(overall)`.as('overall'),
        ...dims,
      ])
      .where('tenant_id', '=', service.tenantId)
      .groupBy('author_id')
      .orderBy('author_id')
      .execute();
    return rows.map((r: any) => ({
      repId: r.author_id,
      noteCount: Number(r.notes),
      scoredCount: Number(r.scored),
      averages: Object.fromEntries(['overall', ...DIMENSIONS].map((k) => [k, round1(r[k])])),
    }));
  }

  async function expectConsistent() {
    const { body } = await ops.request('GET', '/v1/analytics/dashboard?from=2026-01-01&to=2026-03-18');
    const reps = body.reps
      .map(({ repId, noteCount, scoredCount, averages }: any) => ({
        repId,
        noteCount,
        scoredCount,
        averages,
      }))
      .sort((a: any, b: any) => a.repId.localeCompare(b.repId));
    expect(reps).toEqual(await freshAggregate());
    // closed deals per rounded average score, tenant-wide (0005's table) and from the notes
    const fresh = await sql<{ score: number; closed: number; won: number }>`
      select floor(sum(n.overall)::float8 / count(n.overall) + 0.5)::int as score,
        count(*) over (partition by 1) * 0 as closed, bool_or(o.is_won) as won
      from notes n join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id
      where n.tenant_id = ${service.tenantId} and o.is_closed = true and n.overall is not null
      group by o.id`.execute(service.db);
    const perScore = new Map<number, { score: number; closed: number; won: number }>();
    for (const r of fresh.rows) {
      const entry = perScore.get(r.score) ?? { score: r.score, closed: 0, won: 0 };
      entry.closed += 1;
      entry.won += r.won ? 1 : 0;
      perScore.set(r.score, entry);
    }
    const byScore = (rows: Array<{ score: number }>) => [...rows].sort((a, b) => a.score - b.score);
    expect(
      byScore(await closedByAverageScore(service.db, { tenantId: service.tenantId, userIds: null })),
    ).toEqual(byScore([...perScore.values()]));
    // each deal's latest scored day (coverage), kept by triggers, against the notes
    const { kept, fromNotes } = await scoredDays(service.db, service.tenantId);
    expect(kept).toEqual(fromNotes);
    return body;
  }

  beforeAll(async () => {
    pinToday();
    service = await startTestService(kind);
    ops = service.client.as(U.ops, 'salesops');
    await upsertUsers(service.db, service.tenantId, [
      { id: U.a1, name: 'Alex One', managerId: null, isActive: true },
      { id: U.a2, name: 'Alex Two', managerId: null, isActive: true },
    ]);
  });
  afterAll(async () => {
    await service.close();
    jest.useRealTimers();
  });

  test('logged, edited, deleted and rescored notes: the dashboard always matches the notes', async () => {
    const a1 = service.client.as(U.a1, 'rep');
    const a2 = service.client.as(U.a2, 'rep');
    const first = await a1.request(
      'POST',
      '/v1/notes',
      note(OPEN, '2026-03-02', 'We raised how payer mix shifts margins.'),
    );
    const second = await a1.request(
      'POST',
      '/v1/notes',
      note(OPEN, '2026-03-09', 'Status call on the demo and pricing.'),
    );
    const won = await a2.request(
      'POST',
      '/v1/notes',
      note(WON, '2026-03-10', 'We raised tariff exposure; they added supplier risk.'),
    );
    expect([first.status, second.status, won.status]).toEqual([201, 201, 201]);
    await expectConsistent();

    // an edit moves the note to another week and rescored it
    const edited = await a1.request('PATCH', `/v1/notes/${second.body.id}`, {
      occurredAt: '2026-02-10',
      summary: 'Together we sketched a pilot; Dana proposed starting with two clinics.',
    });
    expect(edited.status).toBe(200);
    let body = await expectConsistent();
    expect(body.series.find((p: any) => p.bucket === '2026-02-09').noteCount).toBe(1);

    expect((await a1.request('DELETE', `/v1/notes/${first.body.id}`)).status).toBe(204);
    body = await expectConsistent();
    expect(body.team.noteCount).toBe(2);

    // new weights rescore every note in the background
    const put = await ops.request('PUT', '/v1/settings', {
      weights: { provocation: 5, customerView: 1, collaboration: 1, businessFocus: 1, nextStep: 0 },
    });
    expect(put.status).toBe(200);
    let job;
    do {
      await new Promise((resolve) => setTimeout(resolve, 20));
      job = (await ops.request('GET', `/v1/jobs/${put.body.rescore.id}`)).body;
    } while (job.status === 'queued' || job.status === 'running');
    expect(job.status).toBe('done');
    await expectConsistent();
  });

  test('a note about an earlier day, logged later, leaves its deal covered up to the latest day', async () => {
    const a2 = service.client.as(U.a2, 'rep');
    const late = await a2.request('POST', '/v1/notes', note(WON, '2026-03-12', 'Follow-up on the pilot.'));
    const early = await a2.request('POST', '/v1/notes', note(WON, '2026-02-20', 'Backfilled an older call.'));
    expect([late.status, early.status]).toEqual([201, 201]);
    await expectConsistent();
    expect((await a2.request('DELETE', `/v1/notes/${late.body.id}`)).status).toBe(204);
    expect((await a2.request('DELETE', `/v1/notes/${early.body.id}`)).status).toBe(204);
    await expectConsistent();
  });

  test('a bulk rescore with known scores: averages and score bands follow exactly', async () => {
    const wonNote = await service.db
      .selectFrom('notes')
      .select('id')
      .where('tenant_id', '=', service.tenantId)
      .where('opportunity_id', '=', WON.id)
      .executeTakeFirstOrThrow();
    const dimensions = {
      provocation: 95,
      customerView: 85,
      collaboration: 85,
      businessFocus: 85,
      nextStep: 85,
    };
    await updateScores(
      service.db,
      service.tenantId,
      scoresPayload([
        { id: wonNote.id, version: 1, score: { overall: 87, scorerVersion: 'fixture', dimensions } },
      ]),
      1,
    );
    const body = await expectConsistent();
    const a2 = body.reps.find((r: any) => r.repId === U.a2);
    expect(a2.averages).toEqual({ overall: 87, ...dimensions });
    expect(body.scoreBands.find((b: any) => b.band === '80-100')).toMatchObject({ closed: 1, won: 1 });
    // the sync reports the deal lost, then reopened, then won again
    await upsertOpportunity(service.db, service.tenantId, { id: WON.id, stage: 'Closed Lost', isWon: false });
    expect((await expectConsistent()).scoreBands.find((b: any) => b.band === '80-100')).toMatchObject({ closed: 1, won: 0 }); // prettier-ignore
    await upsertOpportunity(service.db, service.tenantId, { id: WON.id, isClosed: false });
    expect((await expectConsistent()).scoreBands.find((b: any) => b.band === '80-100')).toMatchObject({
      closed: 0,
    });
    await upsertOpportunity(service.db, service.tenantId, { ...WON });
    await expectConsistent();
  });

  test('prompt aggregates equal a fresh count over the raises through edits, deletes and deal changes', async () => {
    const setId = await publishPrompts(ops);
    const otherSet = crypto.randomUUID();
    const ranks = stageRanks(defaultSettings());
    const scope = { tenantId: service.tenantId, userIds: null };
    const FILTERS: PromptFilters[] = [
      {},
      { industry: 'Banking' },
      { industry: 'Retail' },
      { setId },
      { setId: otherSet },
      { setId, industry: 'Banking' },
      { stages: ['Prospecting', 'Qualification'] },
      { stages: ['Needs Analysis'], industry: 'Banking' },
    ];
    const sorted = (rows: Awaited<ReturnType<typeof promptTallies>>) =>
      rows
        .map((r) => JSON.stringify(r))
        .sort()
        .map((r) => JSON.parse(r));
    /** Raises with their notes and deals, in the scope and under the filters a candidates query takes. */
    const raisesInScope = (within: AnalyticsScope, filters: PromptFilters) =>
      service.db
        .selectFrom('note_prompts as np')
        .innerJoin('notes as n', (j) =>
          j.onRef('n.tenant_id', '=', 'np.tenant_id').onRef('n.id', '=', 'np.note_id'),
        )
        .leftJoin('opportunities as o', (j) =>
          j.onRef('o.tenant_id', '=', 'n.tenant_id').onRef('o.id', '=', 'n.opportunity_id'),
        )
        .where('np.tenant_id', '=', within.tenantId)
        .$if(within.userIds !== null, (qb) => qb.where('n.author_id', 'in', within.userIds!))
        .$if(filters.industry !== undefined, (qb) => qb.where('o.industry', '=', filters.industry!))
        .$if(filters.stages !== undefined, (qb) => qb.where('n.opportunity_stage', 'in', filters.stages!));
    /** Ad-hoc texts straight from the raises, as the candidates query read them before 0005. */
    async function freshAdHoc(within: AnalyticsScope, filters: PromptFilters) {
      const rows = await raisesInScope(within, filters)
        .where('np.prompt_key', 'is', null)
        .where('np.text', 'is not', null)
        .select([sql<string>`min(np.text)`.as('text'), sql<number>`count(*)`.as('n')])
        .groupBy(sql`lower(regexp_replace(trim(np.text), '\\s+', ' ', 'g'))`)
        .execute();
      return rows
        .map((r) => ({ text: r.text.trim(), count: Number(r.n) }))
        .sort((a, b) => a.text.localeCompare(b.text));
    }
    /** Redirected issues straight from the notes, as the candidates query read them before 0005. */
    async function freshRedirected(within: AnalyticsScope, filters: PromptFilters) {
      const first = sql`substring(n.customer_view from '^[^.!?]+')`;
      const rows = await raisesInScope(within, filters)
        .where('np.reaction', '=', 'redirected')
        .where('n.customer_view', 'is not', null)
        .select([sql<string>`min(trim(${first}))`.as('text'), sql<number>`count(distinct n.id)`.as('n')])
        .groupBy(sql`lower(regexp_replace(trim(${first}), '\\s+', ' ', 'g'))`)
        .execute();
      return rows
        .filter((r) => r.text)
        .map((r) => ({ text: r.text, count: Number(r.n) }))
        .sort((a, b) => a.text.localeCompare(b.text));
    }
    const SCOPES: AnalyticsScope[] = [scope, { tenantId: service.tenantId, userIds: [U.a1] }];
    /** A phase filter as the view builds it from the stored map: its stages, and the phase that
     * selects the per-phase aggregates (the raw recount ignores it). */
    async function phaseFilters(): Promise<PromptFilters[]> {
      const { stagePhases } = await loadSettings(service.db, service.tenantId);
      const stagesOf = (phase: string) => Object.keys(stagePhases).filter((s) => stagePhases[s] === phase);
      return [
        { phase: 'early', stages: stagesOf('early') },
        { phase: 'middle', stages: stagesOf('middle'), industry: 'Banking' },
        { phase: 'middle', stages: stagesOf('middle'), setId },
        { phase: 'late', stages: stagesOf('late') },
      ];
    }
    async function expectPromptsConsistent() {
      for (const within of SCOPES) {
        for (const filters of [...FILTERS, ...(await phaseFilters())]) {
          const fresh = await promptTalliesFromRaises(service.db, within, filters, ranks);
          const aggregated = await promptTallies(service.db, within, filters, ranks);
          const context = { users: within.userIds, filters };
          expect({ context, rows: sorted(aggregated) }).toEqual({ context, rows: sorted(fresh) });
          const adHoc = (await adHocTexts(service.db, within, filters)).sort((a, b) =>
            a.text.localeCompare(b.text),
          );
          expect({ context, adHoc }).toEqual({ context, adHoc: await freshAdHoc(within, filters) });
          const redirected = (await redirectedIssues(service.db, within, filters)).sort((a, b) =>
            a.text.localeCompare(b.text),
          );
          expect({ context, redirected }).toEqual({
            context,
            redirected: await freshRedirected(within, filters),
          });
        }
      }
      return promptTallies(service.db, scope, {}, ranks);
    }
    const raise = (key: string, version: number, reaction: string, set = setId): NotePromptRecord => ({
      promptId: null, promptKey: key, setId: set, version, title: key, text: null, reaction,
    }); // prettier-ignore
    const VIEWS = [
      'Nurse turnover worries them. Margins are fine.',
      '  Nurse   turnover worries them! Agency spend.',
      'Cash first.',
      '.',
    ];
    const fields = (opportunityId: string, stage: string, prompts: NotePromptRecord[]): NoteFields => ({
      opportunityId, authorId: U.a1, occurredAt: '2026-03-01', opportunityStage: stage, prompts,
      summary: 'We talked.', customerView: VIEWS[stage.length % VIEWS.length]!, ideas: null, nextStep: null, nextStepDate: null,
    }); // prettier-ignore
    const t = service.tenantId;
    const D = ['006000000000021AAA', '006000000000022AAA', '006000000000023AAA', '006000000000024AAA'];
    await upsertOpportunity(service.db, t, { id: D[0]!, stage: 'Qualification', industry: 'Banking', isClosed: false, ownerId: U.a1 }); // prettier-ignore
    await upsertOpportunity(service.db, t, { id: D[1]!, stage: 'Closed Won', industry: 'Banking', isClosed: true, isWon: true, ownerId: U.a2 }); // prettier-ignore
    // D[2] is not stored yet: its raises count with no industry or outcome, as the left join sees them
    const n1 = crypto.randomUUID();
    const n2 = crypto.randomUUID();
    const n3 = crypto.randomUUID();
    const n4 = crypto.randomUUID();
    await insertNote(service.db, t, n1, fields(D[0]!, 'Prospecting', [raise('k1', 1, 'new_to_them'), raise('k2', 1, 'dismissed')]), null); // prettier-ignore
    await insertNote(service.db, t, n2, fields(D[1]!, 'Needs Analysis', [raise('k1', 1, 'redirected'), raise('k1', 2, 'new_to_them')]), null); // prettier-ignore
    await insertNote(service.db, t, n3, { ...fields(D[2]!, 'Qualification', [raise('k1', 1, 'already_addressing', otherSet), { ...raise('k8', 1, 'dismissed'), promptKey: null, text: '  ad  HOC ' }]), authorId: U.a2 }, null); // prettier-ignore
    await insertNote(service.db, t, n4, fields(D[1]!, 'Prospecting', [raise('k1', 1, 'dismissed'), { ...raise('k9', 1, 'redirected'), promptKey: null, text: 'Ad hoc' }]), null); // prettier-ignore
    const k1 = (await expectPromptsConsistent()).find((r) => r.promptKey === 'k1' && r.total);
    // n1, n2 (twice), n3, n4; closed: D[1] won
    expect(k1).toMatchObject({ timesRaised: 5, closed: 1, won: 1 });

    // the deal that was missing arrives, closed and won
    await upsertOpportunity(service.db, t, { id: D[2]!, stage: 'Closed Won', industry: 'Retail', isClosed: true, isWon: true, ownerId: U.a1 }); // prettier-ignore
    expect((await expectPromptsConsistent()).find((r) => r.promptKey === 'k1' && r.total)).toMatchObject({ closed: 2, won: 2 }); // prettier-ignore
    // outcomes change as the sync reports them: open → won, won → lost, a new industry
    await upsertOpportunity(service.db, t, { id: D[0]!, stage: 'Closed Won', isClosed: true, isWon: true });
    await upsertOpportunity(service.db, t, {
      id: D[1]!,
      stage: 'Closed Lost',
      isWon: false,
      industry: 'Retail',
    });
    await expectPromptsConsistent();
    await upsertOpportunity(service.db, t, { id: D[0]!, stage: 'Negotiation/Review', isClosed: false, isWon: false }); // prettier-ignore
    await expectPromptsConsistent();

    // an edit moves a note to another deal and stage and changes its raises
    await replaceNote(service.db, t, n2, fields(D[0]!, 'Qualification', [raise('k1', 2, 'dismissed'), raise('k3', 1, 'new_to_them')]), null); // prettier-ignore
    await expectPromptsConsistent();
    await replaceNote(service.db, t, n1, fields(D[0]!, 'Negotiation/Review', [raise('k2', 1, 'redirected')]), null); // prettier-ignore
    await expectPromptsConsistent();
    await service.db.updateTable('notes').set({ customer_view: 'Cash first. Then growth.' }).where('tenant_id', '=', t).where('id', '=', n1).execute(); // prettier-ignore
    await expectPromptsConsistent();
    // the last raise of k1 v1 on D[1] goes: D[1] no longer counts for that version
    await replaceNote(service.db, t, n4, fields(D[1]!, 'Prospecting', []), null);
    await expectPromptsConsistent();
    await deleteNote(service.db, t, n1);
    await deleteNote(service.db, t, n3);
    await expectPromptsConsistent();
    // a deal that is removed counts as missing again
    await service.db.deleteFrom('opportunities').where('tenant_id', '=', t).where('id', '=', D[0]!).execute();
    await expectPromptsConsistent();
    // a bulk statement over many notes at once
    await service.db
      .updateTable('notes')
      .set({ opportunity_stage: 'Needs Analysis' })
      .where('tenant_id', '=', t)
      .execute();
    await expectPromptsConsistent();
    // sales ops move a stage to another phase: the per-phase counts follow the new map
    await insertNote(service.db, t, n1, fields(D[1]!, 'Qualification', [raise('k1', 1, 'new_to_them'), raise('k2', 1, 'dismissed')]), null); // prettier-ignore
    await expectPromptsConsistent();
    const { stagePhases } = await loadSettings(service.db, t);
    // as the settings route stores it (a request here would meet a connection the server has
    // closed while the checks above ran)
    await updateSettings(service.db, t, {
      stagePhases: { ...stagePhases, 'Needs Analysis': 'early', Qualification: 'late' },
    });
    expect((await phaseFilters())[0]!.stages).toContain('Needs Analysis');
    await expectPromptsConsistent();
    await service.db.deleteFrom('notes').where('tenant_id', '=', t).execute();
    await expectPromptsConsistent();
    for (const table of ['analytics_prompt_wins', 'analytics_prompt_phase_wins']) {
      const left = await service.db
        .selectFrom(sql.table(table).as('w'))
        .select(sql<number>`count(*) filter (where closed <> 0 or won <> 0)`.as('n'))
        .executeTakeFirstOrThrow();
      expect({ table, left: Number(left.n) }).toEqual({ table, left: 0 });
    }
  });
});
