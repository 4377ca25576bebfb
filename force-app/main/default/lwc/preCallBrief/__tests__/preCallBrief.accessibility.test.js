import { createElement } from '@lwc/engine-dom';
import PreCallBrief from 'c/preCallBrief';
import getBrief from '@salesforce/apex/UpAtNightAccountController.getBrief';

const mockBrief = require('./data/getBrief.json');

jest.mock('@salesforce/apex/UpAtNightAccountController.getBrief', () => ({ default: jest.fn() }), {
  virtual: true,
});

function flushPromises() {
  // eslint-disable-next-line @lwc/lwc/no-async-operation -- a macrotask lets every queued promise and re-render finish
  return new Promise((resolve) => setTimeout(resolve, 0));
}

async function createOpened() {
  const element = createElement('c-pre-call-brief', { is: PreCallBrief });
  element.opportunityId = '006000000000101AAA';
  document.body.appendChild(element);
  element.shadowRoot.querySelector('.uan-brief__open').click();
  await flushPromises();
  return element;
}

describe('c-pre-call-brief accessibility', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('is accessible with a full brief', async () => {
    getBrief.mockResolvedValue(JSON.stringify(mockBrief));
    await expect(await createOpened()).toBeAccessible();
  });

  it('is accessible with an error', async () => {
    getBrief.mockRejectedValue({ body: { message: 'Service unavailable' } });
    await expect(await createOpened()).toBeAccessible();
  });
});
