import { createElement } from '@lwc/engine-dom';
import ScoreSummary from 'c/scoreSummary';
import { flushPromises } from 'uan-test/flushPromises';

jest.mock('@salesforce/label/c.UAN_Summary_ReactionCount', () => ({ default: '{0} x{1}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Reaction_NewToThem', () => ({ default: 'New to them' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Reaction_Dismissed', () => ({ default: 'Dismissed' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_Reaction_Redirected', () => ({ default: 'Redirected us' }), {
  virtual: true,
});

const SUMMARY = {
  noteCount: 2,
  lastConversationAt: '2026-11-20',
  averageOverall: 70,
  latest: { overall: 78, dimensions: { provocation: 90 } },
  lastReaction: 'new_to_them',
  lastReactions: [
    { reaction: 'new_to_them', count: 1 },
    { reaction: 'redirected', count: 1 },
    { reaction: 'dismissed', count: 3 },
  ],
};

function createSummary(summary) {
  const element = createElement('c-score-summary', { is: ScoreSummary });
  element.summary = summary;
  document.body.appendChild(element);
  return element;
}

const reactionText = (element) =>
  element.shadowRoot.querySelector('.uan-summary__last-reaction')?.textContent ?? null;

describe('c-score-summary', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('speaks for every prompt of the latest conversation, in the order the service ranks them', async () => {
    const element = createSummary(SUMMARY);
    await flushPromises();
    expect(reactionText(element)).toBe('New to them, Redirected us, Dismissed x3');
  });

  it('falls back to the single last reaction of an older payload, and shows none without reactions', async () => {
    const older = createSummary({ ...SUMMARY, lastReactions: undefined, lastReaction: 'dismissed' });
    const none = createSummary({ ...SUMMARY, lastReactions: [], lastReaction: null });
    await flushPromises();
    expect(reactionText(older)).toBe('Dismissed');
    expect(reactionText(none)).toBeNull();
  });

  it('is accessible', async () => {
    const element = createSummary(SUMMARY);
    await flushPromises();
    await expect(element).toBeAccessible();
  });
});
