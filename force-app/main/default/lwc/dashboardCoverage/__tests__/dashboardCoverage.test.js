import DashboardCoverage from 'c/dashboardCoverage';
import { lastNavigation } from 'lightning/navigation';
import { render, resetDom } from 'uan-test/render';

jest.mock(
  '@salesforce/label/c.UAN_Dash_CoverageSummary',
  () => ({ default: '{0} of open opportunities ({1} of {2}) in the last {3} days.' }),
  { virtual: true },
);

const { coverage } = require('uan-test/fixtures/getDashboard.json');

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-dashboard-coverage', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('sums up coverage and breaks it down by stage', async () => {
    const element = await render('c-dashboard-coverage', DashboardCoverage, { coverage, days: 30 });
    expect($(element, '.uan-dash__coverage-summary').textContent).toBe(
      '65% of open opportunities (26 of 40) in the last 90 days.',
    );
    const stages = $(element, 'c-uan-table.uan-dash__stages');
    expect(stages.caption).toBe('c.UAN_Dash_ByStageCaption');
    expect(stages.columns.map((c) => c.key)).toEqual(['stage', 'open', 'covered', 'share']);
    expect(stages.rows.map((r) => [r.header.text, ...r.cells.map((c) => c.text)])).toEqual([
      ['Prospecting', '12', '5', '42%'],
      ['Needs Analysis', '18', '13', '72%'],
      ['Negotiation/Review', '10', '8', '80%'],
    ]);
  });

  it('links each uncovered opportunity to its record and opens it', async () => {
    const element = await render('c-dashboard-coverage', DashboardCoverage, { coverage, days: 90 });
    const uncovered = $(element, 'c-uan-table.uan-dash__uncovered');
    expect(uncovered.caption).toBe('c.UAN_Dash_UncoveredCaption');
    expect(uncovered.columns.map((c) => c.key)).toEqual(['opportunity', 'account', 'stage', 'amount']);
    expect(uncovered.rows).toHaveLength(1);
    expect(uncovered.rows[0].header).toMatchObject({
      text: 'Mercy — analytics',
      value: '006000000000009AAA',
      href: '/lightning/r/Opportunity/006000000000009AAA/view',
    });
    uncovered.dispatchEvent(new CustomEvent('rowaction', { detail: { value: '006000000000009AAA' } }));
    expect(lastNavigation()).toEqual({
      type: 'standard__recordPage',
      attributes: { recordId: '006000000000009AAA', objectApiName: 'Opportunity', actionName: 'view' },
    });
  });

  it('says every open opportunity is covered when none is left, using the period it was given', async () => {
    const empty = { open: 0, covered: 0, share: null, byStage: [], uncovered: [] };
    const element = await render('c-dashboard-coverage', DashboardCoverage, { coverage: empty, days: 30 });
    expect($(element, 'c-uan-table')).toBeNull();
    expect(element.shadowRoot.textContent).toContain('c.UAN_Dash_AllCovered');
    expect($(element, '.uan-dash__coverage-summary').textContent).toContain('(0 of 0) in the last 30 days');
  });

  it('is accessible', async () => {
    const element = await render('c-dashboard-coverage', DashboardCoverage, { coverage, days: 90 });
    await expect(element).toBeAccessible();
  });
});
