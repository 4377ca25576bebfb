import { createElement } from '@lwc/engine-dom';
import OpportunityConversation from 'c/opportunityConversation';
import getPanel from '@salesforce/apex/UpAtNightPanelController.getPanel';
import { flushPromises } from 'uan-test/flushPromises';

const mockPanel = require('uan-test/fixtures/getPanel.json');
const mockPanelEmpty = require('./data/getPanelEmpty.json');

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
    getPanel.mockResolvedValue(JSON.stringify(mockPanel));
    const element = createPanel();
    await flushPromises();
    element.shadowRoot.querySelector('c-prompt-card').shadowRoot.querySelector('.uan-prompt__toggle').click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible for a closed deal with the account history open', async () => {
    getPanel.mockResolvedValue(JSON.stringify({ ...mockPanel, prompts: [], promptsWithheld: 'closed' }));
    const element = createPanel();
    await flushPromises();
    element.shadowRoot
      .querySelector('c-account-provocation-history')
      .shadowRoot.querySelector('.uan-account-history__toggle')
      .click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible when empty', async () => {
    getPanel.mockResolvedValue(JSON.stringify(mockPanelEmpty));
    const element = createPanel();
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible with an error', async () => {
    getPanel.mockRejectedValue({ body: { message: 'Service unavailable' } });
    const element = createPanel();
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
