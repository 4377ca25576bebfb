import { createElement } from '@lwc/engine-dom';
import AccountInsideView from 'c/accountInsideView';
import getInsideView from '@salesforce/apex/UpAtNightAccountController.getInsideView';

const mockView = require('./data/getInsideView.json');

jest.mock('@salesforce/apex/UpAtNightAccountController.getInsideView', () => ({ default: jest.fn() }), {
  virtual: true,
});

function flushPromises() {
  // eslint-disable-next-line @lwc/lwc/no-async-operation -- a macrotask lets every queued promise and re-render finish
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function create() {
  const element = createElement('c-account-inside-view', { is: AccountInsideView });
  element.accountId = '001000000000001AAA';
  document.body.appendChild(element);
  return element;
}

describe('c-account-inside-view accessibility', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('is accessible with entries, one being corrected', async () => {
    getInsideView.mockResolvedValue(JSON.stringify(mockView));
    const element = create();
    await flushPromises();
    element.shadowRoot.querySelector('.uan-entry__edit').click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible when empty', async () => {
    getInsideView.mockResolvedValue(JSON.stringify({ ...mockView, items: [], intersection: {} }));
    const element = create();
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible with an error', async () => {
    getInsideView.mockRejectedValue({ body: { message: 'Account not found or not accessible' } });
    const element = create();
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
