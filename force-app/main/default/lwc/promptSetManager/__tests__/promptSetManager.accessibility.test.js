import { createElement } from '@lwc/engine-dom';
import PromptSetManager from 'c/promptSetManager';
import listPromptSets from '@salesforce/apex/UpAtNightPromptSetController.listPromptSets';
import getPromptSetVersion from '@salesforce/apex/UpAtNightPromptSetController.getPromptSetVersion';
import getSettings from '@salesforce/apex/UpAtNightSettingsController.getSettings';
import getPromptEffectiveness from '@salesforce/apex/UpAtNightAnalyticsController.getPromptEffectiveness';
import previewPrompts from '@salesforce/apex/UpAtNightPromptSetController.previewPrompts';
import importPromptSet from '@salesforce/apex/UpAtNightPromptSetController.importPromptSet';
import { flushPromises } from 'uan-test/flushPromises';

const mockSets = require('./data/listPromptSets.json');
const mockDraft = require('./data/getPromptSetVersion.json');
const mockSettings = require('./data/getSettings.json');
const mockEffectiveness = require('uan-test/fixtures/getPromptEffectiveness.json');
const mockPreview = require('./data/previewPrompts.json');

describe('c-prompt-set-manager accessibility', () => {
  beforeEach(() => {
    window.Chart = jest.fn(() => ({ update: jest.fn(), destroy: jest.fn() }));
  });

  afterEach(() => {
    delete window.Chart;
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('is accessible with sets, an open draft, a preview, effectiveness and weights', async () => {
    listPromptSets.mockResolvedValue(JSON.stringify(mockSets));
    getSettings.mockResolvedValue(JSON.stringify(mockSettings));
    getPromptEffectiveness.mockResolvedValue(JSON.stringify(mockEffectiveness));
    getPromptSetVersion.mockResolvedValue(JSON.stringify(mockDraft));
    previewPrompts.mockResolvedValue(JSON.stringify(mockPreview));
    const element = createElement('c-prompt-set-manager', { is: PromptSetManager });
    document.body.appendChild(element);
    await flushPromises();
    element.shadowRoot.querySelector('.uan-sets__open').click();
    await flushPromises();
    element.shadowRoot
      .querySelector('c-prompt-preview')
      .shadowRoot.querySelector('.uan-preview__run')
      .click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible with no sets', async () => {
    listPromptSets.mockResolvedValue(JSON.stringify({ items: [], nextCursor: null }));
    getSettings.mockRejectedValue({ body: { message: 'down' } });
    getPromptEffectiveness.mockResolvedValue(JSON.stringify({ items: [], candidates: [] }));
    const element = createElement('c-prompt-set-manager', { is: PromptSetManager });
    document.body.appendChild(element);
    await flushPromises();
    await expect(element).toBeAccessible();
  });

  it('is accessible with the problems of a rejected import listed', async () => {
    listPromptSets.mockResolvedValue(JSON.stringify(mockSets));
    getSettings.mockResolvedValue(JSON.stringify(mockSettings));
    getPromptEffectiveness.mockResolvedValue(JSON.stringify(mockEffectiveness));
    importPromptSet.mockRejectedValue({
      body: {
        message: 'the file has 1 problem(s) to fix:\nline 3, column title (key "k"): must not be empty',
      },
    });
    const element = createElement('c-prompt-set-manager', { is: PromptSetManager });
    document.body.appendChild(element);
    await flushPromises();
    element.shadowRoot
      .querySelector('.uan-import__file')
      .dispatchEvent(new CustomEvent('change', { detail: { files: [new File(['x'], 'set.csv')] } }));
    await flushPromises();
    await flushPromises();
    expect(element.shadowRoot.querySelector('.uan-import__problem')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
