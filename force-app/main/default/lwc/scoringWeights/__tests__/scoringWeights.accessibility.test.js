import { createElement } from '@lwc/engine-dom';
import ScoringWeights from 'c/scoringWeights';
import { flushPromises } from 'uan-test/flushPromises';

const mockSettings = require('../../promptSetManager/__tests__/data/getSettings.json');

jest.mock(
  '@salesforce/apex/UpAtNightSettingsController.getJob',
  () => ({ default: jest.fn(() => new Promise(() => {})) }),
  {
    virtual: true,
  },
);

describe('c-scoring-weights accessibility', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('is accessible with a rescore running', async () => {
    const element = createElement('c-scoring-weights', { is: ScoringWeights });
    element.settings = { ...mockSettings, rescore: { id: 'job-3', status: 'running', done: 10, total: 200 } };
    document.body.appendChild(element);
    await flushPromises();
    expect(element.shadowRoot.querySelector('.uan-weights__job')).not.toBeNull();
    await expect(element).toBeAccessible();
  });

  it('is accessible with every weight at zero', async () => {
    const element = createElement('c-scoring-weights', { is: ScoringWeights });
    element.settings = {
      ...mockSettings,
      weights: { provocation: 0, customerView: 0, collaboration: 0, businessFocus: 0, nextStep: 0 },
    };
    document.body.appendChild(element);
    await flushPromises();
    expect(element.shadowRoot.querySelector('.uan-weights__all-zero')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
