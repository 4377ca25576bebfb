// When reps log conversations on an account's deals, then the account remembers what the customer
// told us (the inside view) and a pre-call brief puts it in front of the next rep — on both databases.
import { DATABASE_KINDS } from '../helpers/databases';
import { upsertUsers } from '../../service/src/features/users';
import { addDays, todayUtc } from '../../service/src/features/analytics';
import {
  MANAGER,
  OPPORTUNITY,
  OPS,
  OTHER_REP,
  REP,
  samplePrompt,
  startTestService,
  type TestService,
} from '../helpers/service';

const ACCOUNT = '001000000000001AAA';
const OTHER_ACCOUNT = '001000000000002AAA';
const THIRD_REP = '005000000000003AAA';
const today = todayUtc();
const daysAgo = (n: number) => addDays(today, -n);

const DEAL = { ...OPPORTUNITY, id: '006000000000101AAA', accountId: ACCOUNT };
const SECOND_DEAL = {
  ...OPPORTUNITY,
  id: '006000000000102AAA',
  name: 'St. Agnes – Nursing',
  accountId: ACCOUNT,
};
const ELSEWHERE = {
  ...OPPORTUNITY,
  id: '006000000000103AAA',
  accountName: 'Elsewhere',
  accountId: OTHER_ACCOUNT,
};

describe.each(DATABASE_KINDS)('account memory on %s', (kind) => {
  let service: TestService;
  const ops = () => service.client.as(OPS, 'salesops');
  const promptIds: Record<string, string> = {};
  const notes: Record<string, string> = {};

  const post = async (as: string, opportunity: object, body: Record<string, unknown>) => {
    const reply = await service.client.as(as, 'rep').request('POST', '/v1/notes', {
      opportunityId: (opportunity as { id: string }).id,
      opportunity,
      ...body,
    });
    expect(reply.status).toBe(201);
    return reply.body.id as string;
  };

  beforeAll(async () => {
    service = await startTestService(kind);
    const set = await ops().request('POST', '/v1/prompt-sets', {
      name: 'Healthcare',
      prompts: ['k1', 'k2', 'k3', 'k4', 'k5'].map((key) => samplePrompt(key)),
    });
    await ops().request('POST', `/v1/prompt-sets/${set.body.id}/versions/1/publish`);
    const v1 = await ops().request('GET', `/v1/prompt-sets/${set.body.id}/versions/1`);
    for (const p of v1.body.prompts) promptIds[p.key] = p.id;

    notes.old = await post(REP, DEAL, {
      occurredAt: daysAgo(400),
      summary: 'Discovery call about scheduling.',
      customerView: 'Today they schedule by hand in spreadsheets.',
    });
    notes.dismissed = await post(OTHER_REP, SECOND_DEAL, {
      occurredAt: daysAgo(200),
      prompts: [{ promptId: promptIds.k2, reaction: 'dismissed' }],
      summary: 'Intro call on nursing.',
    });
    notes.cfo = await post(REP, DEAL, {
      occurredAt: daysAgo(30),
      prompts: [{ promptId: promptIds.k1, reaction: 'new_to_them' }],
      summary: 'Met Dana (VP Patient Access). I raised how self-scheduling shifts patient volume.',
      customerView:
        'The CFO wants to cut agency spend by 20% this year, while IT insists on finishing the EHR upgrade first. Budget is frozen until the March board meeting.',
      nextStep: 'Dana brings the no-show data to a working session with IT.',
      nextStepDate: daysAgo(10),
    });
    notes.redirect = await post(OTHER_REP, SECOND_DEAL, {
      occurredAt: daysAgo(5),
      prompts: [{ text: 'Self-scheduling will move volume away from call centres', reaction: 'redirected' }],
      summary: 'Quarterly check-in with the CNO.',
      customerView:
        'Their real worry is nurse retention on night shifts. They launched a retention program in October.',
    });
    await post(THIRD_REP, ELSEWHERE, {
      occurredAt: daysAgo(3),
      summary: 'Call with another account.',
      customerView: 'The COO wants to close two clinics next year.',
    });
  });
  afterAll(async () => {
    await service.close();
  });

  test('when sales ops reads the inside view, then it holds every entry of the account, newest first, with kinds, dates, authors and staleness', async () => {
    const reply = await ops().request('GET', `/v1/accounts/${ACCOUNT}/inside-view`);
    expect(reply.status).toBe(200);
    expect(reply.body).toMatchObject({
      accountId: ACCOUNT,
      staleAfterMonths: 12,
      notesRead: 4,
      truncated: false,
    });
    const seen = reply.body.items.map((e: Record<string, unknown>) => [
      e.kind,
      e.text,
      e.status,
      e.authorId,
      e.occurredAt,
    ]);
    expect(seen).toEqual([
      ['redirect', 'Their real worry is nurse retention on night shifts', 'current', OTHER_REP, daysAgo(5)],
      ['initiative', 'They launched a retention program in October', 'current', OTHER_REP, daysAgo(5)],
      ['who_wants_what', 'The CFO wants to cut agency spend by 20% this year', 'current', REP, daysAgo(30)],
      ['disagreement', 'while IT insists on finishing the EHR upgrade first', 'current', REP, daysAgo(30)],
      ['constraint', 'Budget is frozen until the March board meeting', 'current', REP, daysAgo(30)],
      ['practice', 'Today they schedule by hand in spreadsheets', 'stale', REP, daysAgo(400)],
    ]);
    const [redirect, , cfo] = reply.body.items;
    expect(redirect).toMatchObject({
      id: `${notes.redirect}.1`,
      opportunityId: SECOND_DEAL.id,
      opportunityName: SECOND_DEAL.name,
      redirectedFrom: [{ promptId: null, text: 'Self-scheduling will move volume away from call centres' }],
      source: { noteId: notes.redirect },
    });
    expect(cfo).toMatchObject({ id: `${notes.cfo}.1`, source: { noteId: notes.cfo }, redirectedFrom: [] });
    expect(reply.text).not.toContain('close two clinics');
  });

  test('when the account is read, then its provocations are grouped by what the inside view did to them', async () => {
    const { body } = await ops().request('GET', `/v1/accounts/${ACCOUNT}/inside-view`);
    const brief = (items: Array<Record<string, any>>) =>
      items.map((i) => [i.reaction, i.promptKey ?? i.text, i.noteId, i.customerSaid?.text ?? null]);
    expect(brief(body.intersection.confirmed)).toEqual([
      ['new_to_them', 'k1', notes.cfo, 'The CFO wants to cut agency spend by 20% this year'],
    ]);
    expect(body.intersection.reshaped).toEqual([]);
    expect(brief(body.intersection.redirected)).toEqual([
      [
        'redirected',
        'Self-scheduling will move volume away from call centres',
        notes.redirect,
        'Their real worry is nurse retention on night shifts',
      ],
    ]);
    expect(brief(body.intersection.dismissed)).toEqual([['dismissed', 'k2', notes.dismissed, null]]);
  });

  test('when reps and managers read an account, then they see it only with a deal of theirs or their team', async () => {
    const read = (userId: string, role: 'rep' | 'manager') =>
      service.client.as(userId, role).request('GET', `/v1/accounts/${ACCOUNT}/inside-view`);
    expect((await read(REP, 'rep')).status).toBe(200);
    expect((await read(OTHER_REP, 'rep')).status).toBe(200);
    const outsider = await read(THIRD_REP, 'rep');
    expect(outsider.status).toBe(403);
    expect(outsider.text).not.toContain('nurse retention');
    expect((await read(MANAGER, 'manager')).status).toBe(403);
    await upsertUsers(service.db, service.tenantId, [
      { id: MANAGER, name: 'Mia Manager', managerId: null, isActive: true },
      { id: OTHER_REP, name: 'Omar Rep', managerId: MANAGER, isActive: true },
    ]);
    const managed = await read(MANAGER, 'manager');
    expect(managed.status).toBe(200);
    expect(managed.body.items[0].authorName).toBe('Omar Rep');
  });

  test('when the author marks an entry outdated and sales ops corrects another, then the inside view shows both and others are refused', async () => {
    const entry = `${notes.cfo}.3`;
    const path = `/v1/accounts/${ACCOUNT}/inside-view/${entry}`;
    const refused = await service.client.as(OTHER_REP, 'rep').request('PATCH', path, { outdated: true });
    expect(refused.status).toBe(403);
    const marked = await service.client.as(REP, 'rep').request('PATCH', path, { outdated: true });
    expect(marked.status).toBe(200);
    expect(marked.body).toMatchObject({ id: entry, status: 'outdated', changedBy: REP });

    const corrected = await ops().request('PATCH', `/v1/accounts/${ACCOUNT}/inside-view/${notes.cfo}.1`, {
      correction: 'The CFO wants agency spend down by a fifth this fiscal year',
    });
    expect(corrected.status).toBe(200);
    expect(corrected.body).toMatchObject({
      text: 'The CFO wants agency spend down by a fifth this fiscal year',
      originalText: 'The CFO wants to cut agency spend by 20% this year',
      status: 'current',
    });
    const view = await ops().request('GET', `/v1/accounts/${ACCOUNT}/inside-view`);
    const byId = new Map(view.body.items.map((e: { id: string }) => [e.id, e]));
    expect(byId.get(entry)).toMatchObject({ status: 'outdated' });
    expect(byId.get(`${notes.cfo}.1`)).toMatchObject({
      originalText: 'The CFO wants to cut agency spend by 20% this year',
    });

    // another account in the path, or an entry the note does not have: not found
    expect((await ops().request('PATCH', `/v1/accounts/${OTHER_ACCOUNT}/inside-view/${entry}`, { outdated: true })).status).toBe(404); // prettier-ignore
    expect((await ops().request('PATCH', `/v1/accounts/${ACCOUNT}/inside-view/${notes.cfo}.99`, { outdated: true })).status).toBe(404); // prettier-ignore
    expect((await ops().request('PATCH', path, {})).status).toBe(400);

    // clearing the correction and the mark restores the note's words
    await ops().request('PATCH', `/v1/accounts/${ACCOUNT}/inside-view/${notes.cfo}.1`, { correction: null });
    const restored = await service.client.as(REP, 'rep').request('PATCH', path, { outdated: false });
    expect(restored.body).toMatchObject({ status: 'current', originalText: null });
  });

  test('when a rep asks for a brief, then it gives unheard prompts, the inside view, open redirects, the next step and a connecting question, each with its source', async () => {
    const reply = await service.client
      .as(REP, 'rep')
      .request('POST', `/v1/opportunities/${DEAL.id}/brief`, { opportunity: DEAL });
    expect(reply.status).toBe(200);
    const brief = reply.body;
    expect(brief.opportunity).toEqual({
      id: DEAL.id,
      name: DEAL.name,
      accountId: ACCOUNT,
      accountName: DEAL.accountName,
    });
    // k1 was raised on this deal and k2 on another deal of the account: neither is offered
    const keys = brief.prompts.map((p: { promptId: string }) =>
      Object.keys(promptIds).find((k) => promptIds[k] === p.promptId),
    );
    // equally good prompts keep the selection's own (hash-broken) order
    expect(keys.sort()).toEqual(['k3', 'k4', 'k5']);
    for (const p of brief.prompts) expect(p.source).toEqual({ promptId: p.promptId });
    expect(brief.prompts[0].provocation).toContain('St. Agnes Health');

    expect(brief.openRedirects.map((e: { text: string }) => e.text)).toEqual([
      'Their real worry is nurse retention on night shifts',
    ]);
    // stale and redirect entries stay out of the latest inside view
    expect(brief.insideView.map((e: { text: string }) => e.text)).toEqual([
      'They launched a retention program in October',
      'The CFO wants to cut agency spend by 20% this year',
      'while IT insists on finishing the EHR upgrade first',
      'Budget is frozen until the March board meeting',
    ]);
    expect(brief.nextStep).toEqual({
      text: 'Dana brings the no-show data to a working session with IT.',
      date: daysAgo(10),
      agreedOn: daysAgo(30),
      status: 'overdue',
      followedBy: null,
      source: { noteId: notes.cfo },
    });
    expect(brief.suggestedQuestion).toEqual({
      text: 'You told us: "Their real worry is nurse retention on night shifts". What are you already doing about it?',
      entryId: `${notes.redirect}.1`,
      source: { noteId: notes.redirect, promptId: brief.prompts[0].promptId },
    });
    expect(brief.intersection.confirmed.map((i: { noteId: string }) => i.noteId)).toEqual([notes.cfo]);
    expect(brief.intersection.redirected).toEqual([]);

    expect(brief.text).toContain(
      `Pre-call brief: St. Agnes Health – St. Agnes Health – Patient Access (${today})`,
    );
    expect(brief.text).toContain(
      `- Their real worry is nurse retention on night shifts (${daysAgo(5)}) [note ${notes.redirect}]`,
    );
    expect(brief.text).toContain(`overdue: no conversation logged since [note ${notes.cfo}]`);
    expect(brief.text).toContain(`[note ${notes.redirect}, prompt ${brief.prompts[0].promptId}]`);
  });

  test('when a conversation on the deal is logged after the next step was due, then the brief says it happened', async () => {
    const later = await post(REP, DEAL, {
      occurredAt: daysAgo(2),
      summary: 'Working session with IT on no-show data.',
    });
    const reply = await service.client
      .as(REP, 'rep')
      .request('POST', `/v1/opportunities/${DEAL.id}/brief`, { opportunity: DEAL });
    expect(reply.body.nextStep).toMatchObject({
      status: 'happened',
      followedBy: later,
      source: { noteId: notes.cfo },
    });
  });

  test('when the deal context carries no account id, then the brief draws on the deal alone', async () => {
    const lone = { ...OPPORTUNITY, id: '006000000000104AAA' };
    await post(REP, lone, {
      occurredAt: daysAgo(1),
      summary: 'First call.',
      customerView: 'The CFO wants a new portal before the audit.',
    });
    const reply = await service.client
      .as(REP, 'rep')
      .request('POST', `/v1/opportunities/${lone.id}/brief`, { opportunity: lone });
    expect(reply.status).toBe(200);
    expect(reply.body.opportunity.accountId).toBeNull();
    expect(reply.body.insideView.map((e: { text: string }) => e.text)).toEqual([
      'The CFO wants a new portal before the audit',
    ]);
    expect(reply.body.openRedirects).toEqual([]);
  });

  test("when an account's history is read by its Id, then it holds its deals and those stored by its name before Ids, not a namesake's", async () => {
    const [X, Y] = ['001000000000011AAA', '001000000000012AAA'];
    const named = { ...OPPORTUNITY, accountName: 'Twin Name' };
    const legacy = { ...named, id: '006000000000201AAA' };
    const ours = { ...named, id: '006000000000202AAA', accountId: X };
    const namesake = { ...named, id: '006000000000203AAA', accountId: Y };
    const raise = (deal: object, key: string) =>
      post(REP, deal, {
        occurredAt: daysAgo(10),
        prompts: [{ promptId: promptIds[key], reaction: 'new_to_them' }],
        summary: `Raised ${key}.`,
      });
    await raise(legacy, 'k1');
    await raise(namesake, 'k2');
    await raise(ours, 'k3');

    const history = await service.client.request('GET', `/v1/accounts/${X}/provocations`);
    expect(history.status).toBe(200);
    expect(history.body.accountId).toBe(X);
    expect(history.body.items.map((i: { promptKey: string }) => i.promptKey).sort()).toEqual(['k1', 'k3']);

    // a new deal of the account gets what the account heard lately last, and the namesake's among the fresh
    const next = { ...named, id: '006000000000204AAA', accountId: X };
    const panel = await service.client.request('POST', `/v1/opportunities/${next.id}/panel`, {
      opportunity: next,
    });
    const offered = panel.body.prompts.map((p: { key: string }) => p.key);
    expect([offered.slice(0, 3).sort(), offered.slice(3).sort()]).toEqual([
      ['k2', 'k4', 'k5'],
      ['k1', 'k3'],
    ]);
  });

  test('when sales ops sets a shorter stale age, then older entries are marked stale and leave the brief', async () => {
    const setAge = (months: unknown) =>
      ops().request('PUT', '/v1/settings', { insideViewStaleMonths: months });
    for (const bad of [0, 121, 1.5, '6']) {
      const refused = await setAge(bad);
      expect(refused.status).toBe(400);
      expect(refused.body.error.details[0].path).toBe('body.insideViewStaleMonths');
    }
    expect((await service.client.request('PUT', '/v1/settings', { insideViewStaleMonths: 1 })).status).toBe(
      403,
    );

    await post(REP, DEAL, {
      occurredAt: daysAgo(45),
      summary: 'Follow-up on staffing.',
      customerView: 'The board wants one staffing vendor for all hospitals.',
    });
    const changed = await setAge(1);
    expect(changed.status).toBe(200);
    expect(changed.body.insideViewStaleMonths).toBe(1);
    try {
      const view = await ops().request('GET', `/v1/accounts/${ACCOUNT}/inside-view`);
      expect(view.body.staleAfterMonths).toBe(1);
      const statusOf = (text: string) =>
        view.body.items.find((e: { text: string }) => e.text.startsWith(text))?.status;
      expect(statusOf('The board wants one staffing vendor')).toBe('stale');
      expect(statusOf('They launched a retention program')).toBe('current');

      const brief = await service.client.request('POST', `/v1/opportunities/${DEAL.id}/brief`, {
        opportunity: DEAL,
      });
      expect(brief.status).toBe(200);
      expect(brief.text).not.toContain('The board wants one staffing vendor');
      expect(brief.text).toContain('They launched a retention program');
    } finally {
      expect((await setAge(12)).status).toBe(200);
    }
    const restored = await ops().request('GET', `/v1/accounts/${ACCOUNT}/inside-view`);
    const board = restored.body.items.find((e: { text: string }) => e.text.startsWith('The board wants'));
    expect(board.status).toBe('current');
  });

  test('when the brief names another opportunity in its body, then it is a 400 naming the field', async () => {
    const reply = await service.client.request('POST', `/v1/opportunities/${DEAL.id}/brief`, {
      opportunity: SECOND_DEAL,
    });
    expect(reply.status).toBe(400);
    expect(reply.body.error.details[0].path).toBe('opportunity.id');
  });
});
