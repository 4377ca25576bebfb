import PromptPreview from 'c/promptPreview';
import previewPrompts from '@salesforce/apex/UpAtNightPromptSetController.previewPrompts';
import previewVersion from '@salesforce/apex/UpAtNightPromptSetController.previewVersion';
import { flushPromises } from 'uan-test/flushPromises';
import { render, resetDom } from 'uan-test/render';

const PROMPT = {
  id: 'p1',
  key: 'hc-staffing',
  title: 'Nurse staffing',
  provocation: 'What if agencies double their rates for St. Agnes?',
  followUp: 'What are you already doing?',
  rationale: 'Rates rose.',
  source: 'Notes',
};

const EXAMPLES = [
  {
    label: 'Staffing: Healthcare, Needs Analysis',
    context: { industry: 'Healthcare', stage: 'Needs Analysis' },
  },
  { label: 'Banks: Banking, 500000', context: { industry: 'Banking', amount: 500000 } },
];

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

function choose(combobox, value) {
  combobox.value = value;
  combobox.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

describe('c-prompt-preview', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('previews a draft version, not the published sets, when given one', async () => {
    previewVersion.mockResolvedValue(JSON.stringify({ items: [PROMPT], nextCursor: null }));
    const element = await render('c-prompt-preview', PromptPreview, {
      setId: 'set-hc',
      version: 3,
      examples: EXAMPLES,
      heading: 'What would an opportunity get from this draft?',
    });
    // a subsection of the version it previews
    expect($(element, 'h3')).toBeNull();
    expect($(element, 'h4').textContent).toBe('What would an opportunity get from this draft?');

    choose($(element, '.uan-preview__example'), '0');
    await flushPromises();
    $(element, '.uan-preview__run').click();
    await flushPromises();

    expect(previewPrompts).not.toHaveBeenCalled();
    expect(previewVersion).toHaveBeenCalledWith({
      setId: 'set-hc',
      version: 3,
      context: { id: '006000000000000AAA', industry: 'Healthcare', stage: 'Needs Analysis' },
    });
    const cards = element.shadowRoot.querySelectorAll('c-prompt-card');
    expect(cards).toHaveLength(1);
    expect(cards[0].prompt.key).toBe('hc-staffing');
  });

  it('fills the fields from a picked example and clears them when none is picked', async () => {
    const element = await render('c-prompt-preview', PromptPreview, {
      setId: 's',
      version: 1,
      examples: EXAMPLES,
    });
    const example = $(element, '.uan-preview__example');
    expect(example.options.map((o) => o.label)).toEqual([
      'c.UAN_Preview_ExampleNone',
      'Staffing: Healthcare, Needs Analysis',
      'Banks: Banking, 500000',
    ]);
    choose(example, '1');
    await flushPromises();
    const amount = element.shadowRoot.querySelector('lightning-input[data-field="amount"]');
    expect(amount.value).toBe('500000');
    expect(element.shadowRoot.querySelector('lightning-combobox[data-field="industry"]').value).toBe(
      'Banking',
    );

    choose(example, '');
    await flushPromises();
    expect(amount.value).toBe('');
  });

  it('previews the published sets when no version is given, with no example picker', async () => {
    previewPrompts.mockResolvedValue(JSON.stringify({ items: [], nextCursor: null }));
    const element = await render('c-prompt-preview', PromptPreview, {});
    expect($(element, '.uan-preview__example')).toBeNull();
    expect($(element, 'h3').textContent).toBe('c.UAN_Preview_Heading');
    $(element, '.uan-preview__run').click();
    await flushPromises();
    expect(previewVersion).not.toHaveBeenCalled();
    expect(previewPrompts).toHaveBeenCalledWith({ context: { id: '006000000000000AAA' } });
    expect($(element, '.uan-preview__none')).not.toBeNull();
  });
});
