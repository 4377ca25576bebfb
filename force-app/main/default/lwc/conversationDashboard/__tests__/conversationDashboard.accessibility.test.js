import { createElement } from '@lwc/engine-dom';
import ConversationDashboard from 'c/conversationDashboard';
import getDashboard from '@salesforce/apex/UpAtNightAnalyticsController.getDashboard';
import getDrilldown from '@salesforce/apex/UpAtNightAnalyticsController.getDrilldown';
import getPromptEffectiveness from '@salesforce/apex/UpAtNightAnalyticsController.getPromptEffectiveness';
import { flushPromises } from 'uan-test/flushPromises';

const mockDashboard = require('uan-test/fixtures/getDashboard.json');
const mockDrilldown = require('uan-test/fixtures/getDrilldown.json');
const mockEffectiveness = require('uan-test/fixtures/getPromptEffectiveness.json');

describe('c-conversation-dashboard accessibility', () => {
  beforeEach(() => {
    window.Chart = jest.fn(() => ({ update: jest.fn(), destroy: jest.fn() }));
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    delete window.Chart;
  });

  it('is accessible with data and an open drill-down', async () => {
    getDashboard.mockResolvedValue(JSON.stringify(mockDashboard));
    getPromptEffectiveness.mockResolvedValue(JSON.stringify(mockEffectiveness));
    getDrilldown.mockResolvedValue(JSON.stringify(mockDrilldown));
    const element = createElement('c-conversation-dashboard', { is: ConversationDashboard });
    document.body.appendChild(element);
    await flushPromises();
    await flushPromises();
    element.shadowRoot.querySelector('c-dashboard-reps').dispatchEvent(
      new CustomEvent('drill', {
        detail: { query: { repId: '005000000000001AAA' }, heading: 'Notes by Dana Rep' },
      }),
    );
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible when the dashboard fails', async () => {
    getDashboard.mockRejectedValue({ body: { message: 'Service unavailable' } });
    getPromptEffectiveness.mockResolvedValue(JSON.stringify(mockEffectiveness));
    const element = createElement('c-conversation-dashboard', { is: ConversationDashboard });
    document.body.appendChild(element);
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
