import AccountIntersection from 'c/accountIntersection';
import { render, resetDom } from 'uan-test/render';

const { intersection } = require('../../accountInsideView/__tests__/data/getInsideView.json');

jest.mock('@salesforce/label/c.UAN_Account_TheySaid', () => ({ default: 'They said: {0}' }), {
  virtual: true,
});

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-account-intersection', () => {
  afterEach(resetDom);

  it('lists the provocations their view confirmed and redirected, with what they said, under its heading', async () => {
    const element = await render('c-account-intersection', AccountIntersection, {
      intersection,
      heading: 'Where our view met theirs',
    });
    expect($(element, 'h4').textContent).toBe('Where our view met theirs');
    const confirmed = $(element, '[data-outcome="confirmed"]');
    expect(confirmed.querySelector('dt').textContent).toBe('c.UAN_Account_Confirmed');
    expect(confirmed.textContent).toContain('Self-scheduling');
    expect(confirmed.textContent).toContain('They said: The CFO wants agency spend down by a fifth');
    expect($(element, '[data-outcome="redirected"]').textContent).toContain(
      'Self-scheduling will move volume',
    );
    // an outcome with nothing in it is left out
    expect($(element, '[data-outcome="reshaped"]')).toBeNull();
  });

  it('shows nothing without provocations, or the empty message when it has one', async () => {
    const quiet = await render('c-account-intersection', AccountIntersection, { intersection: {} });
    expect($(quiet, 'dl')).toBeNull();
    expect($(quiet, 'p')).toBeNull();
    const told = await render('c-account-intersection', AccountIntersection, {
      intersection: { confirmed: [] },
      emptyMessage: 'Nothing yet',
    });
    expect($(told, '.uan-intersection__empty').textContent).toBe('Nothing yet');
  });

  it('is accessible', async () => {
    const element = await render('c-account-intersection', AccountIntersection, {
      intersection,
      heading: 'Met',
    });
    await expect(element).toBeAccessible();
  });
});
