import { createElement } from '@lwc/engine-dom';
import PromptEditor from 'c/promptEditor';
import { MERGE_FIELDS } from '../mergeFields';
import { flushPromises } from 'uan-test/flushPromises';

const mockPrompt = require('uan-test/fixtures/getPromptSetVersion.json').prompts[0];

async function createEditor(props) {
  const element = createElement('c-prompt-editor', { is: PromptEditor });
  Object.assign(
    element,
    {
      index: 4,
      industryOptions: [{ label: 'Healthcare', value: 'Healthcare' }],
      stageOptions: [{ label: 'Needs Analysis', value: 'Needs Analysis' }],
    },
    props,
  );
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

/** Types into a field and returns the prompt the editor emitted. */
function change(element, selector, value) {
  const handler = jest.fn();
  element.addEventListener('promptchange', handler);
  const input = $(element, selector);
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  element.removeEventListener('promptchange', handler);
  expect(handler.mock.calls[0][0].detail.index).toBe(4);
  return handler.mock.calls[0][0].detail.prompt;
}

describe('c-prompt-editor', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows the prompt it is given', async () => {
    const element = await createEditor({ prompt: mockPrompt });
    expect($(element, 'legend').textContent).toBe('c.UAN_PromptEditor_Legend');
    expect($(element, '[data-field="title"]').value).toBe(mockPrompt.title);
    expect($(element, '[data-field="provocation"]').value).toBe(mockPrompt.provocation);
    // in the user's format (en-US under jest)
    expect($(element, '[data-field="expiresOn"]').value).toBe('12/31/2027');
    expect($(element, '[data-targeting="industries"]').value).toEqual(['Healthcare']);
    expect($(element, '[data-targeting="phases"]').value).toEqual(['early']);
    expect($(element, '[data-targeting="industries"]').options).toEqual([
      { label: 'Healthcare', value: 'Healthcare' },
    ]);
  });

  it('emits the whole prompt on every change, with typed targeting values', async () => {
    const element = await createEditor({ prompt: mockPrompt });
    expect(change(element, '[data-field="followUp"]', 'Who answers payers today?')).toEqual({
      ...mockPrompt,
      followUp: 'Who answers payers today?',
    });
    expect(change(element, '[data-field="expiresOn"]', '').expiresOn).toBeNull();
    expect(change(element, '[data-field="amountMin"]', '250000').targeting.amountMin).toBe(250000);
    expect(change(element, '[data-field="amountMax"]', '').targeting.amountMax).toBeNull();
    expect(
      change(element, '[data-field="recordTypes"]', ' New Business,, Renewal').targeting.recordTypes,
    ).toEqual(['New Business', 'Renewal']);
    // edits build on each other before the parent hands the prompt back
    const last = change(element, '[data-targeting="stages"]', ['Needs Analysis']);
    expect(last.targeting).toMatchObject({
      stages: ['Needs Analysis'],
      amountMin: 250000,
      recordTypes: ['New Business', 'Renewal'],
    });
    expect(last.followUp).toBe('Who answers payers today?');
  });

  it("reads the expiry date in ISO or the user's format and flags one it cannot read", async () => {
    const element = await createEditor({ prompt: mockPrompt });
    const expires = $(element, '[data-field="expiresOn"]');
    expires.setCustomValidity = jest.fn();
    expires.reportValidity = jest.fn(() => true);
    expect(change(element, '[data-field="expiresOn"]', '6/30/2027').expiresOn).toBe('2027-06-30');
    expect(change(element, '[data-field="expiresOn"]', '2027-07-01').expiresOn).toBe('2027-07-01');
    expect(expires.setCustomValidity).toHaveBeenLastCalledWith('');

    const handler = jest.fn();
    element.addEventListener('promptchange', handler);
    expires.value = 'end of June';
    expires.dispatchEvent(new CustomEvent('change', { detail: { value: 'end of June' } }));
    expect(handler).not.toHaveBeenCalled();
    expect(expires.setCustomValidity).toHaveBeenLastCalledWith('c.UAN_Date_Invalid');
    expires.dispatchEvent(new CustomEvent('blur'));
    expect(expires.reportValidity).toHaveBeenCalledTimes(3);
    await flushPromises();
    expect(expires.value).toBe('end of June');
    expect(element.validate()).toBe(false);

    expect(change(element, '[data-field="expiresOn"]', '7/2/2027').expiresOn).toBe('2027-07-02');
    expect(expires.setCustomValidity).toHaveBeenLastCalledWith('');
    expect(element.validate()).toBe(true);
  });

  it("derives a new prompt's key from its title until the key is edited", async () => {
    const element = await createEditor({
      prompt: { key: '', autoKey: true, title: '', targeting: { industries: [], phases: [], stages: [] } },
    });
    expect(change(element, '[data-field="title"]', 'Staffing: the real limit').key).toBe(
      'staffing-the-real-limit',
    );
    expect(change(element, '[data-field="key"]', 'staffing').autoKey).toBe(false);
    expect(change(element, '[data-field="title"]', 'Something else').key).toBe('staffing');
  });

  it('validates required fields and the key pattern', async () => {
    const element = await createEditor({ prompt: mockPrompt });
    expect(element.validate()).toBe(true);
    element.prompt = { ...mockPrompt, rationale: ' ' };
    expect(element.validate()).toBe(false);
    element.prompt = { ...mockPrompt, key: 'Not A Key' };
    expect(element.validate()).toBe(false);
  });

  it('marks a malformed key invalid in code, through the pattern attribute, and clears it once fixed', async () => {
    const element = await createEditor({ prompt: mockPrompt });
    const key = $(element, '[data-field="key"]');
    expect(key.pattern).toBe('[a-z0-9][a-z0-9\\-]{0,99}');
    expect(key.messageWhenPatternMismatch).toBe('c.UAN_PromptEditor_KeyInvalid');
    key.setCustomValidity = jest.fn();
    key.reportValidity = jest.fn(() => false);

    change(element, '[data-field="key"]', 'Price Transparency');
    expect(key.setCustomValidity).toHaveBeenLastCalledWith('c.UAN_PromptEditor_KeyInvalid');
    expect(key.reportValidity).not.toHaveBeenCalled();
    key.dispatchEvent(new CustomEvent('blur'));
    expect(key.reportValidity).toHaveBeenCalledTimes(1);
    expect(element.validate()).toBe(false);

    change(element, '[data-field="key"]', 'price-transparency');
    expect(key.setCustomValidity).toHaveBeenLastCalledWith('');
    key.reportValidity.mockReturnValue(true);
    expect(element.validate()).toBe(true);
  });

  it('reports a malformed key on validate() even when it was never typed here', async () => {
    const element = await createEditor({ prompt: { ...mockPrompt, key: '-leading-hyphen' } });
    const key = $(element, '[data-field="key"]');
    key.setCustomValidity = jest.fn();
    expect(element.validate()).toBe(false);
    expect(key.setCustomValidity).toHaveBeenCalledWith('c.UAN_PromptEditor_KeyInvalid');
  });

  it("offers the service's merge fields beside the provocation and the follow-up", async () => {
    const element = await createEditor({ prompt: mockPrompt });
    const pickers = element.shadowRoot.querySelectorAll('lightning-button-menu.uan-prompt-editor__fields');
    expect([...pickers].map((p) => p.dataset.target)).toEqual(['provocation', 'followUp']);
    expect(pickers[0].alternativeText).toBe('c.UAN_PromptEditor_InsertField');
    const items = pickers[1].querySelectorAll('lightning-menu-item');
    expect([...items].map((i) => i.value)).toEqual(MERGE_FIELDS.map((f) => `{${f}}`));
  });

  it('inserts the chosen merge field at the cursor and returns the cursor to the text', async () => {
    const element = await createEditor({ prompt: { ...mockPrompt, followUp: 'How does  choose?' } });
    const followUp = $(element, '[data-field="followUp"]');
    // what the browser does with the cursor after "How does "
    followUp.setRangeText = jest.fn((text) => {
      followUp.value = `How does ${text} choose?`;
    });
    followUp.focus = jest.fn();
    const handler = jest.fn();
    element.addEventListener('promptchange', handler);

    const picker = element.shadowRoot.querySelectorAll('.uan-prompt-editor__fields')[1];
    picker.dispatchEvent(new CustomEvent('select', { detail: { value: '{Account.Name}' } }));

    expect(followUp.setRangeText).toHaveBeenCalledWith('{Account.Name}');
    expect(handler.mock.calls[0][0].detail.prompt.followUp).toBe('How does {Account.Name} choose?');
    expect(handler.mock.calls[0][0].detail.prompt.provocation).toBe(mockPrompt.provocation);
    expect(followUp.focus).toHaveBeenCalled();
  });

  it('is read-only without a Remove button for published prompts', async () => {
    const element = await createEditor({ prompt: mockPrompt, readOnly: true });
    const inputs = element.shadowRoot.querySelectorAll(
      'lightning-input, lightning-textarea, lightning-dual-listbox, lightning-checkbox-group',
    );
    expect([...inputs].every((input) => input.disabled)).toBe(true);
    expect($(element, '.uan-prompt-editor__remove')).toBeNull();
    expect($(element, '.uan-prompt-editor__fields')).toBeNull();
  });

  it('asks to be removed and puts the cursor in the title on focus()', async () => {
    const element = await createEditor({ prompt: mockPrompt });
    const removed = jest.fn();
    element.addEventListener('promptremove', removed);
    $(element, '.uan-prompt-editor__remove').click();
    expect(removed.mock.calls[0][0].detail).toEqual({ index: 4 });

    const title = $(element, '[data-field="title"]');
    title.focus = jest.fn();
    element.focus();
    expect(title.focus).toHaveBeenCalled();
  });
});
