import PromptPreview from 'c/promptPreview';
import previewVersion from '@salesforce/apex/UpAtNightPromptSetController.previewVersion';
import { flushPromises } from 'uan-test/flushPromises';
import { render, resetDom } from 'uan-test/render';

describe('c-prompt-preview accessibility', () => {
  afterEach(() => {
    resetDom();
    jest.clearAllMocks();
  });

  it('is accessible with examples and a draft preview shown', async () => {
    previewVersion.mockResolvedValue(
      JSON.stringify({
        items: [
          {
            id: 'p1',
            key: 'k',
            title: 'Nurse staffing',
            provocation: 'What if agencies double their rates?',
            followUp: 'What are you already doing?',
            rationale: 'Rates rose.',
            source: 'Notes',
          },
        ],
      }),
    );
    const element = await render('c-prompt-preview', PromptPreview, {
      setId: 'set-hc',
      version: 3,
      examples: [{ label: 'Healthcare, Needs Analysis', context: { industry: 'Healthcare' } }],
      heading: 'What would an opportunity get from this draft?',
      industryOptions: [{ label: 'Healthcare', value: 'Healthcare' }],
    });
    element.shadowRoot.querySelector('.uan-preview__run').click();
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
