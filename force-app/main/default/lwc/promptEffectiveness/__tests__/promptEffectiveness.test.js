import PromptEffectiveness from 'c/promptEffectiveness';
import getPromptEffectiveness from '@salesforce/apex/UpAtNightAnalyticsController.getPromptEffectiveness';
import promoteCandidate from '@salesforce/apex/UpAtNightPromptSetController.promoteCandidate';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import { flushPromises } from 'uan-test/flushPromises';
import { render, resetDom } from 'uan-test/render';

const mockEffectiveness = require('./data/getPromptEffectiveness.json');
const mockSets = require('./data/sets.json');

jest.mock(
  '@salesforce/label/c.UAN_Effect_Promoted',
  () => ({ default: 'Promoted to {0}, version {1} ({2})' }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/label/c.UAN_Effect_VersionN', () => ({ default: 'Version {0}' }), { virtual: true });

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

/** Chooses the promote button of the candidate in row `index`, as the table reports it. */
function promote(element, index) {
  const table = element.shadowRoot.querySelector('.uan-effect__candidates');
  const { action } = table.rows[index].cells.find((cell) => cell.key === 'status');
  table.dispatchEvent(new CustomEvent('rowaction', { detail: { value: action.value } }));
}

function choose(combobox, value) {
  combobox.value = value;
  combobox.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

const renderEffectiveness = (props = {}) =>
  render('c-prompt-effectiveness', PromptEffectiveness, {
    filterable: true,
    promotable: true,
    sets: mockSets,
    industryOptions: [
      { label: 'Healthcare', value: 'Healthcare' },
      { label: 'Banking', value: 'Banking' },
    ],
    ...props,
  });

describe('c-prompt-effectiveness', () => {
  beforeEach(() => {
    window.Chart = jest.fn(() => ({ update: jest.fn(), destroy: jest.fn() }));
    getPromptEffectiveness.mockResolvedValue(JSON.stringify(mockEffectiveness));
  });

  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
    delete window.Chart;
  });

  it('asks the service again for each industry, phase and set chosen', async () => {
    const element = await renderEffectiveness();
    expect(getPromptEffectiveness).toHaveBeenLastCalledWith({ query: {} });

    choose($(element, '.uan-effect__filter-industry'), 'Healthcare');
    await flushPromises();
    choose($(element, '.uan-effect__filter-phase'), 'middle');
    await flushPromises();
    choose($(element, '.uan-effect__filter-set'), 'set-hc');
    await flushPromises();

    expect(getPromptEffectiveness).toHaveBeenLastCalledWith({
      query: { industry: 'Healthcare', phase: 'middle', setId: 'set-hc' },
    });
    expect($(element, '.uan-effect__filter-phase').options.map((o) => o.value)).toEqual([
      '',
      'early',
      'middle',
      'late',
    ]);
  });

  it('offers the chosen set versions and shows that version figures only', async () => {
    const element = await renderEffectiveness();
    expect($(element, '.uan-effect__filter-version').disabled).toBe(true);
    choose($(element, '.uan-effect__filter-set'), 'set-hc');
    await flushPromises();
    const version = $(element, '.uan-effect__filter-version');
    expect(version.disabled).toBe(false);
    expect(version.options.map((o) => o.label)).toEqual([
      'c.UAN_Effect_All',
      'Version 3',
      'Version 2',
      'Version 1',
    ]);
    const calls = getPromptEffectiveness.mock.calls.length;

    choose(version, '2');
    await flushPromises();

    // a version narrows what is already loaded: no new request
    expect(getPromptEffectiveness.mock.calls.length).toBe(calls);
    const { rows } = $(element, '.uan-effect__table');
    expect(rows).toHaveLength(1);
    expect(rows[0].header.text).toContain('Price transparency');
    expect(rows[0].cells[0].text).toBe('10');
  });

  it('draws the win rate with its interval and the baseline for prompts with enough closed deals', async () => {
    const element = await renderEffectiveness();
    const chart = $(element, '.uan-effect__chart');
    expect(chart).not.toBeNull();
    const [interval, rate, baseline] = chart.config.data.datasets;
    expect(chart.config.data.labels).toEqual(['Price transparency as a patient-acquisition lever']);
    expect(interval.data).toEqual([[38, 66]]);
    expect(rate.data).toEqual([52]);
    expect(baseline.data).toEqual([40]);
  });

  it('leaves the chart out when no prompt has enough closed deals', async () => {
    getPromptEffectiveness.mockResolvedValue(
      JSON.stringify({ ...mockEffectiveness, items: [mockEffectiveness.items[1]] }),
    );
    const element = await renderEffectiveness();
    expect($(element, '.uan-effect__chart')).toBeNull();
    expect($(element, '.uan-effect__table').rows).toHaveLength(1);
  });

  it('heads each prompt with a button to its notes when selectable', async () => {
    const element = await renderEffectiveness({ selectable: true });
    const table = $(element, '.uan-effect__table');
    expect(table.captionHidden).toBe(true);
    expect(table.rows[0].header).toEqual({
      text: 'Price transparency as a patient-acquisition lever',
      value: 'hc-price-transparency',
      title: 'c.UAN_Effect_ShowNotes',
      className: 'slds-cell-wrap',
    });
    const select = jest.fn();
    element.addEventListener('promptselect', select);
    table.dispatchEvent(new CustomEvent('rowaction', { detail: { value: 'hc-price-transparency' } }));
    expect(select.mock.calls[0][0].detail).toEqual({
      promptKey: 'hc-price-transparency',
      title: 'Price transparency as a patient-acquisition lever',
    });
  });

  it('heads each prompt with its title alone when not selectable', async () => {
    const element = await renderEffectiveness();
    expect($(element, '.uan-effect__table').rows[0].header).toEqual({
      text: 'Price transparency as a patient-acquisition lever',
      className: 'slds-cell-wrap',
    });
  });

  it('shows which candidates were promoted, and where to', async () => {
    const element = await renderEffectiveness();
    const { rows } = $(element, '.uan-effect__candidates');
    const statuses = rows.map((row) => row.cells.find((cell) => cell.key === 'status').text);
    expect(statuses).toEqual([
      'c.UAN_Effect_NotPromoted',
      'Promoted to Healthcare providers, version 3 (cyber-insurance-premiums-after-the-ransomware)',
    ]);
  });

  it('promotes a candidate into the chosen set, tells the page and reloads the list', async () => {
    const result = {
      promotion: { setId: 'set-bank', version: 2, promptKey: 'their-payer-mix-is-shifting-to' },
      version: { setId: 'set-bank', version: 2, status: 'draft', prompts: [] },
    };
    promoteCandidate.mockResolvedValue(JSON.stringify(result));
    const element = await renderEffectiveness();
    const promoted = jest.fn();
    const toast = jest.fn();
    element.addEventListener('promoted', promoted);
    element.addEventListener(ShowToastEventName, toast);
    const loads = getPromptEffectiveness.mock.calls.length;

    choose($(element, '.uan-effect__promote-target'), 'set-bank');
    await flushPromises();
    promote(element, 0);
    await flushPromises();

    expect(promoteCandidate).toHaveBeenCalledWith({
      setId: 'set-bank',
      candidate: { kind: 'redirected', text: 'Their payer mix is shifting to Medicare Advantage' },
    });
    expect(promoted.mock.calls[0][0].detail).toEqual(result);
    expect(toast).toHaveBeenCalled();
    expect(getPromptEffectiveness.mock.calls.length).toBe(loads + 1);
  });

  it('keeps the list and shows the error when a promotion fails', async () => {
    promoteCandidate.mockRejectedValue({ body: { message: 'a note with this candidate not found' } });
    const element = await renderEffectiveness();
    promote(element, 0);
    await flushPromises();
    expect(promoteCandidate.mock.calls[0][0].setId).toBe('set-hc');
    expect($(element, 'c-error-panel')).not.toBeNull();
    expect($(element, '.uan-effect__candidates').rows).toHaveLength(2);
  });

  it('shows neither filters nor promotion where the page does not ask for them', async () => {
    const element = await render('c-prompt-effectiveness', PromptEffectiveness, {});
    expect($(element, '.uan-effect__filters')).toBeNull();
    const { columns, rows } = $(element, '.uan-effect__candidates');
    expect(columns.map((column) => column.key)).toEqual(['text', 'kind', 'count']);
    expect(rows).toHaveLength(2);
    expect(rows.flatMap((row) => row.cells).some((cell) => cell.action)).toBe(false);
  });
});
