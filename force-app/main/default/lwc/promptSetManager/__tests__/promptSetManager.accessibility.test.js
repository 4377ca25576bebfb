import { createElement } from '@lwc/engine-dom';
import PromptSetManager from 'c/promptSetManager';
import listPromptSets from '@salesforce/apex/UpAtNightPromptSetController.listPromptSets';
import getPromptSetVersion from '@salesforce/apex/UpAtNightPromptSetController.getPromptSetVersion';
import getSettings from '@salesforce/apex/UpAtNightSettingsController.getSettings';
import getPromptEffectiveness from '@salesforce/apex/UpAtNightAnalyticsController.getPromptEffectiveness';
import previewPrompts from '@salesforce/apex/UpAtNightPromptSetController.previewPrompts';
import { flushPromises } from 'uan-test/flushPromises';

const mockSets = require('./data/listPromptSets.json');
const mockDraft = require('./data/getPromptSetVersion.json');
const mockSettings = require('./data/getSettings.json');
const mockEffectiveness = require('uan-test/fixtures/getPromptEffectiveness.json');
const mockPreview = require('./data/previewPrompts.json');

jest.mock('@salesforce/apex/UpAtNightPromptSetController.listPromptSets', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock(
  '@salesforce/apex/UpAtNightPromptSetController.getPromptSetVersion',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/apex/UpAtNightSettingsController.getSettings', () => ({ default: jest.fn() }), {
  virtual: true,
});
jest.mock(
  '@salesforce/apex/UpAtNightAnalyticsController.getPromptEffectiveness',
  () => ({ default: jest.fn() }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/apex/UpAtNightPromptSetController.previewPrompts', () => ({ default: jest.fn() }), {
  virtual: true,
});

describe('c-prompt-set-manager accessibility', () => {
  afterEach(() => {
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
});
