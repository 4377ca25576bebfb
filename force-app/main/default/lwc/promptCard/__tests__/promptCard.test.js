import { createElement } from '@lwc/engine-dom';
import PromptCard from 'c/promptCard';
import { flushPromises } from 'uan-test/flushPromises';

jest.mock('@salesforce/label/c.UAN_Prompt_HeardDetail', () => ({ default: 'Raised by {0} on {1}: {2}' }), {
  virtual: true,
});
jest.mock(
  '@salesforce/label/c.UAN_Prompt_HeardDetailNoReaction',
  () => ({ default: 'Raised by {0} on {1}' }),
  {
    virtual: true,
  },
);
jest.mock('@salesforce/label/c.UAN_Reaction_Redirected', () => ({ default: 'Redirected us' }), {
  virtual: true,
});

const PROMPT = {
  id: 'p-1',
  title: 'Nurse staffing as a capacity constraint',
  provocation: "Could nurse staffing limit St. Agnes Health's growth?",
  followUp: 'Where do you feel staffing pressure first?',
  rationale: '',
  source: '',
  expiresOn: null,
  heard: null,
};

function createCard(prompt) {
  const element = createElement('c-prompt-card', { is: PromptCard });
  element.prompt = prompt;
  document.body.appendChild(element);
  return element;
}

/** The prompt as the account heard it before: from Sam, redirected. */
const HEARD = {
  ...PROMPT,
  heard: {
    authorId: '005000000000002AAA',
    authorName: 'Sam Seller',
    occurredAt: '2026-10-02',
    reaction: 'redirected',
  },
};

describe('c-prompt-card', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows no mark on a prompt the account has not heard', async () => {
    const element = createCard(PROMPT);
    await flushPromises();
    expect(element.shadowRoot.querySelector('.uan-prompt__heard')).toBeNull();
  });

  it('marks a prompt the account heard with who raised it, when, and how it landed', async () => {
    const element = createCard(HEARD);
    await flushPromises();
    const detail = element.shadowRoot.querySelector('.uan-prompt__heard-detail').textContent;
    expect(detail).toMatch(/^Raised by Sam Seller on .*2026.*: Redirected us$/);
    expect(element.shadowRoot.querySelector('.uan-prompt__heard .slds-badge').textContent).toBe(
      'c.UAN_Prompt_Heard',
    );
  });

  it('names the author by id when the name is unknown, and leaves out a reaction not recorded', async () => {
    const element = createCard({
      ...PROMPT,
      heard: { authorId: '005000000000002AAA', authorName: null, occurredAt: '2026-10-02', reaction: null },
    });
    await flushPromises();
    expect(element.shadowRoot.querySelector('.uan-prompt__heard-detail').textContent).toMatch(
      /^Raised by 005000000000002AAA on .*2026$/,
    );
  });

  it('is accessible when marked', async () => {
    const element = createCard(HEARD);
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
