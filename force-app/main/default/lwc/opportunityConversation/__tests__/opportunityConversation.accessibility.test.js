import { createElement } from '@lwc/engine-dom';
import OpportunityConversation from 'c/opportunityConversation';
import getPanel from '@salesforce/apex/UpAtNightController.getPanel';

const mockPanel = require('./data/getPanel.json');
const mockPanelEmpty = require('./data/getPanelEmpty.json');

jest.mock(
  '@salesforce/apex/UpAtNightController.getPanel',
  () => {
    const { createApexTestWireAdapter } = require('@salesforce/sfdx-lwc-jest');
    return { default: createApexTestWireAdapter(jest.fn()) };
  },
  { virtual: true },
);

function flushPromises() {
  // eslint-disable-next-line @lwc/lwc/no-async-operation -- a macrotask lets every queued promise and re-render finish
  return new Promise((resolve) => setTimeout(resolve, 0));
}

function createPanel() {
  const element = createElement('c-opportunity-conversation', { is: OpportunityConversation });
  element.recordId = '006000000000001AAA';
  document.body.appendChild(element);
  return element;
}

describe('c-opportunity-conversation accessibility', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('is accessible with data, a prompt expanded', async () => {
    const element = createPanel();
    getPanel.emit(JSON.stringify(mockPanel));
    await flushPromises();
    element.shadowRoot.querySelector('c-prompt-card').shadowRoot.querySelector('.uan-prompt__toggle').click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible when empty', async () => {
    const element = createPanel();
    getPanel.emit(JSON.stringify(mockPanelEmpty));
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible with an error', async () => {
    const element = createPanel();
    getPanel.error({ message: 'Service unavailable' });
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
