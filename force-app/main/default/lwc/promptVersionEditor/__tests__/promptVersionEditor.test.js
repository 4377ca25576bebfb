import PromptVersionEditor from 'c/promptVersionEditor';
import saveDraft from '@salesforce/apex/UpAtNightPromptSetController.saveDraft';
import publishVersion from '@salesforce/apex/UpAtNightPromptSetController.publishVersion';
import republishVersion from '@salesforce/apex/UpAtNightPromptSetController.republishVersion';
import { daysAgoIso, formatDate } from 'c/uanFormat';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import { flushPromises } from 'uan-test/flushPromises';
import { render } from 'uan-test/render';

const mockVersion = require('uan-test/fixtures/getPromptSetVersion.json');

jest.mock('@salesforce/label/c.UAN_Version_PreviewExample', () => ({ default: '{0}: {1}' }), {
  virtual: true,
});

jest.mock('@salesforce/label/c.UAN_Version_ExpiredOn', () => ({ default: '{0}: expired on {1}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Version_ExpiresOn', () => ({ default: '{0}: expires on {1}' }), {
  virtual: true,
});

const SCHEMA_FIELDS = [
  'expiresOn',
  'followUp',
  'key',
  'provocation',
  'rationale',
  'source',
  'targeting',
  'title',
];

/** The fixture draft, or one with `count` prompts cycling through it (the size of the default library). */
function draftWith(count) {
  const prompts = Array.from({ length: count }, (_, i) => {
    const base = mockVersion.prompts[i % mockVersion.prompts.length];
    return { ...base, id: `p${i + 1}`, key: `${base.key}-${i + 1}`, title: `${base.title} ${i + 1}` };
  });
  return { ...mockVersion, prompts };
}

/** What the service stored for a prompt: exactly the fields its schema accepts. */
function content(prompt) {
  return Object.fromEntries(SCHEMA_FIELDS.map((field) => [field, prompt[field]]));
}

function createEditor(version = mockVersion) {
  return render('c-prompt-version-editor', PromptVersionEditor, {
    version,
    industryOptions: [{ label: 'Healthcare', value: 'Healthcare' }],
    stageOptions: [{ label: 'Needs Analysis', value: 'Needs Analysis' }],
  });
}

const $ = (root, selector) => root.shadowRoot.querySelector(selector);
const listOf = (element) => $(element, 'c-prompt-list');
const rowsOf = (element) => [...listOf(element).shadowRoot.querySelectorAll('.uan-prompt-list__row')];

async function openRow(element, n) {
  rowsOf(element)[n].querySelector('.uan-prompt-list__open').click();
  await flushPromises();
  return $(element, 'c-prompt-editor');
}

function type(input, value) {
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-prompt-version-editor', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('renders a draft as a list of its prompts and no editor', async () => {
    const element = await createEditor();
    expect($(element, 'h3').textContent).toBe('c.UAN_Version_Heading');
    expect(rowsOf(element).map((r) => r.querySelector('th').textContent)).toEqual(
      mockVersion.prompts.map((p) => p.title),
    );
    expect($(element, 'c-prompt-editor')).toBeNull();
    expect($(element, '.uan-version__save').disabled).toBe(true);
    expect($(element, '.uan-version__publish').disabled).toBe(false);
  });

  it('renders a 106-prompt draft as one page of 25 rows and no editors', async () => {
    const element = await createEditor(draftWith(106));
    expect(listOf(element).prompts).toHaveLength(106);
    expect(rowsOf(element)).toHaveLength(25);
    expect(element.shadowRoot.querySelectorAll('c-prompt-editor')).toHaveLength(0);
  });

  it('edits one prompt and saves the whole draft with only schema fields', async () => {
    saveDraft.mockResolvedValue(JSON.stringify(mockVersion));
    const element = await createEditor();
    const changed = jest.fn();
    const toast = jest.fn();
    element.addEventListener('versionchange', changed);
    element.addEventListener(ShowToastEventName, toast);

    const editor = await openRow(element, 1);
    expect(editor.index).toBe(1);
    expect(editor.prompt.key).toBe('banking-middle-instant-payments');
    expect($(element, '.uan-version__prompt h4').textContent).toBe('c.UAN_Version_EditingPrompt');
    // the draft waits for the open prompt
    expect($(element, '.uan-version__save').disabled).toBe(true);
    expect($(element, '.uan-version__publish').disabled).toBe(true);
    expect($(element, '.uan-version__add')).toBeNull();

    type($(editor, '[data-field="provocation"]'), 'Instant payments end the float at {Account.Name}.');
    await flushPromises();
    $(editor, '[data-targeting="phases"]').dispatchEvent(
      new CustomEvent('change', { detail: { value: ['middle', 'late'] } }),
    );
    await flushPromises();
    type($(editor, '[data-field="expiresOn"]'), '2028-01-31');
    await flushPromises();
    $(element, '.uan-version__save-prompt').click();
    await flushPromises();

    expect(saveDraft).toHaveBeenCalledTimes(1);
    const { setId, version, draft } = saveDraft.mock.calls[0][0];
    expect([setId, version]).toEqual([mockVersion.setId, 2]);
    expect(draft).toEqual({
      name: mockVersion.name,
      description: mockVersion.description,
      prompts: [
        content(mockVersion.prompts[0]),
        {
          ...content(mockVersion.prompts[1]),
          provocation: 'Instant payments end the float at {Account.Name}.',
          expiresOn: '2028-01-31',
          targeting: { ...mockVersion.prompts[1].targeting, phases: ['middle', 'late'] },
        },
        content(mockVersion.prompts[2]),
      ],
    });
    expect(toast.mock.calls[0][0].detail.title).toBe('c.UAN_Version_Saved');
    expect(changed.mock.calls[0][0].detail).toEqual(mockVersion);
  });

  it('finds a prompt of a 106-prompt draft by search and saves it in its place', async () => {
    const big = draftWith(106);
    saveDraft.mockResolvedValue(JSON.stringify(big));
    const element = await createEditor(big);
    const search = listOf(element).shadowRoot.querySelector('.uan-prompt-list__search');
    type(search, 'banking 59');
    await flushPromises();
    expect(rowsOf(element)).toHaveLength(1);

    const editor = await openRow(element, 0);
    expect(editor.index).toBe(58);
    type($(editor, '[data-field="title"]'), 'Instant payments, renamed');
    await flushPromises();
    $(element, '.uan-version__save-prompt').click();
    await flushPromises();

    const { prompts } = saveDraft.mock.calls[0][0].draft;
    expect(prompts).toHaveLength(106);
    expect(prompts[58].title).toBe('Instant payments, renamed');
    // an existing prompt keeps its key when its title changes
    expect(prompts[58].key).toBe('banking-middle-instant-payments-59');
    expect(prompts.filter((p, i) => i !== 58)).toEqual(big.prompts.filter((p, i) => i !== 58).map(content));
  });

  it('keeps the search after a save and clears it for another version', async () => {
    const big = draftWith(106);
    const element = await createEditor(big);
    const search = () => listOf(element).shadowRoot.querySelector('.uan-prompt-list__search');
    type(search(), 'healthcare');
    await flushPromises();
    expect(rowsOf(element)).toHaveLength(25);
    expect(search().value).toBe('healthcare');

    element.version = { ...big, name: 'Saved' };
    await flushPromises();
    expect(search().value).toBe('healthcare');

    element.version = { ...big, version: 3 };
    await flushPromises();
    expect(search().value).toBe('');
    expect(rowsOf(element)[0].querySelector('td').textContent).toBe('1');
    expect(rowsOf(element)[1].querySelector('td').textContent).toBe('2');
  });

  it('returns to the list with focus on the row once the saved version comes back', async () => {
    saveDraft.mockResolvedValue(JSON.stringify(mockVersion));
    const element = await createEditor();
    element.addEventListener('versionchange', (event) => {
      element.version = event.detail;
    });
    await openRow(element, 2);
    $(element, '.uan-version__save-prompt').click();
    await flushPromises();
    expect($(element, 'c-prompt-editor')).toBeNull();
    expect(listOf(element).shadowRoot.activeElement.dataset.index).toBe('2');
  });

  it('keeps the prompt open and shows the error when the service refuses the draft', async () => {
    saveDraft.mockRejectedValue({ body: { message: 'prompts.1.key: duplicate key' } });
    const element = await createEditor();
    await openRow(element, 1);
    $(element, '.uan-version__save-prompt').click();
    await flushPromises();
    expect($(element, 'c-error-panel').friendlyMessage).toBe('c.UAN_Version_ActionError');
    expect($(element, 'c-prompt-editor')).not.toBeNull();
  });

  it('refuses to save a draft with an incomplete prompt and opens that prompt', async () => {
    const broken = {
      ...mockVersion,
      prompts: [mockVersion.prompts[0], { ...mockVersion.prompts[1], source: ' ' }, mockVersion.prompts[2]],
    };
    const element = await createEditor(broken);
    type($(element, '.uan-version__name'), 'Renamed library');
    await flushPromises();
    $(element, '.uan-version__save').click();
    await flushPromises();
    expect(saveDraft).not.toHaveBeenCalled();
    expect($(element, '.uan-version__invalid')).not.toBeNull();
    expect($(element, 'c-prompt-editor').index).toBe(1);
  });

  it('refuses to save a draft without a name', async () => {
    const element = await createEditor();
    type($(element, '.uan-version__name'), '  ');
    await flushPromises();
    $(element, '.uan-version__save').click();
    await flushPromises();
    expect(saveDraft).not.toHaveBeenCalled();
    expect($(element, '.uan-version__invalid')).not.toBeNull();
  });

  it("removes the open prompt with the editor's Remove button", async () => {
    const element = await createEditor();
    const editor = await openRow(element, 0);
    $(editor, '.uan-prompt-editor__remove').click();
    await flushPromises();
    expect($(element, 'c-prompt-editor')).toBeNull();
    expect(listOf(element).prompts.map((p) => p.key)).toEqual([
      'banking-middle-instant-payments',
      'any-late-cost-of-delay',
    ]);
    expect($(element, '.uan-version__unsaved')).not.toBeNull();
  });

  it('drops a new prompt on Cancel', async () => {
    const element = await createEditor();
    $(element, '.uan-version__add').click();
    await flushPromises();
    expect($(element, '.uan-version__prompt h4').textContent).toBe('c.UAN_Version_NewPrompt');
    type($(element, 'c-prompt-editor').shadowRoot.querySelector('[data-field="title"]'), 'Half a thought');
    await flushPromises();
    $(element, '.uan-version__cancel-prompt').click();
    await flushPromises();
    expect($(element, 'c-prompt-editor')).toBeNull();
    expect(listOf(element).prompts).toHaveLength(3);
    expect($(element, '.uan-version__unsaved')).toBeNull();
  });

  it('shows the prompts of a published version read-only, one at a time', async () => {
    const element = await createEditor({ ...mockVersion, status: 'published' });
    expect(listOf(element).readOnly).toBe(true);
    expect($(element, '.uan-version__add')).toBeNull();
    const viewer = await openRow(element, 0);
    expect(viewer.readOnly).toBe(true);
    expect($(element, '.uan-version__prompt h4').textContent).toBe('c.UAN_Version_ViewingPrompt');
    expect($(element, '.uan-version__save-prompt')).toBeNull();
    $(element, '.uan-version__back').click();
    await flushPromises();
    expect($(element, 'c-prompt-editor')).toBeNull();
    expect(listOf(element).shadowRoot.activeElement.dataset.index).toBe('0');
  });

  describe('publishing prompts that expire', () => {
    // relative to today, so the test means the same on any day it runs
    const expired = daysAgoIso(1);
    const soon = daysAgoIso(-30);
    const later = daysAgoIso(-31);

    function versionExpiring() {
      const [a, b, c] = mockVersion.prompts;
      return {
        ...mockVersion,
        prompts: [
          { ...a, expiresOn: expired },
          { ...b, expiresOn: later },
          { ...c, expiresOn: soon },
        ],
      };
    }

    it('warns first, naming the prompts that have expired or expire within 30 days', async () => {
      const focus = jest.spyOn(HTMLElement.prototype, 'focus');
      const element = await createEditor(versionExpiring());
      $(element, '.uan-version__publish').click();
      await flushPromises();

      expect(publishVersion).not.toHaveBeenCalled();
      const warning = $(element, '.uan-version__expiry');
      expect(warning.getAttribute('role')).toBe('group');
      expect(warning.querySelector(`#${warning.getAttribute('aria-labelledby')}`).textContent).toContain(
        'c.UAN_Version_ExpiryWarning',
      );
      const [a, , c] = mockVersion.prompts;
      expect([...warning.querySelectorAll('li')].map((li) => li.textContent)).toEqual([
        `${a.title}: expired on ${formatDate(expired)}`,
        `${c.title}: expires on ${formatDate(soon)}`,
      ]);
      expect(focus.mock.contexts.at(-1)).toBe($(element, '.uan-version__expiry-cancel'));
      focus.mockRestore();
    });

    it('publishes when the user confirms', async () => {
      publishVersion.mockResolvedValue(JSON.stringify({ ...mockVersion, status: 'published' }));
      const element = await createEditor(versionExpiring());
      $(element, '.uan-version__publish').click();
      await flushPromises();
      $(element, '.uan-version__publish-anyway').click();
      await flushPromises();
      expect(publishVersion).toHaveBeenCalledWith({ setId: mockVersion.setId, version: mockVersion.version });
      expect($(element, '.uan-version__expiry')).toBeNull();
    });

    it('publishes nothing when the user declines, and returns to the Publish button', async () => {
      const focus = jest.spyOn(HTMLElement.prototype, 'focus');
      const element = await createEditor(versionExpiring());
      $(element, '.uan-version__publish').click();
      await flushPromises();
      $(element, '.uan-version__expiry-cancel').click();
      await flushPromises();
      expect(publishVersion).not.toHaveBeenCalled();
      expect($(element, '.uan-version__expiry')).toBeNull();
      expect(focus.mock.contexts.at(-1)).toBe($(element, '.uan-version__publish'));
      focus.mockRestore();
    });

    it('publishes at once when nothing expires within 30 days', async () => {
      publishVersion.mockResolvedValue(JSON.stringify({ ...mockVersion, status: 'published' }));
      const [a, b] = mockVersion.prompts;
      const element = await createEditor({
        ...mockVersion,
        prompts: [
          { ...a, expiresOn: later },
          { ...b, expiresOn: null },
        ],
      });
      $(element, '.uan-version__publish').click();
      await flushPromises();
      expect($(element, '.uan-version__expiry')).toBeNull();
      expect(publishVersion).toHaveBeenCalledTimes(1);
    });
  });

  describe('rolling back and previewing', () => {
    it('republishes a retired version as a new version and hands the result to the page', async () => {
      const republished = { ...mockVersion, version: 4, status: 'published' };
      republishVersion.mockResolvedValue(JSON.stringify(republished));
      const element = await createEditor({ ...mockVersion, status: 'retired' });
      const changed = jest.fn();
      element.addEventListener('versionchange', changed);

      $(element, '.uan-version__republish').click();
      await flushPromises();

      expect(republishVersion).toHaveBeenCalledWith({
        setId: mockVersion.setId,
        version: mockVersion.version,
      });
      expect(changed.mock.calls[0][0].detail).toEqual(republished);
    });

    it('offers each status its own actions, in order, with their variants', async () => {
      const toolbar = async (status) => {
        const element = await createEditor({ ...mockVersion, status });
        const { actions } = element.shadowRoot.querySelector('c-uan-actions.uan-version__toolbar');
        return actions.map((action) => [action.className, action.variant ?? null]);
      };
      const exports = [
        ['uan-version__export-json', null],
        ['uan-version__export-csv', null],
      ];
      expect(await toolbar('draft')).toEqual([
        ['uan-version__save', null],
        ['uan-version__publish', 'brand'],
        ...exports,
      ]);
      expect(await toolbar('published')).toEqual([
        ['uan-version__new-draft', null],
        ['uan-version__retire', 'destructive-text'],
        ...exports,
      ]);
      expect(await toolbar('retired')).toEqual([
        ['uan-version__new-draft', null],
        ['uan-version__republish', null],
        ...exports,
      ]);
      const retired = await createEditor({ ...mockVersion, status: 'retired' });
      expect($(retired, '.uan-version__republish').title).toBe('c.UAN_Version_RepublishTitle');
    });

    it('offers no rollback on a draft or the published version', async () => {
      const draft = await createEditor();
      expect($(draft, '.uan-version__republish')).toBeNull();
      const published = await createEditor({ ...mockVersion, status: 'published' });
      expect($(published, '.uan-version__republish')).toBeNull();
    });

    it("previews a draft with example contexts from its prompts' targeting", async () => {
      const element = await createEditor();
      element.stagePhases = { Prospecting: 'early', 'Needs Analysis': 'middle' };
      await flushPromises();
      const preview = $(element, 'c-prompt-preview');
      expect(preview.setId).toBe(mockVersion.setId);
      expect(preview.version).toBe(mockVersion.version);
      expect(preview.examples).toEqual([
        {
          label: 'Prior authorization is going electronic: Healthcare, Prospecting',
          context: { industry: 'Healthcare', stage: 'Prospecting' },
        },
        {
          label: 'Instant payments change the float: Banking, Needs Analysis',
          context: { industry: 'Banking', stage: 'Needs Analysis' },
        },
        {
          label: 'The cost of waiting a budget cycle: Negotiation/Review, 100000',
          context: { stage: 'Negotiation/Review', amount: 100000 },
        },
      ]);
    });

    it('previews nothing for a published version (the preview tab does that)', async () => {
      const element = await createEditor({ ...mockVersion, status: 'published' });
      expect($(element, 'c-prompt-preview')).toBeNull();
    });
  });
});
