import DashboardDrilldown from 'c/dashboardDrilldown';
import { flushPromises } from 'uan-test/flushPromises';
import { render, resetDom } from 'uan-test/render';

const { items } = require('uan-test/fixtures/getDrilldown.json');

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-dashboard-drilldown', () => {
  afterEach(resetDom);

  it('shows the heading and hands the notes to the note history', async () => {
    const element = await render('c-dashboard-drilldown', DashboardDrilldown, {
      heading: 'Notes by Dana Rep',
      notes: items,
    });
    expect($(element, '.uan-drill__heading').textContent).toBe('Notes by Dana Rep');
    const history = $(element, 'c-note-history');
    expect(history.notes).toEqual(items);
    expect(history.emptyMessage).toBe('c.UAN_Dash_DrillEmpty');
    expect($(element, '.uan-drill__more')).toBeNull();
  });

  it('focuses its heading when asked, so keyboard users land on the notes', async () => {
    const element = await render('c-dashboard-drilldown', DashboardDrilldown, {
      heading: 'Notes',
      notes: [],
    });
    element.focusHeading();
    expect(element.shadowRoot.activeElement).toBe($(element, '.uan-drill__heading'));
  });

  it('asks for more while another page follows, and to be closed', async () => {
    const element = await render('c-dashboard-drilldown', DashboardDrilldown, {
      heading: 'Notes',
      notes: items,
      hasMore: true,
    });
    const more = jest.fn();
    const close = jest.fn();
    element.addEventListener('loadmore', more);
    element.addEventListener('close', close);
    $(element, '.uan-drill__more').click();
    $(element, '.uan-drill__close').click();
    expect(more).toHaveBeenCalledTimes(1);
    expect(close).toHaveBeenCalledTimes(1);

    element.loading = true;
    await flushPromises();
    expect($(element, '.uan-drill__more').disabled).toBe(true);
    expect($(element, 'lightning-spinner')).not.toBeNull();
  });

  it('shows why a page did not come', async () => {
    const element = await render('c-dashboard-drilldown', DashboardDrilldown, {
      heading: 'Notes',
      notes: [],
      error: { body: { message: 'Forbidden' } },
    });
    expect($(element, 'c-error-panel').friendlyMessage).toBe('c.UAN_Dash_DrillError');
  });

  it('is accessible', async () => {
    const element = await render('c-dashboard-drilldown', DashboardDrilldown, {
      heading: 'Notes by Dana Rep',
      notes: items,
      hasMore: true,
    });
    await expect(element).toBeAccessible();
  });
});
