import PromptSetManager from 'c/promptSetManager';
import listPromptSets from '@salesforce/apex/UpAtNightPromptSetController.listPromptSets';
import getPromptSetVersion from '@salesforce/apex/UpAtNightPromptSetController.getPromptSetVersion';
import createPromptSet from '@salesforce/apex/UpAtNightPromptSetController.createPromptSet';
import importPromptSet from '@salesforce/apex/UpAtNightPromptSetController.importPromptSet';
import getSettings from '@salesforce/apex/UpAtNightSettingsController.getSettings';
import saveDraft from '@salesforce/apex/UpAtNightPromptSetController.saveDraft';
import publishVersion from '@salesforce/apex/UpAtNightPromptSetController.publishVersion';
import retireVersion from '@salesforce/apex/UpAtNightPromptSetController.retireVersion';
import createDraftVersion from '@salesforce/apex/UpAtNightPromptSetController.createDraftVersion';
import exportPromptSet from '@salesforce/apex/UpAtNightPromptSetController.exportPromptSet';
import previewPrompts from '@salesforce/apex/UpAtNightPromptSetController.previewPrompts';
import getPromptEffectiveness from '@salesforce/apex/UpAtNightAnalyticsController.getPromptEffectiveness';
import saveSettings from '@salesforce/apex/UpAtNightSettingsController.saveSettings';
import startRescore from '@salesforce/apex/UpAtNightSettingsController.startRescore';
import getJob from '@salesforce/apex/UpAtNightSettingsController.getJob';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import { flushPromises } from 'uan-test/flushPromises';
import { render } from 'uan-test/render';

const mockSets = require('./data/listPromptSets.json');
const mockDraft = require('./data/getPromptSetVersion.json');
const mockPublished = require('./data/getPromptSetVersionPublished.json');
const mockSettings = require('./data/getSettings.json');
const mockPreview = require('./data/previewPrompts.json');
const mockEffectiveness = require('uan-test/fixtures/getPromptEffectiveness.json');

jest.mock('@salesforce/label/c.UAN_Format_Interval', () => ({ default: '{0} ({1}–{2})' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_NotEnoughData', () => ({ default: 'not enough data' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_Effect_CountShare', () => ({ default: '{0} ({1})' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_Weights_Progress', () => ({ default: '{0} of {1} notes rescored' }), {
  virtual: true,
});

const SET_ID = mockDraft.setId;

function createManager() {
  return render('c-prompt-set-manager', PromptSetManager);
}

function $(root, selector) {
  return root.shadowRoot.querySelector(selector);
}

function editorOf(element) {
  return $(element, 'c-prompt-version-editor');
}

async function openFirstDraft(element) {
  getPromptSetVersion.mockResolvedValue(JSON.stringify(mockDraft));
  // Rows are newest version first: the draft (v3) of the first set leads.
  element.shadowRoot.querySelector('.uan-sets__open').click();
  await flushPromises();
  return editorOf(element);
}

/** Opens the prompt in row `n` of the version's list; resolves to its editor. */
async function openPrompt(versionEditor, n) {
  const list = versionEditor.shadowRoot.querySelector('c-prompt-list');
  list.shadowRoot.querySelectorAll('.uan-prompt-list__open')[n].click();
  await flushPromises();
  return versionEditor.shadowRoot.querySelector('c-prompt-editor');
}

function type(input, value) {
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-prompt-set-manager', () => {
  beforeEach(() => {
    // the effectiveness tab draws its win-rate chart with the static resource's Chart.js
    window.Chart = jest.fn(() => ({ update: jest.fn(), destroy: jest.fn() }));
    listPromptSets.mockResolvedValue(JSON.stringify(mockSets));
    getSettings.mockResolvedValue(JSON.stringify(mockSettings));
    getPromptEffectiveness.mockResolvedValue(JSON.stringify(mockEffectiveness));
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
    delete window.Chart;
  });

  describe('prompt sets', () => {
    it('lists every set with its versions, newest first', async () => {
      const element = await createManager();
      const rows = element.shadowRoot.querySelectorAll('.uan-sets__row');
      expect(rows).toHaveLength(4);
      expect(rows[0].querySelector('th').textContent).toBe('Healthcare providers');
      expect([...rows].slice(0, 3).map((r) => r.querySelectorAll('td')[0].textContent)).toEqual([
        '3',
        '2',
        '1',
      ]);
      expect(rows[0].querySelector('.uan-status').textContent).toBe('c.UAN_Status_Draft');
      // every row header names its set; later versions only for screen readers
      expect(rows[1].querySelector('th').textContent).toBe('Healthcare providers');
      expect(rows[1].querySelector('th span').className).toBe('slds-assistive-text');
      expect(rows[0].querySelector('th span').className).toBe('');
    });

    it('shows an empty state and an error state', async () => {
      listPromptSets.mockResolvedValueOnce(JSON.stringify({ items: [], nextCursor: null }));
      let element = await createManager();
      expect($(element, '.uan-sets__empty')).not.toBeNull();
      document.body.removeChild(element);

      listPromptSets.mockRejectedValueOnce({ body: { message: 'Forbidden' } });
      element = await createManager();
      expect($(element, 'c-error-panel').friendlyMessage).toBe('c.UAN_Manager_LoadError');
    });

    it('opens a draft as a list of its prompts, with no editor until one is opened', async () => {
      const element = await createManager();
      const editor = await openFirstDraft(element);
      expect(getPromptSetVersion).toHaveBeenCalledWith({ setId: SET_ID, version: 3 });
      expect(editor.version).toEqual(mockDraft);
      const list = $(editor, 'c-prompt-list');
      expect(list.readOnly).toBe(false);
      const rows = list.shadowRoot.querySelectorAll('.uan-prompt-list__row');
      expect(rows).toHaveLength(1);
      expect(rows[0].querySelector('th').textContent).toBe(mockDraft.prompts[0].title);
      expect($(editor, 'c-prompt-editor')).toBeNull();
    });

    it('opens one prompt in the editor with the org picklists', async () => {
      const element = await createManager();
      const editor = await openFirstDraft(element);
      const promptEditor = await openPrompt(editor, 0);
      expect(promptEditor.readOnly).toBe(false);
      expect(promptEditor.industryOptions.map((o) => o.value)).toContain('Healthcare');
      expect(promptEditor.stageOptions.map((o) => o.value)).toContain('Needs Analysis');
      expect($(promptEditor, '[data-field="title"]').value).toBe(mockDraft.prompts[0].title);
      // the list waits, hidden, until the prompt is saved or cancelled
      expect($(editor, 'c-prompt-list').parentElement.classList).toContain('slds-hide');
    });

    it('edits a prompt and its targeting, then saves the draft with only schema fields', async () => {
      saveDraft.mockResolvedValue(JSON.stringify(mockDraft));
      const element = await createManager();
      const editor = await openFirstDraft(element);
      const toast = jest.fn();
      element.addEventListener(ShowToastEventName, toast);

      const first = await openPrompt(editor, 0);
      type($(first, '[data-field="followUp"]'), 'What would change if patients compared your prices first?');
      await flushPromises();
      $(first, '[data-targeting="stages"]').dispatchEvent(
        new CustomEvent('change', { detail: { value: ['Needs Analysis'] } }),
      );
      await flushPromises();
      type($(first, '[data-field="amountMin"]'), '100000');
      type($(first, '[data-field="recordTypes"]'), 'New Business, Renewal ');
      await flushPromises();
      $(editor, '.uan-version__save-prompt').click();
      await flushPromises();

      expect(saveDraft).toHaveBeenCalledTimes(1);
      const { setId, version, draft } = saveDraft.mock.calls[0][0];
      expect([setId, version]).toEqual([SET_ID, 3]);
      expect(draft.name).toBe('Healthcare providers');
      expect(draft.prompts).toHaveLength(1);
      expect(Object.keys(draft.prompts[0]).sort()).toEqual(
        ['expiresOn', 'followUp', 'key', 'provocation', 'rationale', 'source', 'targeting', 'title'].sort(),
      );
      expect(draft.prompts[0].followUp).toBe('What would change if patients compared your prices first?');
      expect(draft.prompts[0].targeting).toEqual({
        industries: ['Healthcare'],
        phases: ['early'],
        stages: ['Needs Analysis'],
        amountMin: 100000,
        amountMax: null,
        recordTypes: ['New Business', 'Renewal'],
      });
      expect(toast).toHaveBeenCalled();
      // back to the list, which is refreshed after the change
      expect($(editor, 'c-prompt-editor')).toBeNull();
      expect(listPromptSets).toHaveBeenCalledTimes(2);
    });

    it('adds a prompt whose key follows its title and saves it with the others', async () => {
      saveDraft.mockResolvedValue(JSON.stringify(mockDraft));
      const element = await createManager();
      const editor = await openFirstDraft(element);
      $(editor, '.uan-version__add').click();
      await flushPromises();
      const added = $(editor, 'c-prompt-editor');
      expect(added.index).toBe(1);
      for (const [field, value] of Object.entries({
        title: 'Staffing: the real capacity limit',
        provocation: 'Could staffing limit growth at {Account.Name}?',
        followUp: 'Where do you feel it first?',
        rationale: 'Workforce shortages constrain capacity.',
        source: 'AHA workforce report (2025)',
      })) {
        type($(added, `[data-field="${field}"]`), value);
        // eslint-disable-next-line no-await-in-loop -- each edit re-renders before the next one reads the prompt
        await flushPromises();
      }
      expect($(added, '[data-field="key"]').value).toBe('staffing-the-real-capacity-limit');
      $(editor, '.uan-version__save-prompt').click();
      await flushPromises();

      const { draft } = saveDraft.mock.calls[0][0];
      expect(draft.prompts.map((p) => p.key)).toEqual([
        'hc-price-transparency',
        'staffing-the-real-capacity-limit',
      ]);
      expect(draft.prompts[1]).toMatchObject({
        expiresOn: null,
        provocation: 'Could staffing limit growth at {Account.Name}?',
      });
      expect(draft.prompts[1].autoKey).toBeUndefined();
    });

    it('refuses to save an incomplete prompt', async () => {
      const element = await createManager();
      const editor = await openFirstDraft(element);
      $(editor, '.uan-version__add').click();
      await flushPromises();
      $(editor, '.uan-version__save-prompt').click();
      await flushPromises();
      expect(saveDraft).not.toHaveBeenCalled();
      expect($(editor, '.uan-version__invalid')).not.toBeNull();
      expect($(editor, 'c-prompt-editor')).not.toBeNull();
    });

    it('cancels an edit without changing the draft', async () => {
      const element = await createManager();
      const editor = await openFirstDraft(element);
      const first = await openPrompt(editor, 0);
      type($(first, '[data-field="title"]'), 'Changed my mind');
      await flushPromises();
      $(editor, '.uan-version__cancel-prompt').click();
      await flushPromises();
      expect($(editor, 'c-prompt-editor')).toBeNull();
      expect($(editor, 'c-prompt-list').prompts[0].title).toBe(mockDraft.prompts[0].title);
      expect($(editor, '.uan-version__unsaved')).toBeNull();
      expect(saveDraft).not.toHaveBeenCalled();
    });

    it('removes a prompt from the draft', async () => {
      saveDraft.mockResolvedValue(JSON.stringify({ ...mockDraft, prompts: [] }));
      const element = await createManager();
      const editor = await openFirstDraft(element);
      const list = $(editor, 'c-prompt-list');
      list.shadowRoot.querySelector('.uan-prompt-list__remove').click();
      await flushPromises();
      expect($(editor, 'c-prompt-list')).toBeNull();
      expect($(editor, '.uan-version__no-prompts')).not.toBeNull();
      expect($(editor, '.uan-version__unsaved')).not.toBeNull();
      // Publishing waits for the unsaved change.
      expect($(editor, '.uan-version__publish').disabled).toBe(true);
      $(editor, '.uan-version__save').click();
      await flushPromises();
      expect(saveDraft.mock.calls[0][0].draft.prompts).toEqual([]);
    });

    it('publishes a saved draft and shows the published version read-only', async () => {
      publishVersion.mockResolvedValue(JSON.stringify({ ...mockDraft, status: 'published' }));
      const element = await createManager();
      const editor = await openFirstDraft(element);
      expect($(editor, '.uan-version__publish').disabled).toBe(false);

      $(editor, '.uan-version__publish').click();
      await flushPromises();

      expect(publishVersion).toHaveBeenCalledWith({ setId: SET_ID, version: 3 });
      expect(editor.version.status).toBe('published');
      expect($(editor, '.uan-version__read-only')).not.toBeNull();
      expect($(editor, '.uan-version__retire')).not.toBeNull();
      expect($(editor, '.uan-version__add')).toBeNull();
      const list = $(editor, 'c-prompt-list');
      expect(list.readOnly).toBe(true);
      expect(list.shadowRoot.querySelector('.uan-prompt-list__remove')).toBeNull();
      const viewer = await openPrompt(editor, 0);
      expect(viewer.readOnly).toBe(true);
      expect($(editor, '.uan-version__save-prompt')).toBeNull();
      $(editor, '.uan-version__back').click();
      await flushPromises();
      expect($(editor, 'c-prompt-editor')).toBeNull();
    });

    it('retires a published version and starts a new draft from it', async () => {
      retireVersion.mockResolvedValue(JSON.stringify({ ...mockPublished, status: 'retired' }));
      createDraftVersion.mockResolvedValue(JSON.stringify({ ...mockDraft, version: 4 }));
      getPromptSetVersion.mockResolvedValue(JSON.stringify(mockPublished));
      const element = await createManager();
      element.shadowRoot.querySelectorAll('.uan-sets__open')[1].click();
      await flushPromises();
      const editor = editorOf(element);

      $(editor, '.uan-version__retire').click();
      await flushPromises();
      expect(retireVersion).toHaveBeenCalledWith({ setId: SET_ID, version: 2 });
      expect(editor.version.status).toBe('retired');

      $(editor, '.uan-version__new-draft').click();
      await flushPromises();
      expect(createDraftVersion).toHaveBeenCalledWith({ setId: SET_ID });
      expect(editor.version.version).toBe(4);
    });

    it('keeps the draft and shows the error when publishing fails', async () => {
      publishVersion.mockRejectedValue({ body: { message: 'Version 3 is not a draft' } });
      const element = await createManager();
      const editor = await openFirstDraft(element);
      $(editor, '.uan-version__publish').click();
      await flushPromises();
      expect($(editor, 'c-error-panel').friendlyMessage).toBe('c.UAN_Version_ActionError');
      expect(editor.version.status).toBe('draft');
    });

    it('exports JSON and CSV through a data: URI download', async () => {
      const clicks = [];
      const clickSpy = jest.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(function click() {
        clicks.push({ href: this.href, download: this.download });
      });
      exportPromptSet
        .mockResolvedValueOnce('{"name":"Healthcare providers"}')
        .mockResolvedValueOnce('key,title\n');
      const element = await createManager();
      const editor = await openFirstDraft(element);

      $(editor, '.uan-version__export-json').click();
      await flushPromises();
      $(editor, '.uan-version__export-csv').click();
      await flushPromises();

      expect(exportPromptSet.mock.calls.map((c) => c[0])).toEqual([
        { setId: SET_ID, version: 3, format: 'json' },
        { setId: SET_ID, version: 3, format: 'csv' },
      ]);
      expect(clicks[0].download).toBe('healthcare-providers-v3.json');
      expect(decodeURIComponent(clicks[0].href)).toBe(
        'data:application/json;charset=utf-8,{"name":"Healthcare providers"}',
      );
      expect(clicks[1].download).toBe('healthcare-providers-v3.csv');
      expect(clicks[1].href.startsWith('data:text/csv;charset=utf-8,')).toBe(true);
      clickSpy.mockRestore();
    });

    it('imports a CSV file as a new draft of the chosen set and opens it', async () => {
      importPromptSet.mockResolvedValue(JSON.stringify({ ...mockDraft, version: 4 }));
      const element = await createManager();
      const target = $(element, '.uan-import__target');
      expect(target.options.map((o) => o.value)).toEqual(['', SET_ID, mockSets.items[1].id]);
      target.dispatchEvent(new CustomEvent('change', { detail: { value: SET_ID } }));

      const file = new File(['key,title\nhc-x,X\n'], 'Prompts.CSV', { type: 'text/csv' });
      $(element, '.uan-import__file').dispatchEvent(new CustomEvent('change', { detail: { files: [file] } }));
      await flushPromises();
      await flushPromises();

      expect(importPromptSet).toHaveBeenCalledWith({
        format: 'csv',
        content: 'key,title\nhc-x,X\n',
        setId: SET_ID,
      });
      expect(editorOf(element).version.version).toBe(4);
      expect(listPromptSets).toHaveBeenCalledTimes(2);
    });

    it('imports a JSON file as a new set and opens its latest version', async () => {
      importPromptSet.mockResolvedValue(
        JSON.stringify({ id: 'new-set', name: 'Imported', versions: [{ version: 1, status: 'draft' }] }),
      );
      getPromptSetVersion.mockResolvedValue(JSON.stringify({ ...mockDraft, setId: 'new-set', version: 1 }));
      const element = await createManager();
      const file = new File(['{"name":"Imported","prompts":[]}'], 'set.json', { type: 'application/json' });
      $(element, '.uan-import__file').dispatchEvent(new CustomEvent('change', { detail: { files: [file] } }));
      await flushPromises();
      await flushPromises();

      expect(importPromptSet).toHaveBeenCalledWith({
        format: 'json',
        content: '{"name":"Imported","prompts":[]}',
        setId: null,
      });
      expect(getPromptSetVersion).toHaveBeenCalledWith({ setId: 'new-set', version: 1 });
    });

    it('shows the service message when an import is rejected', async () => {
      importPromptSet.mockRejectedValue({ body: { message: 'row 2: title must not be empty' } });
      const element = await createManager();
      const file = new File(['bad'], 'set.json');
      $(element, '.uan-import__file').dispatchEvent(new CustomEvent('change', { detail: { files: [file] } }));
      await flushPromises();
      await flushPromises();
      const panel = $(element, 'c-error-panel');
      expect(panel.friendlyMessage).toBe('c.UAN_Manager_ImportError');
      expect(panel.errors.body.message).toBe('row 2: title must not be empty');
    });

    it('lists every problem of a rejected file where the file was chosen, not behind a toggle', async () => {
      importPromptSet.mockRejectedValue({
        body: {
          message: [
            'the file has 2 problem(s) to fix:',
            'line 3, column title (key "no-title"): must not be empty',
            'line 7, column key (key "Bad Key"): must be lowercase letters, digits and dashes',
          ].join('\n'),
        },
      });
      const element = await createManager();
      const file = new File(['bad'], 'set.csv');
      $(element, '.uan-import__file').dispatchEvent(new CustomEvent('change', { detail: { files: [file] } }));
      await flushPromises();
      await flushPromises();
      expect($(element, 'c-error-panel')).toBeNull();
      expect($(element, '.uan-import__summary').textContent).toBe('the file has 2 problem(s) to fix:');
      expect(
        [...element.shadowRoot.querySelectorAll('.uan-import__problem')].map((li) => li.textContent),
      ).toEqual([
        'line 3, column title (key "no-title"): must not be empty',
        'line 7, column key (key "Bad Key"): must be lowercase letters, digits and dashes',
      ]);
    });

    it('creates a new empty set', async () => {
      createPromptSet.mockResolvedValue(
        JSON.stringify({ id: 'set-9', name: 'Retail', versions: [{ version: 1, status: 'draft' }] }),
      );
      getPromptSetVersion.mockResolvedValue(JSON.stringify({ ...mockDraft, setId: 'set-9', version: 1 }));
      const element = await createManager();
      expect($(element, '.uan-new-set__create').disabled).toBe(true);
      type($(element, '.uan-new-set__name'), ' Retail ');
      await flushPromises();
      $(element, '.uan-new-set__create').click();
      await flushPromises();
      expect(createPromptSet.mock.calls[0][0].promptSet).toEqual({ name: 'Retail', prompts: [] });
      expect(getPromptSetVersion).toHaveBeenCalledWith({ setId: 'set-9', version: 1 });
    });
  });

  describe('candidates', () => {
    it('opens the draft a promoted candidate landed in and refreshes the sets', async () => {
      getPromptSetVersion.mockResolvedValue(JSON.stringify(mockDraft));
      const element = await createManager();
      const effectiveness = $(element, 'c-prompt-effectiveness');
      expect(effectiveness.promotable).toBe(true);
      expect(effectiveness.filterable).toBe(true);
      expect(effectiveness.sets.map((set) => set.id)).toEqual(mockSets.items.map((set) => set.id));
      const loads = listPromptSets.mock.calls.length;
      const effectivenessTab = [...element.shadowRoot.querySelectorAll('lightning-tab')].find(
        (tab) => tab.value === 'effectiveness',
      );
      effectivenessTab.dispatchEvent(new CustomEvent('active'));
      await flushPromises();
      expect($(element, 'lightning-tabset').activeTabValue).toBe('effectiveness');

      effectiveness.dispatchEvent(
        new CustomEvent('promoted', { detail: { promotion: { promptKey: 'k' }, version: mockDraft } }),
      );
      await flushPromises();

      expect(listPromptSets.mock.calls.length).toBe(loads + 1);
      expect(editorOf(element).version).toEqual(mockDraft);
      expect($(element, 'lightning-tabset').activeTabValue).toBe('sets');
    });
  });

  describe('preview', () => {
    it('sends the opportunity context and shows the prompts it would get', async () => {
      previewPrompts.mockResolvedValue(JSON.stringify(mockPreview));
      const element = await createManager();
      const preview = $(element, 'c-prompt-preview');
      const field = (name) => $(preview, `[data-field="${name}"]`);
      field('industry').dispatchEvent(new CustomEvent('change', { detail: { value: 'Healthcare' } }));
      field('stage').dispatchEvent(new CustomEvent('change', { detail: { value: 'Needs Analysis' } }));
      type(field('amount'), '250000');
      type(field('accountName'), 'St. Agnes Health');
      $(preview, '.uan-preview__run').click();
      await flushPromises();

      const { context } = previewPrompts.mock.calls[0][0];
      expect(context).toEqual({
        id: '006000000000000AAA',
        industry: 'Healthcare',
        stage: 'Needs Analysis',
        amount: 250000,
        accountName: 'St. Agnes Health',
      });
      const cards = preview.shadowRoot.querySelectorAll('c-prompt-card');
      expect(cards).toHaveLength(1);
      expect(cards[0].prompt.provocation).toContain('St. Agnes Health');
    });

    it('says when nothing matches, and shows errors', async () => {
      previewPrompts.mockResolvedValueOnce(JSON.stringify({ items: [], nextCursor: null }));
      previewPrompts.mockRejectedValueOnce({ body: { message: 'opportunity.id: must be a Salesforce Id' } });
      const element = await createManager();
      const preview = $(element, 'c-prompt-preview');
      $(preview, '.uan-preview__run').click();
      await flushPromises();
      expect($(preview, '.uan-preview__none')).not.toBeNull();
      $(preview, '.uan-preview__run').click();
      await flushPromises();
      expect($(preview, 'c-error-panel')).not.toBeNull();
    });
  });

  describe('effectiveness', () => {
    it('shows reaction mix and win rates with intervals, or not enough data', async () => {
      const element = await createManager();
      const table = $(element, 'c-prompt-effectiveness');
      const { rows, caption } = $(table, 'c-uan-table');
      expect(rows).toHaveLength(2);
      const cells = (row) => Object.fromEntries(row.cells.map((cell) => [cell.key, cell.text]));
      expect(cells(rows[0])).toMatchObject({
        raised: '40',
        new_to_them: '18 (45%)',
        winRate: '52% (38–66%)',
        baseline: '40% (35–46%)',
      });
      expect(cells(rows[1]).winRate).toBe('not enough data');
      expect($(table, '.uan-effect__candidates').rows).toHaveLength(2);
      expect(caption).toBeTruthy();
    });
  });

  describe('scoring weights', () => {
    const microtasks = async () => {
      for (let i = 0; i < 5; i++) {
        // eslint-disable-next-line no-await-in-loop -- each round must finish before the next is queued
        await Promise.resolve();
      }
    };

    it('saves the five weights', async () => {
      saveSettings.mockResolvedValue(
        JSON.stringify({ ...mockSettings, weights: { ...mockSettings.weights, provocation: 2 } }),
      );
      const element = await createManager();
      const weights = $(element, 'c-scoring-weights');
      const sliders = weights.shadowRoot.querySelectorAll('lightning-slider');
      expect(sliders).toHaveLength(5);
      expect(sliders[0].value).toBe(1);

      sliders[0].dispatchEvent(new CustomEvent('change', { detail: { value: 2 } }));
      await flushPromises();
      expect(weights.shadowRoot.querySelector('.uan-weights__rescore').disabled).toBe(true);
      weights.shadowRoot.querySelector('c-uan-settings-tab').dispatchEvent(new CustomEvent('save'));
      await flushPromises();

      expect(saveSettings.mock.calls[0][0].settings).toEqual({
        weights: { provocation: 2, customerView: 1, collaboration: 1, businessFocus: 1, nextStep: 1 },
      });
      expect(weights.shadowRoot.querySelector('.uan-weights__rescore').disabled).toBe(false);
    });

    it('starts a rescore and polls the job until it is done', async () => {
      const element = await createManager();
      jest.useFakeTimers();
      startRescore.mockResolvedValue(
        JSON.stringify({ id: 'job-1', kind: 'rescore', status: 'queued', done: 0, total: 100 }),
      );
      getJob
        .mockResolvedValueOnce(
          JSON.stringify({ id: 'job-1', kind: 'rescore', status: 'running', done: 40, total: 100 }),
        )
        .mockResolvedValueOnce(
          JSON.stringify({ id: 'job-1', kind: 'rescore', status: 'done', done: 100, total: 100 }),
        );
      const weights = $(element, 'c-scoring-weights');

      weights.shadowRoot.querySelector('.uan-weights__rescore').click();
      await microtasks();
      expect(startRescore).toHaveBeenCalledTimes(1);
      expect(weights.shadowRoot.querySelector('lightning-progress-bar').value).toBe(0);

      jest.advanceTimersByTime(1500);
      await microtasks();
      expect(getJob).toHaveBeenCalledWith({ jobId: 'job-1' });
      expect(weights.shadowRoot.querySelector('lightning-progress-bar').value).toBe(40);
      expect(weights.shadowRoot.querySelector('.uan-weights__progress').textContent).toBe(
        '40 of 100 notes rescored',
      );

      jest.advanceTimersByTime(1500);
      await microtasks();
      expect(weights.shadowRoot.querySelector('lightning-progress-bar').value).toBe(100);
      // Effectiveness is reloaded once rescoring is done; then polling stops.
      expect(getPromptEffectiveness).toHaveBeenCalledTimes(2);
      jest.advanceTimersByTime(5000);
      expect(getJob).toHaveBeenCalledTimes(2);
    });

    it('follows the job that superseded the one it polls until that one is done', async () => {
      const element = await createManager();
      jest.useFakeTimers();
      startRescore.mockResolvedValue(
        JSON.stringify({ id: 'job-1', kind: 'rescore', status: 'running', done: 10, total: 100 }),
      );
      getJob
        .mockResolvedValueOnce(
          JSON.stringify({ id: 'job-1', status: 'superseded', supersededBy: 'job-2', done: 20, total: 100 }),
        )
        .mockResolvedValueOnce(JSON.stringify({ id: 'job-2', status: 'done', done: 100, total: 100 }));
      const weights = $(element, 'c-scoring-weights');

      weights.shadowRoot.querySelector('.uan-weights__rescore').click();
      await microtasks();
      jest.advanceTimersByTime(1500);
      await microtasks();
      expect(weights.shadowRoot.querySelector('lightning-progress-bar').value).toBe(0);
      jest.advanceTimersByTime(1500);
      await microtasks();

      expect(getJob.mock.calls).toEqual([[{ jobId: 'job-1' }], [{ jobId: 'job-2' }]]);
      expect(weights.shadowRoot.querySelector('lightning-progress-bar').value).toBe(100);
      jest.advanceTimersByTime(5000);
      expect(getJob).toHaveBeenCalledTimes(2);
    });
  });
});
