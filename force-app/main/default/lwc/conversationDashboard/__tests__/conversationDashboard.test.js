import { createElement } from '@lwc/engine-dom';
import ConversationDashboard from 'c/conversationDashboard';
import getDashboard from '@salesforce/apex/UpAtNightAnalyticsController.getDashboard';
import getDrilldown from '@salesforce/apex/UpAtNightAnalyticsController.getDrilldown';
import getPromptEffectiveness from '@salesforce/apex/UpAtNightAnalyticsController.getPromptEffectiveness';
import { loadScript } from 'lightning/platformResourceLoader';
import { lastNavigation } from 'lightning/navigation';
import { flushPromises } from 'uan-test/flushPromises';

const mockDashboard = require('./data/getDashboard.json');
const mockDrilldown = require('./data/getDrilldown.json');
const mockEffectiveness = require('uan-test/fixtures/getPromptEffectiveness.json');

jest.mock('@salesforce/apex/UpAtNightAnalyticsController.getDashboard', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock('@salesforce/apex/UpAtNightAnalyticsController.getDrilldown', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock(
  '@salesforce/apex/UpAtNightAnalyticsController.getPromptEffectiveness',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/label/c.UAN_Format_Interval', () => ({ default: '{0} ({1}–{2})' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_NotEnoughData', () => ({ default: 'not enough data' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_Dash_Rescoring', () => ({ default: 'Rescoring {0} of {1}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Dash_DrillRep', () => ({ default: 'Notes by {0}' }), { virtual: true });
jest.mock(
  '@salesforce/label/c.UAN_Dash_CoverageSummary',
  () => ({ default: '{0} of open opportunities ({1} of {2}) in the last {3} days.' }),
  { virtual: true },
);

const charts = [];

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
    charts.length = 0;
    // What the chartjs static resource would define once loaded.
    window.Chart = jest.fn(function Chart(canvas, config) {
      const chart = { canvas, config, data: config.data, update: jest.fn(), destroy: jest.fn() };
      charts.push(chart);
      return chart;
    });
    getDashboard.mockResolvedValue(JSON.stringify(mockDashboard));
    getPromptEffectiveness.mockResolvedValue(JSON.stringify(mockEffectiveness));
    getDrilldown.mockResolvedValue(JSON.stringify(mockDrilldown));
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

  it('loads Chart.js from the static resource and draws both charts', async () => {
    await createDashboard();
    expect(loadScript).toHaveBeenCalled();
    expect(loadScript.mock.calls[0][1]).toContain('chartjs');
    expect(window.Chart).toHaveBeenCalledTimes(2);
    const [trend, bands] = charts;
    expect(trend.config.type).toBe('line');
    expect(trend.config.data.datasets).toHaveLength(6);
    expect(trend.config.data.datasets[0].data).toEqual([57, 62, 65]);
    expect(bands.config.type).toBe('bar');
    // A band without enough data is left out of the chart rather than drawn as if it meant something.
    expect(bands.config.data.datasets[0].data).toEqual([null, 33, 53, 75]);
  });

  it('puts the numbers behind every chart in a captioned table', async () => {
    const element = await createDashboard();
    const trend = $(element, '.uan-dash__trend');
    expect(trend.querySelector('caption')).not.toBeNull();
    const trendRows = trend.querySelectorAll('tbody tr');
    expect(trendRows).toHaveLength(3);
    expect([...trendRows[0].querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '20',
      '57',
      '55',
      '60',
      '48',
      '66',
      '56',
    ]);

    const bands = $(element, '.uan-dash__bands');
    expect(bands.querySelector('caption')).not.toBeNull();
    expect($$(element, '.uan-dash__win-rate').map((td) => td.textContent)).toEqual([
      'not enough data',
      '33% (19–51%)',
      '53% (38–66%)',
      '75% (47–91%)',
    ]);
  });

  it('shows reps per dimension, coverage and prompt effectiveness', async () => {
    const element = await createDashboard();
    const reps = $$(element, '.uan-dash__rep');
    expect(reps).toHaveLength(2);
    expect(reps[0].querySelector('.uan-dash__rep-drill').textContent.trim()).toBe('Dana Rep');
    expect([...reps[1].querySelectorAll('td')].map((td) => td.textContent)).toEqual([
      '34',
      '51',
      '42',
      '58',
      '40',
      '63',
      '52',
    ]);
    expect($(element, '.uan-dash__coverage-summary').textContent).toBe(
      '65% of open opportunities (26 of 40) in the last 90 days.',
    );
    expect($(element, '.uan-dash__stages').querySelectorAll('tbody tr')).toHaveLength(3);
    expect($(element, '.uan-dash__uncovered').querySelectorAll('tbody tr')).toHaveLength(1);
    const effectiveness = $(element, 'c-prompt-effectiveness');
    expect(effectiveness.selectable).toBe(true);
    expect(effectiveness.shadowRoot.querySelectorAll('.uan-effect__row')).toHaveLength(2);
  });

  it('opens an uncovered opportunity', async () => {
    const element = await createDashboard();
    $(element, '.uan-dash__opp').click();
    expect(lastNavigation()).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '006000000000009AAA', objectApiName: 'Opportunity', actionName: 'view' },
    });
  });

  it('drills down from a rep to the notes, and pages on', async () => {
    const element = await createDashboard();
    $(element, '.uan-dash__rep-drill').click();
    await flushPromises();

    expect(getDrilldown.mock.calls[0][0].query).toEqual({ repId: '005000000000001AAA' });
    expect($(element, '.uan-drill__heading').textContent).toBe('Notes by Dana Rep');
    const history = $(element, '.uan-drill c-note-history');
    expect(history.notes).toHaveLength(1);
    expect(history.shadowRoot.querySelector('.uan-note__summary').textContent).toBe(
      mockDrilldown.items[0].summary,
    );
    // Focus moves to the notes so keyboard and screen-reader users land on them.
    expect(element.shadowRoot.activeElement).toBe($(element, '.uan-drill__heading'));

    getDrilldown.mockResolvedValueOnce(
      JSON.stringify({ items: [{ ...mockDrilldown.items[0], id: 'n-8' }], nextCursor: null }),
    );
    $(element, '.uan-drill__more').click();
    await flushPromises();
    expect(getDrilldown.mock.calls[1][0].query).toEqual({
      repId: '005000000000001AAA',
      cursor: 'c2',
    });
    expect(history.notes).toHaveLength(2);
    expect($(element, '.uan-drill__more')).toBeNull();

    $(element, '.uan-drill__close').click();
    await flushPromises();
    expect($(element, '.uan-drill')).toBeNull();
  });

  it('drills down from a score band and from a prompt', async () => {
    const element = await createDashboard();
    $$(element, '.uan-dash__band-drill')[2].click();
    await flushPromises();
    expect(getDrilldown.mock.calls[0][0].query).toEqual({ band: '60-79' });

    const effectiveness = $(element, 'c-prompt-effectiveness');
    effectiveness.shadowRoot.querySelector('.uan-effect__select').click();
    await flushPromises();
    expect(getDrilldown.mock.calls[1][0].query).toEqual({
      promptKey: 'hc-price-transparency',
    });
  });

  it('shows a drill-down error without losing the dashboard', async () => {
    getDrilldown.mockRejectedValue({ body: { message: 'Forbidden' } });
    const element = await createDashboard();
    $(element, '.uan-dash__rep-drill').click();
    await flushPromises();
    expect($(element, '.uan-drill c-error-panel')).not.toBeNull();
    expect($(element, '.uan-dash__reps')).not.toBeNull();
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
    expect($(element, 'lightning-spinner')).not.toBeNull();

    reject({ body: { message: 'Service unavailable' } });
    await flushPromises();
    expect($(element, 'lightning-spinner')).toBeNull();
    expect($(element, 'c-error-panel').friendlyMessage).toBe('c.UAN_Dash_LoadError');
  });

  it('shows empty states for a quiet period', async () => {
    getDashboard.mockResolvedValue(
      JSON.stringify({
        ...mockDashboard,
        reps: [],
        series: [],
        scoreBands: [],
        coverage: { days: 90, open: 0, covered: 0, share: null, byStage: [], uncovered: [] },
      }),
    );
    const element = await createDashboard();
    expect($(element, 'c-uan-chart')).toBeNull();
    expect($(element, '.uan-dash__reps')).toBeNull();
    expect(element.shadowRoot.textContent).toContain('c.UAN_Dash_NoData');
    expect(element.shadowRoot.textContent).toContain('c.UAN_Dash_AllCovered');
  });

  it('falls back to the tables when Chart.js cannot be loaded', async () => {
    loadScript.mockImplementationOnce(() => Promise.reject(new Error('blocked')));
    const element = await createDashboard();
    const chart = $(element, '.uan-dash__trend-chart');
    expect($(chart, 'c-error-panel')).not.toBeNull();
    expect($(element, '.uan-dash__trend')).not.toBeNull();
  });
});
