import { createElement } from '@lwc/engine-dom';
import ConversationDashboard from 'c/conversationDashboard';
import getDashboard from '@salesforce/apex/UpAtNightAnalyticsController.getDashboard';
import getDrilldown from '@salesforce/apex/UpAtNightAnalyticsController.getDrilldown';
import getPromptEffectiveness from '@salesforce/apex/UpAtNightAnalyticsController.getPromptEffectiveness';
import getBandDeals from '@salesforce/apex/UpAtNightAnalyticsController.getBandDeals';
import getInsideView from '@salesforce/apex/UpAtNightAccountController.getInsideView';
import { flushPromises } from 'uan-test/flushPromises';

const mockDashboard = require('uan-test/fixtures/getDashboard.json');
const mockDrilldown = require('uan-test/fixtures/getDrilldown.json');
const mockEffectiveness = require('uan-test/fixtures/getPromptEffectiveness.json');
const mockBandDeals = require('uan-test/fixtures/getBandDeals.json');
const mockInsideView = require('../../accountInsideView/__tests__/data/getInsideView.json');

jest.mock('@salesforce/label/c.UAN_Dash_Rescoring', () => ({ default: 'Rescoring {0} of {1}' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.UAN_Dash_TeamSummaryAll',
  () => ({ default: 'Average {0} across {1} conversations since {2}.' }),
  { virtual: true },
);

async function createDashboard() {
  const element = createElement('c-conversation-dashboard', { is: ConversationDashboard });
  document.body.appendChild(element);
  await flushPromises();
  await flushPromises();
  return element;
}

function $(root, selector) {
  return root.shadowRoot.querySelector(selector);
}

function $$(root, selector) {
  return [...root.shadowRoot.querySelectorAll(selector)];
}

describe('c-conversation-dashboard', () => {
  beforeEach(() => {
    // What the chartjs static resource would define once loaded.
    window.Chart = jest.fn(() => ({ update: jest.fn(), destroy: jest.fn() }));
    getDashboard.mockResolvedValue(JSON.stringify(mockDashboard));
    getPromptEffectiveness.mockResolvedValue(JSON.stringify(mockEffectiveness));
    getDrilldown.mockResolvedValue(JSON.stringify(mockDrilldown));
    getBandDeals.mockResolvedValue(JSON.stringify(mockBandDeals));
    getInsideView.mockResolvedValue(mockInsideView);
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    delete window.Chart;
  });

  it('says when its scores mix scorer versions or a rescore is under way, and is quiet when they do not', async () => {
    const quiet = await createDashboard();
    expect($(quiet, '.uan-dash__mixed')).toBeNull();
    document.body.removeChild(quiet);

    const rescoring = {
      scorerVersion: 'v2',
      outdatedScores: true,
      mixed: true,
      rescore: { id: 'j', status: 'running', done: 40, total: 100 },
    };
    getDashboard.mockResolvedValue(JSON.stringify({ ...mockDashboard, scoring: rescoring }));
    const busy = await createDashboard();
    expect($(busy, '.uan-dash__mixed').textContent).toBe('Rescoring 40 of 100');
    document.body.removeChild(busy);

    getDashboard.mockResolvedValue(
      JSON.stringify({ ...mockDashboard, scoring: { ...rescoring, rescore: null } }),
    );
    const outdated = await createDashboard();
    expect($(outdated, '.uan-dash__mixed').textContent).toBe('c.UAN_Dash_OutdatedScores');
  });

  it('asks for the last 90 days by week', async () => {
    await createDashboard();
    const query = getDashboard.mock.calls[0][0].query;
    expect(query).toMatchObject({ bucket: 'week', days: 90 });
    expect(query.fromDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(query.toDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
  });

  it('reloads when the period or grouping changes', async () => {
    const element = await createDashboard();
    $(element, '.uan-dash__range').dispatchEvent(new CustomEvent('change', { detail: { value: '30' } }));
    await flushPromises();
    $(element, '.uan-dash__bucket').dispatchEvent(new CustomEvent('change', { detail: { value: 'month' } }));
    await flushPromises();
    expect(getDashboard).toHaveBeenCalledTimes(3);
    expect(getDashboard.mock.calls[2][0].query).toMatchObject({ days: 30, bucket: 'month' });
  });

  it('asks for all time from the first note, and says since when the numbers run', async () => {
    const element = await createDashboard();
    const range = $(element, '.uan-dash__range');
    expect(range.options.map((option) => option.value)).toEqual(['30', '90', '180', '365', 'all']);
    getDashboard.mockResolvedValue(
      JSON.stringify({
        ...mockDashboard,
        range: { from: '2021-03-04', to: '2026-12-03', bucket: 'month', all: true, firstNote: '2021-03-04' },
      }),
    );
    range.dispatchEvent(new CustomEvent('change', { detail: { value: 'all' } }));
    await flushPromises();
    await flushPromises();

    const query = getDashboard.mock.calls[1][0].query;
    expect(query).toMatchObject({ range: 'all', bucket: 'week', days: 365 });
    expect(query.fromDate).toBeUndefined();
    expect(query.toDate).toMatch(/^\d{4}-\d{2}-\d{2}$/);
    expect(range.value).toBe('all');
    expect($(element, 'c-dashboard-coverage').days).toBe(365);
    expect($(element, '.uan-dash__team-summary').textContent).toBe(
      `Average 61 across 84 conversations since ${new Intl.DateTimeFormat('en-US', {
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        timeZone: 'UTC',
      }).format(new Date('2021-03-04T00:00:00Z'))}.`,
    );

    range.dispatchEvent(new CustomEvent('change', { detail: { value: '180' } }));
    await flushPromises();
    expect(getDashboard.mock.calls[2][0].query).toMatchObject({ days: 180 });
    expect(getDashboard.mock.calls[2][0].query.range).toBeUndefined();
  });

  it('passes the numbers down to its parts', async () => {
    const element = await createDashboard();
    expect($(element, 'c-dashboard-trend').series).toEqual(mockDashboard.series);
    expect($(element, 'c-dashboard-reps').reps).toEqual(mockDashboard.reps);
    const coverage = $(element, 'c-dashboard-coverage');
    expect(coverage.coverage).toEqual(mockDashboard.coverage);
    expect(coverage.days).toBe(90);
    expect($(element, 'c-dashboard-score-bands').bands).toEqual(mockDashboard.scoreBands);
    expect($(element, 'c-prompt-effectiveness').selectable).toBe(true);
    expect($(element, '.uan-dash__team-summary')).not.toBeNull();
    expect($$(element, 'c-score-bar').map((bar) => bar.value)).toEqual([58, 66, 52, 70, 61]);
  });

  it('drills down from a rep to the notes, and pages on', async () => {
    const element = await createDashboard();
    $(element, 'c-dashboard-reps').dispatchEvent(
      new CustomEvent('drill', {
        detail: { query: { repId: '005000000000001AAA' }, heading: 'Notes by Dana Rep' },
      }),
    );
    await flushPromises();

    expect(getDrilldown.mock.calls[0][0].query).toEqual({ repId: '005000000000001AAA' });
    const drilldown = $(element, 'c-dashboard-drilldown');
    expect(drilldown.heading).toBe('Notes by Dana Rep');
    expect(drilldown.notes).toEqual(mockDrilldown.items);
    expect(drilldown.hasMore).toBe(true);
    expect(drilldown.loading).toBe(false);
    // Focus moves to the notes so keyboard and screen-reader users land on them.
    expect(element.shadowRoot.activeElement).toBe(drilldown);

    getDrilldown.mockResolvedValueOnce(
      JSON.stringify({ items: [{ ...mockDrilldown.items[0], id: 'n-8' }], nextCursor: null }),
    );
    drilldown.dispatchEvent(new CustomEvent('loadmore'));
    await flushPromises();
    expect(getDrilldown.mock.calls[1][0].query).toEqual({
      repId: '005000000000001AAA',
      cursor: 'c2',
    });
    expect(drilldown.notes).toHaveLength(2);
    expect(drilldown.hasMore).toBe(false);

    drilldown.dispatchEvent(new CustomEvent('close'));
    await flushPromises();
    expect($(element, 'c-dashboard-drilldown')).toBeNull();
  });

  it('drills down from a score band to the closed deals it counted, and from a prompt to its notes', async () => {
    const element = await createDashboard();
    $(element, 'c-dashboard-score-bands').dispatchEvent(
      new CustomEvent('drill', {
        detail: { kind: 'deals', query: { band: '60-79' }, heading: 'Band 60-79' },
      }),
    );
    await flushPromises();
    expect(getBandDeals.mock.calls[0][0].query).toEqual({ band: '60-79' });
    expect(getDrilldown).not.toHaveBeenCalled();
    const drilldown = $(element, 'c-dashboard-drilldown');
    expect(drilldown.heading).toBe('Band 60-79');
    expect(drilldown.kind).toBe('deals');
    expect(drilldown.deals).toEqual(mockBandDeals.items);
    expect(drilldown.total).toBe(3);
    expect(drilldown.hasMore).toBe(true);

    getBandDeals.mockResolvedValueOnce(JSON.stringify({ ...mockBandDeals, items: [], nextCursor: null }));
    drilldown.dispatchEvent(new CustomEvent('loadmore'));
    await flushPromises();
    expect(getBandDeals.mock.calls[1][0].query).toEqual({ band: '60-79', cursor: 'd2' });
    expect(drilldown.hasMore).toBe(false);

    $(element, 'c-prompt-effectiveness').dispatchEvent(
      new CustomEvent('promptselect', {
        detail: { promptKey: 'hc-price-transparency', title: 'Price transparency' },
      }),
    );
    await flushPromises();
    expect(getDrilldown.mock.calls[0][0].query).toEqual({
      promptKey: 'hc-price-transparency',
    });
    expect($(element, 'c-dashboard-drilldown').heading).toBe('c.UAN_Dash_DrillPrompt');
    expect($(element, 'c-dashboard-drilldown').kind).toBe('notes');
    expect($(element, 'c-dashboard-drilldown').deals).toEqual([]);
  });

  it('loads an account’s inside view when the drill-down asks for its intersection', async () => {
    const element = await createDashboard();
    $(element, 'c-dashboard-score-bands').dispatchEvent(
      new CustomEvent('drill', { detail: { kind: 'deals', query: { band: '60-79' }, heading: 'Band' } }),
    );
    await flushPromises();
    const drilldown = $(element, 'c-dashboard-drilldown');
    drilldown.dispatchEvent(
      new CustomEvent('accountselect', { detail: { accountId: '001000000000001AAA' } }),
    );
    await flushPromises();
    expect(getInsideView.mock.calls).toEqual([[{ accountId: '001000000000001AAA' }]]);
    expect(drilldown.accounts).toEqual({
      '001000000000001AAA': { intersection: mockInsideView.intersection },
    });

    getInsideView.mockRejectedValueOnce({ body: { message: 'Forbidden' } });
    drilldown.dispatchEvent(
      new CustomEvent('accountselect', { detail: { accountId: '001000000000002AAA' } }),
    );
    await flushPromises();
    expect(drilldown.accounts['001000000000002AAA']).toEqual({ error: { body: { message: 'Forbidden' } } });
  });

  it('does not redraw its charts when a drill-down opens or the same numbers come back', async () => {
    const element = await createDashboard();
    const charts = window.Chart.mock.results.map((result) => result.value);
    expect(charts.length).toBeGreaterThan(0);
    $(element, 'c-dashboard-reps').dispatchEvent(
      new CustomEvent('drill', { detail: { query: { repId: '005000000000001AAA' }, heading: 'Notes' } }),
    );
    await flushPromises();
    expect($(element, 'c-dashboard-drilldown')).not.toBeNull();
    // a reload answering the same figures hands the charts new but equal configurations
    $(element, '.uan-dash__bucket').dispatchEvent(new CustomEvent('change', { detail: { value: 'week' } }));
    await flushPromises();
    expect(getDashboard).toHaveBeenCalledTimes(2);
    expect(window.Chart).toHaveBeenCalledTimes(charts.length);
    for (const chart of charts) expect(chart.update).not.toHaveBeenCalled();
  });

  it('titles a rep’s own dashboard for them', async () => {
    const team = await createDashboard();
    expect($(team, 'lightning-card').title).toBe('c.UAN_Dash_Title');
    expect($(team, '#team-heading, h3').textContent).toBe('c.UAN_Dash_Team');
    document.body.removeChild(team);

    getDashboard.mockResolvedValue(
      JSON.stringify({ ...mockDashboard, scope: { kind: 'self', hierarchyKnown: true } }),
    );
    const own = await createDashboard();
    expect($(own, 'lightning-card').title).toBe('c.UAN_Dash_TitleRep');
    expect($(own, 'h3').textContent).toBe('c.UAN_Dash_TeamRep');
  });

  it('tells a manager whose team is not known yet what to do, instead of showing zeros', async () => {
    getDashboard.mockResolvedValue(
      JSON.stringify({ ...mockDashboard, scope: { kind: 'team', hierarchyKnown: false } }),
    );
    const element = await createDashboard();
    expect($(element, '.uan-dash__no-team').textContent).toBe('c.UAN_Dash_HierarchyUnknown');
    expect($(element, '.uan-dash__no-team').getAttribute('role')).toBe('status');
    expect($(element, 'c-dashboard-trend')).toBeNull();
    expect($(element, 'c-dashboard-score-bands')).toBeNull();
    expect($(element, '.uan-dash__team-summary')).toBeNull();
  });

  it('shows a drill-down error without losing the dashboard', async () => {
    getDrilldown.mockRejectedValue({ body: { message: 'Forbidden' } });
    const element = await createDashboard();
    $(element, 'c-dashboard-reps').dispatchEvent(
      new CustomEvent('drill', {
        detail: { query: { repId: '005000000000001AAA' }, heading: 'Notes by Dana Rep' },
      }),
    );
    await flushPromises();
    expect($(element, 'c-dashboard-drilldown').error).toEqual({ body: { message: 'Forbidden' } });
    expect($(element, 'c-dashboard-reps')).not.toBeNull();
  });

  it('shows a spinner while loading and the error panel when the dashboard fails', async () => {
    let reject;
    getDashboard.mockReturnValue(
      new Promise((resolve, fail) => {
        reject = fail;
      }),
    );
    const element = createElement('c-conversation-dashboard', { is: ConversationDashboard });
    document.body.appendChild(element);
    await flushPromises();
    expect($(element, 'c-uan-busy')).not.toBeNull();

    reject({ body: { message: 'Service unavailable' } });
    await flushPromises();
    expect($(element, 'c-uan-busy')).toBeNull();
    expect($(element, 'c-error-panel').friendlyMessage).toBe('c.UAN_Dash_LoadError');
  });
});
