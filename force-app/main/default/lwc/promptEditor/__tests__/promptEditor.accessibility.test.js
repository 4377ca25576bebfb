import { createElement } from '@lwc/engine-dom';
import PromptEditor from 'c/promptEditor';
import { flushPromises } from 'uan-test/flushPromises';

const mockPrompt = require('uan-test/fixtures/getPromptSetVersion.json').prompts[0];

describe('c-prompt-editor accessibility', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it.each([false, true])('is accessible (read-only: %s)', async (readOnly) => {
    const element = createElement('c-prompt-editor', { is: PromptEditor });
    element.prompt = mockPrompt;
    element.readOnly = readOnly;
    element.industryOptions = [{ label: 'Healthcare', value: 'Healthcare' }];
    element.stageOptions = [{ label: 'Needs Analysis', value: 'Needs Analysis' }];
    document.body.appendChild(element);
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
