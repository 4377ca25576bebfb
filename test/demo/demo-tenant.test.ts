// When `npm start` seeds the demo tenant, then it shows what the product is for: a sales team with a
// hierarchy, two quarters of deals in every industry of the library, conversations whose text talks
// about the prompts they record, and enough closed deals for win rates with intervals.
import { sql } from 'kysely';
import type { Db } from '../../service/src/platform/database/database';
import { openDatabase } from '../../service/src/platform/database/database';
import { ensureDemoTenant } from '../../service/src/features/demo';
import { DEMO_MANAGER_ID, DEMO_NOTES, DEMO_REPS, DEMO_SECOND_MANAGER_ID, DEMO_SALES_OPS_ID, HAND_WRITTEN_DEALS } from '../../service/src/features/demo/demo-data'; // prettier-ignore
import { HISTORY_DAYS, demoDeals } from '../../service/src/features/demo/demo-history';
import { INDUSTRY_MATERIAL } from '../../service/src/features/demo/demo-material';
import {
  addDays,
  loadDashboard,
  loadPromptEffectiveness,
  todayUtc,
} from '../../service/src/features/analytics';
import { listPublishedPrompts, type PromptRecord } from '../../service/src/features/prompt-sets';
import { reportsOf } from '../../service/src/features/users';
import { REACTIONS } from '../../service/src/features/notes';
import { MIN_SAMPLE } from '../../service/src/features/analytics/wilson';

let db: Db;
let tenantId: string;
let published: PromptRecord[];
const today = todayUtc();
const salesops = () => ({ tenantId, userId: DEMO_SALES_OPS_ID, role: 'salesops' as const });

beforeAll(async () => {
  db = await openDatabase({ kind: 'pglite' });
  tenantId = (await ensureDemoTenant(db)).tenantId;
  published = await listPublishedPrompts(db, tenantId);
}, 120_000);
afterAll(() => db.destroy());

interface NoteRow {
  id: string;
  opportunity_id: string;
  author_id: string;
  occurred_at: string;
  summary: string;
  customer_view: string | null;
  ideas: string | null;
  industry: string;
}

const notes = async () =>
  (
    await sql<NoteRow>`select n.id, n.opportunity_id, n.author_id, n.occurred_at, n.summary, n.customer_view,
      n.ideas, o.industry from notes n join opportunities o on o.tenant_id = n.tenant_id and o.id = n.opportunity_id
      where n.tenant_id = ${tenantId}`.execute(db)
  ).rows;

test('a team of eight reps under two managers, seen as a team without any sync', async () => {
  expect(new Set(await reportsOf(db, tenantId, DEMO_MANAGER_ID))).toEqual(
    new Set([...DEMO_REPS, DEMO_SECOND_MANAGER_ID]),
  );
  expect(await reportsOf(db, tenantId, DEMO_SECOND_MANAGER_ID)).toHaveLength(4);
  const dashboard = await loadDashboard(
    db,
    { tenantId, userId: DEMO_SECOND_MANAGER_ID, role: 'manager' },
    { days: 30 },
  );
  expect(dashboard.reps).toHaveLength(4);
  expect(dashboard.reps.every((r) => r.noteCount > 0)).toBe(true);
  // some open deals went quiet: coverage is real, not complete
  expect(dashboard.coverage.share).toBeGreaterThan(0.5);
  expect(dashboard.coverage.share).toBeLessThan(1);
});

test('60+ deals in every industry of the library, won and lost; 300+ notes by every rep, within two quarters', async () => {
  const deals = (await sql<{ industry: string; is_closed: boolean; is_won: boolean; close_date: string }>`
    select industry, is_closed, is_won, close_date from opportunities where tenant_id = ${tenantId}`.execute(db))
    .rows; // prettier-ignore
  expect(deals.length).toBeGreaterThanOrEqual(60);
  const libraryIndustries = new Set(published.flatMap((p) => p.targeting.industries));
  expect(libraryIndustries.size).toBeGreaterThanOrEqual(12);
  for (const industry of libraryIndustries) expect(deals.map((d) => d.industry)).toContain(industry);
  expect(deals.filter((d) => d.is_won).length).toBeGreaterThanOrEqual(15);
  expect(deals.filter((d) => d.is_closed && !d.is_won).length).toBeGreaterThanOrEqual(15);
  expect(deals.every((d) => (d.is_closed ? d.close_date <= today : d.close_date >= today))).toBe(true);

  const all = await notes();
  expect(all.length).toBeGreaterThanOrEqual(300);
  for (const rep of DEMO_REPS) expect(all.filter((n) => n.author_id === rep).length).toBeGreaterThan(10);
  const oldest = addDays(today, -HISTORY_DAYS);
  expect(all.every((n) => n.occurred_at >= oldest && n.occurred_at <= today)).toBe(true);
});

test('prompt effectiveness shows win rates with intervals for several prompts, and "not enough data" only below the sample', async () => {
  const effectiveness = await loadPromptEffectiveness(db, salesops(), {});
  expect(effectiveness.population.enoughData).toBe(true);
  const measured = effectiveness.items.filter((i) => i.winRate.enoughData);
  expect(measured.length).toBeGreaterThanOrEqual(3);
  for (const item of measured) {
    expect(item.winRate.low!).toBeLessThan(item.winRate.rate!);
    expect(item.winRate.high!).toBeGreaterThan(item.winRate.rate!);
    expect(item.baseline.enoughData).toBe(true);
  }
  for (const item of effectiveness.items)
    expect(item.winRate.enoughData).toBe(item.winRate.closed >= MIN_SAMPLE);
  expect(effectiveness.items.some((i) => i.progressed > 0)).toBe(true);
  const reactions = effectiveness.items.reduce(
    (sum, i) => sum + Object.values(i.reactions).reduce((a, b) => a + b, 0),
    0,
  );
  expect(reactions).toBeGreaterThanOrEqual(200);
});

test('candidates are the issues customers steered us to and reps’ own provocations, each heard more than once', async () => {
  const { candidates } = await loadPromptEffectiveness(db, salesops(), {});
  const issues = new Set([
    ...INDUSTRY_MATERIAL.flatMap((m) => m.redirects.map((r) => r.replace(/[.]$/, ''))),
    ...DEMO_NOTES.flatMap((n) => (n.customerView ? [n.customerView.split('.')[0]!] : [])),
  ]);
  const redirected = candidates.filter((c) => c.kind === 'redirected');
  expect(redirected.length).toBeGreaterThanOrEqual(5);
  for (const c of redirected) expect(issues).toContain(c.text);
  expect(candidates.filter((c) => c.kind === 'adhoc' && c.count > 1).length).toBeGreaterThanOrEqual(3);
});

const words = (text: string) => new Set(text.toLowerCase().match(/[a-z]{5,}/g) ?? []);

test("every note that raises a library prompt names it or shares its theme's words", async () => {
  const byId = new Map(published.map((p) => [p.id, p]));
  const raised = (await sql<{ note_id: string; prompt_id: string }>`
    select note_id, prompt_id from note_prompts where tenant_id = ${tenantId} and prompt_id is not null`.execute(db))
    .rows; // prettier-ignore
  expect(raised.length).toBeGreaterThanOrEqual(250);
  const noteById = new Map((await notes()).map((n) => [n.id, n]));
  const offTheme = raised.flatMap(({ note_id, prompt_id }) => {
    const note = noteById.get(note_id)!;
    const prompt = byId.get(prompt_id)!;
    const told = words([note.summary, note.customer_view, note.ideas].join(' '));
    const shared = [...words(`${prompt.title} ${prompt.provocation}`)].filter((w) => told.has(w));
    return shared.length >= 2 || note.summary.includes(prompt.title)
      ? []
      : [{ summary: note.summary, prompt: prompt.title, shared }];
  });
  expect(offTheme).toEqual([]);
});

test('the hand-written deals keep their history: St. Agnes has its two conversations, both raising prompts', async () => {
  const stAgnes = (await notes()).filter((n) => n.opportunity_id === '006000000000001AAA');
  expect(stAgnes.map((n) => n.customer_view)).toEqual(
    expect.arrayContaining([
      expect.stringContaining('Scheduling and IT disagree about who owns the patient portal'),
      expect.stringContaining('Raj explained they already tried a portal vendor in 2024'),
    ]),
  );
  const prompts = await sql<{ n: number }>`select count(*)::int as n from note_prompts
    where tenant_id = ${tenantId} and note_id in (${sql.join(stAgnes.map((n) => n.id))}) and prompt_id is not null`.execute(db); // prettier-ignore
  expect(prompts.rows[0]!.n).toBe(2);
});

test('each hand-written conversation is by a demo rep, on a hand-written deal, with known reactions', () => {
  const deals = new Set(HAND_WRITTEN_DEALS.map((d) => d.id));
  const reactions = new Set<string>(REACTIONS);
  for (const note of DEMO_NOTES) {
    expect(DEMO_REPS).toContain(note.authorId);
    expect(deals.has(note.opportunityId)).toBe(true);
    const raised = [...note.library.map((p) => p.reaction), ...(note.adHoc ? [note.adHoc.reaction] : [])];
    expect(raised.filter((r) => !reactions.has(r))).toEqual([]);
  }
  expect(DEMO_NOTES.length).toBeGreaterThanOrEqual(HAND_WRITTEN_DEALS.length);
});

test('the same day gives the same deals', () => {
  expect(demoDeals(today)).toEqual(demoDeals(today));
  expect(demoDeals(addDays(today, 7))[10]!.context.closeDate).toBe(
    addDays(demoDeals(today)[10]!.context.closeDate!, 7),
  );
});
