import { createElement } from '@lwc/engine-dom';
import LogConversationModal from 'c/logConversationModal';
import scoreDraft from '@salesforce/apex/UpAtNightPanelController.scoreDraft';
import { flushPromises } from 'uan-test/flushPromises';

const mockScore = require('./data/scoreDraft.json');
const mockPanel = require('uan-test/fixtures/getPanel.json');

describe('c-log-conversation-modal accessibility', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('is accessible when empty', async () => {
    const element = createElement('c-log-conversation-modal', { is: LogConversationModal });
    element.prompts = mockPanel.prompts;
    document.body.appendChild(element);
    await expect(element).toBeAccessible();
  });

  it('is accessible with coach scores, evidence and an own provocation', async () => {
    // The coach is debounced: fake timers fire it, real timers again for axe.
    jest.useFakeTimers();
    scoreDraft.mockResolvedValue(JSON.stringify(mockScore));
    const element = createElement('c-log-conversation-modal', { is: LogConversationModal });
    element.prompts = mockPanel.prompts;
    element.opportunityId = '006000000000001AAA';
    document.body.appendChild(element);
    element.shadowRoot.querySelector('.uan-log__add-adhoc').click();
    const summary = element.shadowRoot.querySelector('[data-field="summary"]');
    summary.value = 'Raised price transparency as a growth lever; we told them to act.';
    summary.dispatchEvent(new CustomEvent('change', { detail: { value: summary.value } }));
    jest.advanceTimersByTime(400);
    jest.useRealTimers();
    await flushPromises();
    expect(scoreDraft).toHaveBeenCalledTimes(1);
    await expect(element).toBeAccessible();
  });
});
