import { createElement } from '@lwc/engine-dom';
import ScoringWeights from 'c/scoringWeights';
import saveSettings from '@salesforce/apex/UpAtNightSettingsController.saveSettings';
import getJob from '@salesforce/apex/UpAtNightSettingsController.getJob';
import { flushMicrotasks } from 'uan-test/flushPromises';
import { resetDom } from 'uan-test/render';

const mockSettings = require('../../promptSetManager/__tests__/data/getSettings.json');

jest.mock('@salesforce/label/c.UAN_Weights_Share', () => ({ default: '{0}% of overall' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_Weights_Total', () => ({ default: 'Total: {0}%' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_Weights_Progress', () => ({ default: '{0} of {1} notes rescored' }), {
  virtual: true,
});

const POLL_MS = 1500;

function createWeights(settings = mockSettings) {
  const element = createElement('c-scoring-weights', { is: ScoringWeights });
  element.settings = settings;
  document.body.appendChild(element);
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);
const shares = (element) =>
  [...element.shadowRoot.querySelectorAll('.uan-weight__share')].map((s) => s.textContent);

function slide(element, index, value) {
  const slider = element.shadowRoot.querySelectorAll('lightning-slider')[index];
  slider.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-scoring-weights', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('shows each share as a whole percentage, and the shares add up to 100%', async () => {
    const element = createWeights();
    expect(shares(element)).toEqual(Array(5).fill('20% of overall'));
    expect($(element, '.uan-weights__total').textContent).toBe('Total: 100%');

    // thirds do not round to 100 one by one: the point left goes to the largest remainder
    slide(element, 3, 0);
    slide(element, 4, 0);
    await flushMicrotasks();
    expect(shares(element)).toEqual([
      '34% of overall',
      '33% of overall',
      '33% of overall',
      '0% of overall',
      '0% of overall',
    ]);
    expect($(element, '.uan-weights__total').textContent).toBe('Total: 100%');

    slide(element, 0, 2);
    await flushMicrotasks();
    expect(shares(element)).toEqual([
      '50% of overall',
      '25% of overall',
      '25% of overall',
      '0% of overall',
      '0% of overall',
    ]);
  });

  it('says so and blocks the save when every weight is zero', async () => {
    const element = createWeights();
    for (let i = 0; i < 5; i++) {
      slide(element, i, 0);
    }
    await flushMicrotasks();
    expect($(element, '.uan-weights__total').textContent).toBe('Total: 0%');
    expect($(element, '.uan-weights__all-zero').getAttribute('role')).toBe('alert');
    expect($(element, 'c-uan-settings-tab').saveDisabled).toBe(true);

    slide(element, 1, 0.5);
    await flushMicrotasks();
    expect($(element, '.uan-weights__all-zero')).toBeNull();
    expect($(element, 'c-uan-settings-tab').saveDisabled).toBe(false);
    expect(shares(element)[1]).toBe('100% of overall');
  });

  it('shows the rescore that saving new weights started and follows it until it is done', async () => {
    saveSettings.mockResolvedValue(
      JSON.stringify({
        ...mockSettings,
        weights: { ...mockSettings.weights, provocation: 2 },
        rescore: { id: 'job-7', kind: 'rescore', status: 'queued', done: 0, total: 300 },
      }),
    );
    getJob
      .mockResolvedValueOnce(JSON.stringify({ id: 'job-7', status: 'running', done: 120, total: 300 }))
      .mockResolvedValueOnce(JSON.stringify({ id: 'job-7', status: 'done', done: 300, total: 300 }));
    const element = createWeights();
    const rescored = jest.fn();
    element.addEventListener('rescored', rescored);

    slide(element, 0, 2);
    await flushMicrotasks();
    $(element, 'c-uan-settings-tab').dispatchEvent(new CustomEvent('save'));
    await flushMicrotasks();

    expect($(element, '.uan-weights__job-heading').textContent).toBe('c.UAN_Weights_RescoreStarted');
    expect($(element, '.uan-weights__progress').textContent).toBe('0 of 300 notes rescored');
    expect($(element, '.uan-weights__progress').getAttribute('role')).toBe('status');
    // the Rescore button waits while the job runs
    expect($(element, '.uan-weights__rescore').disabled).toBe(true);

    jest.advanceTimersByTime(POLL_MS);
    await flushMicrotasks();
    expect(getJob).toHaveBeenCalledWith({ jobId: 'job-7' });
    expect($(element, 'lightning-progress-bar').value).toBe(40);
    expect($(element, '.uan-weights__progress').textContent).toBe('120 of 300 notes rescored');

    jest.advanceTimersByTime(POLL_MS);
    await flushMicrotasks();
    expect($(element, 'lightning-progress-bar').value).toBe(100);
    expect(rescored).toHaveBeenCalledTimes(1);
    jest.advanceTimersByTime(POLL_MS * 3);
    expect(getJob).toHaveBeenCalledTimes(2);
  });

  it('shows no job when saving started none', async () => {
    saveSettings.mockResolvedValue(JSON.stringify({ ...mockSettings, rescore: null }));
    const element = createWeights();
    slide(element, 0, 2);
    await flushMicrotasks();
    $(element, 'c-uan-settings-tab').dispatchEvent(new CustomEvent('save'));
    await flushMicrotasks();
    expect($(element, '.uan-weights__job')).toBeNull();
    jest.advanceTimersByTime(POLL_MS * 2);
    expect(getJob).not.toHaveBeenCalled();
  });

  it('follows a rescore already under way when it opens', async () => {
    getJob.mockResolvedValue(JSON.stringify({ id: 'job-3', status: 'running', done: 50, total: 200 }));
    const element = createWeights({
      ...mockSettings,
      rescore: { id: 'job-3', kind: 'rescore', status: 'running', done: 10, total: 200 },
    });
    await flushMicrotasks();
    expect($(element, '.uan-weights__progress').textContent).toBe('10 of 200 notes rescored');
    expect($(element, '.uan-weights__job-heading')).toBeNull();
    jest.advanceTimersByTime(POLL_MS);
    await flushMicrotasks();
    expect(getJob).toHaveBeenCalledWith({ jobId: 'job-3' });
    expect($(element, 'lightning-progress-bar').value).toBe(25);
  });
});
