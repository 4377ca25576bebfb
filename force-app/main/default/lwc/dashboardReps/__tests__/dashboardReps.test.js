import DashboardReps from 'c/dashboardReps';
import { render, resetDom } from 'uan-test/render';

jest.mock('@salesforce/label/c.UAN_Dash_DrillRep', () => ({ default: 'Notes by {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_Dash_RepNotes', () => ({ default: 'Open the notes of {0}' }), {
  virtual: true,
});

const { reps } = require('uan-test/fixtures/getDashboard.json');

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-dashboard-reps', () => {
  afterEach(resetDom);

  it('shows a row per rep, headed by a button to the notes, with the scores per dimension', async () => {
    const element = await render('c-dashboard-reps', DashboardReps, { reps });
    const table = $(element, 'c-uan-table');
    expect(table.caption).toBe('c.UAN_Dash_RepsCaption');
    expect(table.rows.map((r) => r.header)).toEqual([
      { text: 'Dana Rep', value: '005000000000001AAA', title: 'Open the notes of Dana Rep' },
      { text: 'Lee Seller', value: '005000000000002AAA', title: 'Open the notes of Lee Seller' },
    ]);
    expect(table.rows[1].cells.map((c) => c.text)).toEqual(['34', '51', '42', '58', '40', '63', '52']);
  });

  it('asks to drill down to the notes of the chosen rep', async () => {
    const element = await render('c-dashboard-reps', DashboardReps, { reps });
    const drill = jest.fn();
    element.addEventListener('drill', drill);
    $(element, 'c-uan-table').dispatchEvent(
      new CustomEvent('rowaction', { detail: { value: '005000000000001AAA' } }),
    );
    expect(drill.mock.calls[0][0].detail).toEqual({
      query: { repId: '005000000000001AAA' },
      heading: 'Notes by Dana Rep',
    });
  });

  it('says there is no data when no rep wrote a note', async () => {
    const element = await render('c-dashboard-reps', DashboardReps, { reps: [] });
    expect($(element, 'c-uan-table')).toBeNull();
    expect($(element, 'c-uan-section').hasContent).toBe(false);
    expect($(element, 'c-uan-section').emptyText).toBe('c.UAN_Dash_NoData');
  });

  it('is accessible', async () => {
    const element = await render('c-dashboard-reps', DashboardReps, { reps });
    await expect(element).toBeAccessible();
  });
});
