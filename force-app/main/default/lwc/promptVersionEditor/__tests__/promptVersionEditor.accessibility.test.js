import PromptVersionEditor from 'c/promptVersionEditor';
import { flushPromises } from 'uan-test/flushPromises';
import { render } from 'uan-test/render';

const mockVersion = require('uan-test/fixtures/getPromptSetVersion.json');

function createEditor(version) {
  return render('c-prompt-version-editor', PromptVersionEditor, {
    version,
    industryOptions: [{ label: 'Healthcare', value: 'Healthcare' }],
    stageOptions: [{ label: 'Needs Analysis', value: 'Needs Analysis' }],
  });
}

async function openFirstPrompt(element) {
  element.shadowRoot
    .querySelector('c-prompt-list')
    .shadowRoot.querySelector('.uan-prompt-list__open')
    .click();
  await flushPromises();
}

describe('c-prompt-version-editor accessibility', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('is accessible as a list and with one prompt open in the editor', async () => {
    const element = await createEditor(mockVersion);
    await expect(element).toBeAccessible();
    await openFirstPrompt(element);
    await expect(element).toBeAccessible();
  });

  it('is accessible read-only with a prompt open', async () => {
    const element = await createEditor({ ...mockVersion, status: 'retired' });
    await openFirstPrompt(element);
    await expect(element).toBeAccessible();
  });

  it('is accessible with no prompts', async () => {
    const element = await createEditor({ ...mockVersion, prompts: [] });
    await expect(element).toBeAccessible();
  });

  it('is accessible while asking about expiring prompts before publishing', async () => {
    const [first, ...rest] = mockVersion.prompts;
    const element = await createEditor({
      ...mockVersion,
      prompts: [{ ...first, expiresOn: '2020-01-31' }, ...rest],
    });
    element.shadowRoot.querySelector('.uan-version__publish').click();
    await flushPromises();
    expect(element.shadowRoot.querySelector('.uan-version__expiry')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
