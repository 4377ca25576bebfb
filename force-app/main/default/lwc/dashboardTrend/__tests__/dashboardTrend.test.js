import DashboardTrend from 'c/dashboardTrend';
import { render, resetDom } from 'uan-test/render';

const { series } = require('uan-test/fixtures/getDashboard.json');

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-dashboard-trend', () => {
  afterEach(resetDom);

  it('draws a line per score, the overall one thicker', async () => {
    const element = await render('c-dashboard-trend', DashboardTrend, { series });
    const { config, label } = $(element, 'c-uan-chart');
    expect(label).toBe('c.UAN_Dash_TrendChart');
    expect(config.type).toBe('line');
    expect(config.data.labels).toHaveLength(3);
    expect(config.data.datasets).toHaveLength(6);
    expect(config.data.datasets[0].data).toEqual([57, 62, 65]);
    expect(config.data.datasets.map((d) => d.borderWidth)).toEqual([3, 1.5, 1.5, 1.5, 1.5, 1.5]);
  });

  it('leaves a period without scored notes as a gap in every line, never bridged', async () => {
    const empty = { bucket: '2026-11-09', noteCount: 0, scoredCount: 0, averages: { overall: null } };
    const gapped = [series[0], empty, series[2]];
    const element = await render('c-dashboard-trend', DashboardTrend, { series: gapped });
    const { config } = $(element, 'c-uan-chart');
    expect(config.data.datasets[0].data).toEqual([57, null, 65]);
    expect(config.data.datasets.every((d) => d.spanGaps === false && d.data[1] === null)).toBe(true);
  });

  it('puts the same numbers in a captioned table, a row per period', async () => {
    const element = await render('c-dashboard-trend', DashboardTrend, { series });
    const table = $(element, 'c-uan-table');
    expect(table.caption).toBe('c.UAN_Dash_TrendCaption');
    expect(table.tableClass).toBe('slds-table_striped');
    expect(table.columns.map((c) => c.key)).toEqual([
      'period',
      'notes',
      'overall',
      'provocation',
      'customerView',
      'collaboration',
      'businessFocus',
      'nextStep',
    ]);
    expect(table.rows).toHaveLength(3);
    expect(table.rows[0].cells.map((c) => c.text)).toEqual(['20', '57', '55', '60', '48', '66', '56']);
  });

  it('says there is no data instead of an empty chart', async () => {
    const element = await render('c-dashboard-trend', DashboardTrend, { series: [] });
    expect($(element, 'c-uan-chart')).toBeNull();
    expect($(element, 'c-uan-table')).toBeNull();
    expect($(element, 'c-uan-section').hasContent).toBe(false);
    expect($(element, 'c-uan-section').emptyText).toBe('c.UAN_Dash_NoData');
  });

  it('is accessible', async () => {
    window.Chart = jest.fn(() => ({ update: jest.fn(), destroy: jest.fn() }));
    const element = await render('c-dashboard-trend', DashboardTrend, { series });
    await expect(element).toBeAccessible();
    delete window.Chart;
  });
});
