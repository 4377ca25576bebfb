import DashboardDrilldown from 'c/dashboardDrilldown';
import { flushPromises } from 'uan-test/flushPromises';
import { render, resetDom } from 'uan-test/render';

const { items } = require('uan-test/fixtures/getDrilldown.json');
const bandDeals = require('uan-test/fixtures/getBandDeals.json');
const { intersection } = require('../../accountInsideView/__tests__/data/getInsideView.json');

// Labels with placeholders get their real text, so the filled-in values can be asserted.
jest.mock('@salesforce/label/c.UAN_Dash_DealsTotal', () => ({ default: '{0} closed deals' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Dash_DealMeta', () => ({ default: 'Score {0} · {1} · {2}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Dash_DealNotes', () => ({ default: 'Newest {0} of {1}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Dash_DealIntersection', () => ({ default: 'Views met at {0}' }), {
  virtual: true,
});

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

/** The drill-down listing the band's closed deals, with `props` over its defaults. */
const renderDeals = (props) =>
  render('c-dashboard-drilldown', DashboardDrilldown, {
    heading: 'Closed deals',
    kind: 'deals',
    deals: bandDeals.items,
    ...props,
  });

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
    expect($(element, 'c-uan-busy')).not.toBeNull();
  });

  it('lists a band’s closed deals: outcome, score, owner, account and each deal’s own notes', async () => {
    const element = await renderDeals({
      heading: 'Closed deals scored 60-79',
      total: bandDeals.total,
      hasMore: true,
    });
    expect($(element, '.uan-drill__total').textContent).toBe('3 closed deals');
    const deals = [...element.shadowRoot.querySelectorAll('.uan-deal')];
    expect(deals.map((d) => d.querySelector('.uan-deal__name').textContent)).toEqual([
      'St. Agnes – Patient Access',
      '006000000000012AAA',
    ]);
    expect(deals.map((d) => d.querySelector('.slds-badge').textContent)).toEqual([
      'c.UAN_Dash_DealWon',
      'c.UAN_Dash_DealLost',
    ]);
    expect(deals[0].querySelector('.uan-deal__meta').textContent).toBe(
      'Score 72 · Dana Rep · St. Agnes Health',
    );
    expect(deals[1].querySelector('.uan-deal__meta').textContent).toBe('Score 61 · 005000000000002AAA · ');
    expect(deals[0].querySelector('.uan-deal__notes-shown').textContent).toBe('Newest 1 of 12');
    expect(deals[1].querySelector('.uan-deal__notes-shown')).toBeNull();
    expect(deals.map((d) => d.querySelector('c-note-history').notes)).toEqual(
      bandDeals.items.map((deal) => deal.notes),
    );
    // a deal without an account has no intersection to show
    expect(deals[1].querySelector('.uan-deal__intersection-toggle')).toBeNull();
  });

  it('opens an account’s intersection: asks the owner for it once, then shows what it is given', async () => {
    const element = await renderDeals({ total: 3 });
    const select = jest.fn();
    element.addEventListener('accountselect', select);
    const toggle = $(element, '.uan-deal__intersection-toggle');
    expect(toggle.textContent.trim()).toBe('Views met at St. Agnes Health');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    toggle.click();
    await flushPromises();
    expect(select.mock.calls.map((call) => call[0].detail)).toEqual([{ accountId: '001000000000001AAA' }]);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');

    element.accounts = { '001000000000001AAA': { loading: true } };
    await flushPromises();
    expect($(element, '.uan-deal__intersection c-uan-busy')).not.toBeNull();
    element.accounts = { '001000000000001AAA': { intersection } };
    await flushPromises();
    const shown = $(element, 'c-account-intersection');
    expect(shown.intersection).toEqual(intersection);
    expect(shown.emptyMessage).toBe('c.UAN_Dash_IntersectionEmpty');

    toggle.click();
    await flushPromises();
    expect($(element, 'c-account-intersection')).toBeNull();
    toggle.click();
    await flushPromises();
    // loaded already: shown again without asking
    expect(select).toHaveBeenCalledTimes(1);
    expect($(element, 'c-account-intersection')).not.toBeNull();
  });

  it('shows why an account’s intersection did not come', async () => {
    const element = await renderDeals({
      accounts: { '001000000000001AAA': { error: { body: { message: 'Forbidden' } } } },
    });
    $(element, '.uan-deal__intersection-toggle').click();
    await flushPromises();
    expect($(element, '.uan-deal__intersection c-error-panel').friendlyMessage).toBe(
      'c.UAN_Dash_IntersectionError',
    );
  });

  it('is accessible with a band’s deals and an open intersection', async () => {
    const element = await renderDeals({
      heading: 'Closed deals scored 60-79',
      total: 3,
      accounts: { '001000000000001AAA': { intersection } },
    });
    $(element, '.uan-deal__intersection-toggle').click();
    await flushPromises();
    await expect(element).toBeAccessible();
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
