import PromptEffectiveness from 'c/promptEffectiveness';
import getPromptEffectiveness from '@salesforce/apex/UpAtNightAnalyticsController.getPromptEffectiveness';
import { flushPromises } from 'uan-test/flushPromises';
import { render, resetDom } from 'uan-test/render';

const mockEffectiveness = require('./data/getPromptEffectiveness.json');
const mockSets = require('./data/sets.json');

describe('c-prompt-effectiveness accessibility', () => {
  beforeEach(() => {
    window.Chart = jest.fn(() => ({ update: jest.fn(), destroy: jest.fn() }));
  });

  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
    delete window.Chart;
  });

  it('is accessible with filters, the chart, the table and promotable candidates', async () => {
    getPromptEffectiveness.mockResolvedValue(JSON.stringify(mockEffectiveness));
    const element = await render('c-prompt-effectiveness', PromptEffectiveness, {
      filterable: true,
      promotable: true,
      sets: mockSets,
      industryOptions: [{ label: 'Healthcare', value: 'Healthcare' }],
    });
    const set = element.shadowRoot.querySelector('.uan-effect__filter-set');
    set.dispatchEvent(new CustomEvent('change', { detail: { value: 'set-hc' } }));
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible with nothing to show yet', async () => {
    getPromptEffectiveness.mockResolvedValue(JSON.stringify({ items: [], candidates: [] }));
    const element = await render('c-prompt-effectiveness', PromptEffectiveness, { filterable: true });
    await expect(element).toBeAccessible();
  });
});
