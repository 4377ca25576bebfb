import { createElement } from '@lwc/engine-dom';
import AccountProvocationHistory from 'c/accountProvocationHistory';
import { flushPromises } from 'uan-test/flushPromises';

jest.mock('@salesforce/label/c.UAN_AccountHistory_Toggle', () => ({ default: 'Heard ({0})' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_AccountHistory_More', () => ({ default: 'Newest {0} shown.' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_History_By', () => ({ default: 'by {0}' }), { virtual: true });

const HISTORY = require('uan-test/fixtures/getPanel.json').accountHistory;

function createHistory(history) {
  const element = createElement('c-account-provocation-history', { is: AccountProvocationHistory });
  element.history = history;
  document.body.appendChild(element);
  return element;
}

describe('c-account-provocation-history', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('starts collapsed and opens in one click, then closes again', async () => {
    const element = createHistory(HISTORY);
    await flushPromises();
    const toggle = element.shadowRoot.querySelector('.uan-account-history__toggle');
    const body = element.shadowRoot.querySelector('.uan-account-history__body');
    expect(body.hidden).toBe(true);
    toggle.click();
    await flushPromises();
    expect(body.hidden).toBe(false);
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(element.shadowRoot.querySelectorAll('.uan-account-history__item')).toHaveLength(2);
    toggle.click();
    await flushPromises();
    expect(body.hidden).toBe(true);
  });

  it('says when older provocations exist beyond the newest shown', async () => {
    const element = createHistory({ ...HISTORY, more: true });
    await flushPromises();
    expect(element.shadowRoot.querySelector('.uan-account-history__toggle').textContent.trim()).toBe(
      'Heard (2+)',
    );
    expect(element.shadowRoot.querySelector('.uan-account-history__more').textContent).toBe(
      'Newest 2 shown.',
    );
  });

  it('names an own provocation without title or text as such', async () => {
    const element = createHistory({
      items: [{ ...HISTORY.items[1], text: null, title: null }],
      more: false,
    });
    element.shadowRoot.querySelector('.uan-account-history__toggle')?.click();
    await flushPromises();
    expect(element.shadowRoot.querySelector('.uan-account-history__what').textContent).toBe(
      'c.UAN_AccountHistory_Adhoc',
    );
  });

  it('is accessible open', async () => {
    const element = createHistory(HISTORY);
    await flushPromises();
    element.shadowRoot.querySelector('.uan-account-history__toggle').click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
