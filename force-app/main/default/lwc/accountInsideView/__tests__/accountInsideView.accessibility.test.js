import AccountInsideView from 'c/accountInsideView';
import getInsideView from '@salesforce/apex/UpAtNightAccountController.getInsideView';
import { flushPromises } from 'uan-test/flushPromises';
import { render, resetDom } from 'uan-test/render';

const mockView = require('./data/getInsideView.json');

function create() {
  return render('c-account-inside-view', AccountInsideView, { accountId: '001000000000001AAA' });
}

describe('c-account-inside-view accessibility', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('is accessible with entries, one being corrected', async () => {
    getInsideView.mockResolvedValue(mockView);
    const element = await create();
    await flushPromises();
    element.shadowRoot.querySelector('.uan-entry__edit').click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible when empty', async () => {
    getInsideView.mockResolvedValue({ ...mockView, items: [], intersection: {} });
    const element = await create();
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible with an error', async () => {
    getInsideView.mockRejectedValue({ body: { message: 'Account not found or not accessible' } });
    const element = await create();
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
