import PreCallBrief from 'c/preCallBrief';
import getBrief from '@salesforce/apex/UpAtNightAccountController.getBrief';
import { flushPromises } from 'uan-test/flushPromises';
import { render, resetDom } from 'uan-test/render';

const mockBrief = require('./data/getBrief.json');

async function createOpened() {
  const element = await render('c-pre-call-brief', PreCallBrief, { opportunityId: '006000000000101AAA' });
  element.shadowRoot.querySelector('.uan-brief__open').click();
  await flushPromises();
  return element;
}

describe('c-pre-call-brief accessibility', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('is accessible with a full brief', async () => {
    getBrief.mockResolvedValue(mockBrief);
    await expect(await createOpened()).toBeAccessible();
  });

  it('is accessible with an error', async () => {
    getBrief.mockRejectedValue({ body: { message: 'Service unavailable' } });
    await expect(await createOpened()).toBeAccessible();
  });
});
