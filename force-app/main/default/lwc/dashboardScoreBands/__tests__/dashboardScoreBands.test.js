import DashboardScoreBands from 'c/dashboardScoreBands';
import { render, resetDom } from 'uan-test/render';

jest.mock('@salesforce/label/c.UAN_Format_Interval', () => ({ default: '{0} ({1}–{2})' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_NotEnoughData', () => ({ default: 'not enough data' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_Dash_DrillBand', () => ({ default: 'Closed deals scored {0}' }), {
  virtual: true,
});

const { scoreBands } = require('uan-test/fixtures/getDashboard.json');

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-dashboard-score-bands', () => {
  afterEach(resetDom);

  it('charts the win rate per band, leaving a band without enough data blank', async () => {
    const element = await render('c-dashboard-score-bands', DashboardScoreBands, { bands: scoreBands });
    const { config } = $(element, 'c-uan-chart');
    expect(config.type).toBe('bar');
    expect(config.data.labels).toEqual(['0-39', '40-59', '60-79', '80-100']);
    expect(config.data.datasets[0].data).toEqual([null, 33, 53, 75]);
  });

  it('puts closed, won and the win rate with its interval in the table', async () => {
    const element = await render('c-dashboard-score-bands', DashboardScoreBands, { bands: scoreBands });
    const table = $(element, 'c-uan-table');
    expect(table.caption).toBe('c.UAN_Dash_BandsCaption');
    expect(table.rows.map((r) => r.cells.map((c) => c.text))).toEqual([
      ['4', '1', 'not enough data'],
      ['30', '10', '33% (19–51%)'],
      ['40', '21', '53% (38–66%)'],
      ['12', '9', '75% (47–91%)'],
    ]);
  });

  it('asks to drill down to the closed deals the chosen band counted', async () => {
    const element = await render('c-dashboard-score-bands', DashboardScoreBands, { bands: scoreBands });
    const drill = jest.fn();
    element.addEventListener('drill', drill);
    $(element, 'c-uan-table').dispatchEvent(new CustomEvent('rowaction', { detail: { value: '60-79' } }));
    expect(drill.mock.calls[0][0].detail).toEqual({
      kind: 'deals',
      query: { band: '60-79' },
      heading: 'Closed deals scored 60-79',
    });
  });

  it('says there is no data when no deal closed', async () => {
    const element = await render('c-dashboard-score-bands', DashboardScoreBands, { bands: [] });
    expect($(element, 'c-uan-chart')).toBeNull();
    expect($(element, 'c-uan-section').hasContent).toBe(false);
    expect($(element, 'c-uan-section').emptyText).toBe('c.UAN_Dash_NoData');
  });

  it('is accessible', async () => {
    window.Chart = jest.fn(() => ({ update: jest.fn(), destroy: jest.fn() }));
    const element = await render('c-dashboard-score-bands', DashboardScoreBands, { bands: scoreBands });
    await expect(element).toBeAccessible();
    delete window.Chart;
  });
});
