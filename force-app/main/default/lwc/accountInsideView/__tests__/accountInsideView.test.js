import AccountInsideView from 'c/accountInsideView';
import getInsideView from '@salesforce/apex/UpAtNightAccountController.getInsideView';
import updateInsideViewEntry from '@salesforce/apex/UpAtNightAccountController.updateInsideViewEntry';
import { flushPromises } from 'uan-test/flushPromises';
import { render, resetDom } from 'uan-test/render';

const mockView = require('./data/getInsideView.json');

// Labels with placeholders get their real text, so the filled-in values can be asserted.
jest.mock('@salesforce/label/c.UAN_Account_Source', () => ({ default: '{0} · {1} · {2}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Account_TheySaid', () => ({ default: 'They said: {0}' }), {
  virtual: true,
});

const ACCOUNT_ID = '001000000000001AAA';

function create(accountId = ACCOUNT_ID) {
  return render('c-account-inside-view', AccountInsideView, { accountId });
}

const texts = (element, selector) =>
  [...element.shadowRoot.querySelectorAll(selector)].map((node) => node.textContent.trim());

describe('c-account-inside-view', () => {
  afterEach(() => {
    resetDom();
    jest.resetAllMocks();
  });

  it('asks for the inside view of its account and lists the entries with their sources', async () => {
    getInsideView.mockResolvedValue(mockView);
    const element = await create();
    await flushPromises();

    expect(getInsideView.mock.calls).toEqual([[{ accountId: ACCOUNT_ID }]]);
    expect(texts(element, '.uan-entry__text')).toEqual([
      'Their real worry is nurse retention on night shifts',
      'The CFO wants agency spend down by a fifth',
      'Today they schedule by hand in spreadsheets',
    ]);
    const sources = texts(element, '.uan-entry__source');
    expect(sources[0]).toContain('Jordan Patel · St. Agnes – Nursing');
    // without a known name, the author's id
    expect(sources[2]).toContain('005000000000001AAA');
    expect(element.shadowRoot.querySelectorAll('.uan-entry__stale')).toHaveLength(1);
    expect(element.shadowRoot.querySelectorAll('.uan-entry__corrected')).toHaveLength(1);
  });

  it('shows which provocations the customer confirmed and redirected, with what they said', async () => {
    getInsideView.mockResolvedValue(mockView);
    const element = await create();
    await flushPromises();
    const intersection = element.shadowRoot.querySelector('c-account-intersection');
    expect(intersection.intersection).toEqual(mockView.intersection);
    expect(intersection.heading).toBe('c.UAN_Account_Intersection');
    const confirmed = intersection.shadowRoot.querySelector('[data-outcome="confirmed"]');
    expect(confirmed.textContent).toContain('They said: The CFO wants agency spend down by a fifth');
  });

  it('renders nothing and asks for nothing without an account', async () => {
    const element = await create(null);
    await flushPromises();
    expect(getInsideView).not.toHaveBeenCalled();
    expect(element.shadowRoot.querySelector('section')).toBeNull();
  });

  it('says so when the account has no inside view yet', async () => {
    getInsideView.mockResolvedValue({ ...mockView, items: [], intersection: {} });
    const element = await create();
    await flushPromises();
    expect(element.shadowRoot.querySelector('.uan-entries__empty')).not.toBeNull();
    const intersection = element.shadowRoot.querySelector('c-account-intersection');
    expect(intersection.shadowRoot.querySelector('.uan-intersection')).toBeNull();
  });

  it('shows the error panel when the inside view cannot be loaded', async () => {
    getInsideView.mockRejectedValue({ body: { message: 'Account not found or not accessible' } });
    const element = await create();
    await flushPromises();
    expect(element.shadowRoot.querySelector('c-error-panel')).not.toBeNull();
    expect(element.shadowRoot.querySelector('.uan-entry')).toBeNull();
  });

  it('marks an entry outdated and reloads the view', async () => {
    getInsideView.mockResolvedValue(mockView);
    updateInsideViewEntry.mockResolvedValue('{}');
    const element = await create();
    await flushPromises();
    element.shadowRoot.querySelector('.uan-entry__toggle').click();
    await flushPromises();
    expect(updateInsideViewEntry.mock.calls).toEqual([
      [{ accountId: ACCOUNT_ID, entryId: mockView.items[0].id, change: { outdated: true } }],
    ]);
    expect(getInsideView).toHaveBeenCalledTimes(2);
  });

  it('reads the view again when asked to refresh, and shows what it says now', async () => {
    getInsideView
      .mockResolvedValueOnce(mockView)
      .mockResolvedValueOnce({ ...mockView, items: [mockView.items[1]] });
    const element = await create();
    await flushPromises();
    await element.refresh();
    await flushPromises();
    expect(getInsideView.mock.calls).toEqual([[{ accountId: ACCOUNT_ID }], [{ accountId: ACCOUNT_ID }]]);
    expect(texts(element, '.uan-entry__text')).toEqual(['The CFO wants agency spend down by a fifth']);
  });

  it('corrects an entry with the text the rep typed', async () => {
    getInsideView.mockResolvedValue(mockView);
    updateInsideViewEntry.mockResolvedValue('{}');
    const element = await create();
    await flushPromises();
    element.shadowRoot.querySelectorAll('.uan-entry__edit')[1].click();
    await flushPromises();
    const draft = element.shadowRoot.querySelector('.uan-entry__draft');
    expect(draft.value).toBe('The CFO wants agency spend down by a fifth');
    draft.value = 'The CFO wants agency spend halved';
    draft.dispatchEvent(new CustomEvent('change'));
    element.shadowRoot.querySelector('.uan-entry__save').click();
    await flushPromises();
    expect(updateInsideViewEntry.mock.calls[0][0]).toEqual({
      accountId: ACCOUNT_ID,
      entryId: mockView.items[1].id,
      change: { correction: 'The CFO wants agency spend halved' },
    });
    expect(element.shadowRoot.querySelector('.uan-entry__draft')).toBeNull();
  });

  it('keeps the view and shows the error when a change is refused', async () => {
    getInsideView.mockResolvedValue(mockView);
    updateInsideViewEntry.mockRejectedValue({
      body: { message: 'only the author of the note or sales ops' },
    });
    const element = await create();
    await flushPromises();
    element.shadowRoot.querySelector('.uan-entry__toggle').click();
    await flushPromises();
    expect(element.shadowRoot.querySelector('c-error-panel')).not.toBeNull();
    expect(element.shadowRoot.querySelectorAll('.uan-entry')).toHaveLength(3);
  });
});
