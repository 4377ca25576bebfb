import PromptList from 'c/promptList';
import { flushPromises } from 'uan-test/flushPromises';
import { render } from 'uan-test/render';

const mockVersion = require('uan-test/fixtures/getPromptSetVersion.json');

function prompts(count) {
  return Array.from({ length: count }, (_, i) => ({
    ...mockVersion.prompts[i % mockVersion.prompts.length],
    uid: `u${i}`,
  }));
}

function createList(props) {
  return render('c-prompt-list', PromptList, props);
}

describe('c-prompt-list accessibility', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('is accessible as a paged, editable list', async () => {
    const element = await createList({ prompts: prompts(40) });
    await expect(element).toBeAccessible();
  });

  it('is accessible read-only and with a search that matches nothing', async () => {
    const element = await createList({ prompts: prompts(3), readOnly: true });
    await expect(element).toBeAccessible();
    const input = element.shadowRoot.querySelector('.uan-prompt-list__search');
    input.dispatchEvent(new CustomEvent('change', { detail: { value: 'nothing like this' } }));
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
