// When a rep opens the Opportunity panel: every account gets prompts, sized to the deal by the
// tenant's bands; a closed deal gets none; what the account already heard is marked and goes
// last; merge fields read naturally; the summary speaks for the whole latest conversation.
import { DATABASE_KINDS } from '../helpers/databases';
import {
  OPPORTUNITY,
  OPS,
  OTHER_REP,
  samplePrompt,
  startTestService,
  type Client,
  type TestService,
} from '../helpers/service';

interface PanelPrompt {
  id: string;
  key: string;
  title: string;
  provocation: string;
  followUp: string;
  targeting: { industries: string[]; sizes?: string[] };
  requiredMergeFields: string[];
  heard: { authorId: string; occurredAt: string; reaction: string | null; opportunityId: string } | null;
}

const ACCOUNT_ID = '001000000000001AAA';

describe.each(DATABASE_KINDS)('the Opportunity panel on %s', (kind) => {
  let service: TestService;
  let rep: Client;
  let ops: Client;

  beforeAll(async () => {
    service = await startTestService(kind);
    const library = await service.newTenant('with-library', { withDefaultLibrary: true });
    rep = service.clientFor(library.apiKey);
    ops = service.clientFor(library.apiKey, OPS, 'salesops');
  });
  afterAll(async () => {
    await service.close();
  });

  async function panel(client: Client, opportunity: Record<string, unknown>) {
    const reply = await client.request('POST', `/v1/opportunities/${String(opportunity.id)}/panel`, {
      opportunity,
    });
    expect(reply.status).toBe(200);
    return reply.body as {
      prompts: PanelPrompt[];
      promptsWithheld: string | null;
      recentNotes: Array<{ id: string }>;
      summary: { lastReaction: string | null; lastReactions: Array<{ reaction: string; count: number }> };
      accountHistory: {
        items: Array<{ promptKey: string | null; authorId: string; text: string | null }>;
        more: boolean;
      };
    };
  }

  test('when the account is in an industry the library does not cover, or has none, then it gets three to five cross-industry prompts', async () => {
    for (const [n, industry] of [
      [1, 'Agriculture'],
      [2, undefined],
    ] as const) {
      for (const stage of ['Prospecting', 'Needs Analysis', 'Negotiation/Review']) {
        const body = await panel(rep, {
          id: `00600000000010${n}AAA`,
          name: 'Harvest Co-op – Planning',
          stage,
          amount: 120000,
          accountName: 'Harvest Co-op',
          industry,
        });
        expect(body.prompts.length).toBeGreaterThanOrEqual(3);
        expect(body.prompts.length).toBeLessThanOrEqual(5);
        for (const prompt of body.prompts) {
          expect(prompt.key).toMatch(/^cross-industry-/);
          expect(prompt.targeting.industries).toEqual([]);
          expect(prompt.followUp.endsWith('?')).toBe(true);
        }
      }
    }
  });

  test("when sales ops set the tenant's amount bands, then the same amount is sized by them; bands that overlap are refused", async () => {
    const deal = {
      id: '006000000000201AAA',
      stage: 'Needs Analysis',
      amount: 200000,
      industry: 'Agriculture',
    };
    const sizesOf = async () =>
      (await panel(rep, deal)).prompts.flatMap((p) => p.targeting.sizes ?? []).filter(Boolean);
    // by the default bands, 200,000 is a medium deal: no sized prompt fits
    expect(await sizesOf()).toEqual([]);

    const settings = await ops.request('GET', '/v1/settings');
    expect(settings.body.amountBands).toEqual({ smallBelow: 50000, largeFrom: 500000 });
    const bad = await ops.request('PUT', '/v1/settings', {
      amountBands: { smallBelow: 900000, largeFrom: 100 },
    });
    expect(bad.status).toBe(400);
    expect(bad.body.error.details.map((d: { path: string }) => d.path)).toContain(
      'body.amountBands.smallBelow',
    );

    const larger = await ops.request('PUT', '/v1/settings', {
      amountBands: { smallBelow: 250000, largeFrom: 5000000 },
    });
    expect(larger.status).toBe(200);
    expect(larger.body.amountBands).toEqual({ smallBelow: 250000, largeFrom: 5000000 });
    expect(await sizesOf()).toEqual(['small']);

    await ops.request('PUT', '/v1/settings', { amountBands: { smallBelow: 10000, largeFrom: 150000 } });
    expect(await sizesOf()).toEqual(['large']);
    await ops.request('PUT', '/v1/settings', { amountBands: { smallBelow: 50000, largeFrom: 500000 } });
  });

  test('when the deal is closed, then the panel shows its history and no new prompts, and says why', async () => {
    const deal = { ...OPPORTUNITY, id: '006000000000301AAA' };
    const note = await rep.request('POST', '/v1/notes', {
      opportunityId: deal.id,
      opportunity: deal,
      summary: 'Walked through the rollout plan with the CFO.',
    });
    expect(note.status).toBe(201);
    expect((await panel(rep, deal)).promptsWithheld).toBeNull();

    for (const closed of [
      { ...deal, stage: 'Closed Won', isClosed: true, isWon: true },
      { ...deal, stage: 'Closed Lost' },
    ]) {
      const body = await panel(rep, closed);
      expect(body.prompts).toEqual([]);
      expect(body.promptsWithheld).toBe('closed');
      expect(body.recentNotes.map((n) => n.id)).toEqual([note.body.id]);
    }
  });

  test('when the account heard a prompt on another deal, then it is marked with who, when and how it landed, and unheard prompts come first', async () => {
    const first = { ...OPPORTUNITY, id: '006000000000401AAA', accountId: ACCOUNT_ID };
    const second = { ...first, id: '006000000000402AAA', name: 'St. Agnes Health – Expansion' };
    const before = await panel(rep, second);
    const raised = before.prompts[0]!;
    expect(raised.heard).toBeNull();

    const today = new Date().toISOString().slice(0, 10);
    const note = await rep.as(OTHER_REP, 'rep').request('POST', '/v1/notes', {
      opportunityId: first.id,
      opportunity: first,
      occurredAt: today,
      summary: 'Raised the prompt with the CFO.',
      prompts: [{ promptId: raised.id, reaction: 'already_addressing' }],
    });
    expect(note.status).toBe(201);

    const after = await panel(rep, second);
    // other prompts fit this deal, so the one its account just heard gives way to them
    expect(after.prompts.length).toBeGreaterThanOrEqual(3);
    expect(after.prompts.map((p) => p.key)).not.toContain(raised.key);
    // the account's history is on the panel, one click away; a long own provocation shows its start
    expect(after.accountHistory.items[0]).toMatchObject({ promptKey: raised.key, authorId: OTHER_REP });
    const long = `${'Their payer mix is shifting 🙂 '.repeat(60)}end`;
    await rep.request('POST', '/v1/notes', {
      opportunityId: first.id,
      opportunity: first,
      summary: 'Brought our own angle.',
      prompts: [{ text: long, reaction: 'redirected' }],
    });
    const clipped = (await panel(rep, second)).accountHistory.items.find((i) => i.text?.startsWith('Their'));
    expect(Array.from(clipped!.text!)).toHaveLength(300);
    expect(clipped!.text!.endsWith('…')).toBe(true);

    // with only that prompt to offer, it is offered, marked
    const only = await service.newTenant(`heard-${kind}`);
    const onlyOps = service.clientFor(only.apiKey, OPS, 'salesops');
    const onlyRep = service.clientFor(only.apiKey);
    const set = await onlyOps.request('POST', '/v1/prompt-sets', {
      name: 'One',
      prompts: [samplePrompt('one')],
    });
    await onlyOps.request('POST', `/v1/prompt-sets/${set.body.id}/versions/1/publish`);
    const offered = (await panel(onlyRep, first)).prompts[0]!;
    await onlyRep.as(OTHER_REP, 'rep').request('POST', '/v1/notes', {
      opportunityId: first.id,
      opportunity: first,
      occurredAt: today,
      summary: 'Raised it.',
      prompts: [{ promptId: offered.id, reaction: 'redirected' }],
    });
    const again = (await panel(onlyRep, second)).prompts;
    expect(again.map((p) => p.key)).toEqual(['one']);
    expect(again[0]!.heard).toMatchObject({ authorId: OTHER_REP, occurredAt: today, reaction: 'redirected' });
  });

  test('when merge fields are filled, then amounts and dates follow the currency and locale, possessives fit, and a prompt missing a field it needs is skipped', async () => {
    const tenant = await service.newTenant(`merge-${kind}`);
    const tenantOps = service.clientFor(tenant.apiKey, OPS, 'salesops');
    const tenantRep = service.clientFor(tenant.apiKey);
    const set = await tenantOps.request('POST', '/v1/prompt-sets', {
      name: 'Merge',
      prompts: [
        samplePrompt('money', {
          provocation: "{Account.Name}'s {Opportunity.Amount} decision lands on {Opportunity.CloseDate}.",
        }),
        samplePrompt('fallback', { provocation: '{Account.Name|your organisation} decides.' }),
        samplePrompt('plain', { provocation: 'A prompt with no merge fields.' }),
      ],
    });
    expect(set.status).toBe(201);
    const version = await tenantOps.request('GET', `/v1/prompt-sets/${set.body.id}/versions/1`);
    const byKey = Object.fromEntries(
      version.body.prompts.map((p: PanelPrompt) => [p.key, p.requiredMergeFields]),
    );
    expect(byKey).toEqual({
      money: ['Account.Name', 'Opportunity.Amount', 'Opportunity.CloseDate'],
      fallback: [],
      plain: [],
    });
    await tenantOps.request('POST', `/v1/prompt-sets/${set.body.id}/versions/1/publish`);

    const deal = {
      ...OPPORTUNITY,
      accountName: 'Acme Stores',
      amount: 1250000.4,
      currencyIsoCode: 'EUR',
      locale: 'en_GB',
    };
    const filled = (await panel(tenantRep, deal)).prompts.find((p) => p.key === 'money');
    expect(filled?.provocation).toBe("Acme Stores' €1,250,000 decision lands on 31 March 2027.");

    const lacking = await panel(tenantRep, { ...deal, accountName: null, closeDate: null });
    expect(lacking.prompts.map((p) => p.key).sort()).toEqual(['fallback', 'plain']);
    expect(lacking.prompts.find((p) => p.key === 'fallback')?.provocation).toBe('Your organisation decides.');
    for (const p of lacking.prompts) expect(p.provocation).not.toMatch(/[[\]{}]/);

    const badLocale = await tenantRep.request('POST', `/v1/opportunities/${deal.id}/panel`, {
      opportunity: { ...deal, currencyIsoCode: 'euro' },
    });
    expect(badLocale.status).toBe(400);
  });

  test("when the latest conversation raised several prompts, then the last reaction is its most telling one, not its last row's", async () => {
    const deal = { ...OPPORTUNITY, id: '006000000000501AAA' };
    const reply = await rep.request('POST', '/v1/notes', {
      opportunityId: deal.id,
      opportunity: deal,
      summary: 'Three provocations with the CFO.',
      prompts: [
        { text: 'Self-scheduling will become the norm.', reaction: 'new_to_them' },
        { text: 'Your payers are automating.', reaction: 'dismissed' },
        { text: 'Staffing costs keep rising.', reaction: 'dismissed' },
      ],
    });
    expect(reply.status).toBe(201);
    const { summary } = await panel(rep, deal);
    expect(summary.lastReaction).toBe('new_to_them');
    expect(summary.lastReactions).toEqual([
      { reaction: 'new_to_them', count: 1 },
      { reaction: 'dismissed', count: 2 },
    ]);
  });
});
