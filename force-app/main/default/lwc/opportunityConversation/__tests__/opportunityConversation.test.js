import { createElement } from '@lwc/engine-dom';
import OpportunityConversation from 'c/opportunityConversation';
import getPanel from '@salesforce/apex/UpAtNightPanelController.getPanel';
import LightningModal from 'lightning/modal';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import deleteNote from '@salesforce/apex/UpAtNightPanelController.deleteNote';
import getNotes from '@salesforce/apex/UpAtNightPanelController.getNotes';
import getInsideView from '@salesforce/apex/UpAtNightAccountController.getInsideView';
import { flushPromises } from 'uan-test/flushPromises';

const mockPanel = require('uan-test/fixtures/getPanel.json');
const mockPanelEmpty = require('./data/getPanelEmpty.json');

// Labels with placeholders get their real text, so the filled-in values can be asserted.
jest.mock('@salesforce/label/c.UAN_History_By', () => ({ default: 'by {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_History_Score', () => ({ default: 'Score {0}' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_Prompt_HeardDetail', () => ({ default: 'Raised by {0} on {1}: {2}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Summary_ReactionCount', () => ({ default: '{0} x{1}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_AccountHistory_Toggle', () => ({ default: 'Heard ({0})' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Reaction_NewToThem', () => ({ default: 'New to them' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Reaction_Redirected', () => ({ default: 'Redirected us' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Reaction_Dismissed', () => ({ default: 'Dismissed' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_Reaction_AlreadyAddressing', () => ({ default: 'Already addressing' }), {
  virtual: true,
});
// The rep on the page wrote the note of the fixture.
jest.mock('@salesforce/user/Id', () => ({ default: '005000000000001AAA' }), { virtual: true });

const RECORD_ID = '006000000000001AAA';

function createPanel() {
  const element = createElement('c-opportunity-conversation', { is: OpportunityConversation });
  element.recordId = RECORD_ID;
  document.body.appendChild(element);
  return element;
}

// Resolves once pending promises and the re-render they trigger have run.

describe('c-opportunity-conversation', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.resetAllMocks();
  });

  it('asks for the panel of its own opportunity, once', async () => {
    getPanel.mockResolvedValue(JSON.stringify(mockPanel));
    createPanel();
    await flushPromises();
    expect(getPanel.mock.calls).toEqual([[{ opportunityId: RECORD_ID }]]);
  });

  it('gives the brief its opportunity and the inside view the account the panel names', async () => {
    const withAccount = {
      ...mockPanel,
      opportunity: { ...mockPanel.opportunity, accountId: '001000000000001AAA' },
    };
    getPanel.mockResolvedValue(JSON.stringify(withAccount));
    const element = createPanel();
    await flushPromises();
    expect(element.shadowRoot.querySelector('c-pre-call-brief').opportunityId).toBe(RECORD_ID);
    expect(element.shadowRoot.querySelector('c-account-inside-view').accountId).toBe('001000000000001AAA');
  });

  it('shows only the panel of the current record when an earlier load answers late', async () => {
    let answerFirst;
    getPanel
      .mockReturnValueOnce(new Promise((resolve) => (answerFirst = resolve)))
      .mockResolvedValueOnce(JSON.stringify(mockPanelEmpty));
    const element = createPanel();
    element.recordId = '006000000000002AAA';
    await flushPromises();
    answerFirst(JSON.stringify(mockPanel));
    await flushPromises();

    expect(getPanel.mock.calls[1]).toEqual([{ opportunityId: '006000000000002AAA' }]);
    expect(element.shadowRoot.querySelectorAll('c-prompt-card')).toHaveLength(0);
  });

  it('shows a spinner until the panel arrives', () => {
    getPanel.mockReturnValue(new Promise(() => {}));
    const element = createPanel();
    expect(element.shadowRoot.querySelector('c-uan-busy')).not.toBeNull();
    expect(element.shadowRoot.querySelector('lightning-button').disabled).toBe(true);
  });

  it('renders the summary, prompts and history from the panel payload', async () => {
    getPanel.mockResolvedValue(JSON.stringify(mockPanel));
    const element = createPanel();
    await flushPromises();

    expect(element.shadowRoot.querySelector('c-uan-busy')).toBeNull();

    const summary = element.shadowRoot.querySelector('c-score-summary');
    expect(summary.shadowRoot.querySelector('.uan-summary__overall').textContent).toBe('78');
    const bars = summary.shadowRoot.querySelectorAll('c-score-bar');
    expect(bars).toHaveLength(5);
    expect(bars[0].value).toBe(90);

    const cards = element.shadowRoot.querySelectorAll('c-prompt-card');
    expect(cards).toHaveLength(2);
    const first = cards[0].shadowRoot;
    expect(first.querySelector('.uan-prompt__title').textContent).toBe(mockPanel.prompts[0].title);
    expect(first.querySelector('.uan-prompt__provocation').textContent).toBe(
      mockPanel.prompts[0].provocation,
    );
    expect(first.querySelector('.uan-prompt__follow-up q').textContent).toBe(mockPanel.prompts[0].followUp);
    // The second prompt has no rationale or source: nothing to expand.
    expect(cards[1].shadowRoot.querySelector('.uan-prompt__toggle')).toBeNull();

    const history = element.shadowRoot.querySelector('c-note-history').shadowRoot;
    const notes = history.querySelectorAll('.uan-note');
    expect(notes).toHaveLength(1);
    expect(history.querySelector('.uan-note__summary').textContent).toBe(mockPanel.recentNotes[0].summary);
    expect(history.querySelector('.uan-note__author').textContent).toBe('by Dana Rep');
    expect(history.querySelector('.uan-note__score').textContent).toBe('Score 78');
    const reactions = history.querySelectorAll('.uan-note__reactions li');
    expect(reactions).toHaveLength(2);
    expect(reactions[0].textContent).toContain('New to them');
    expect(reactions[1].textContent).toContain('Their payer mix');
  });

  it('expands and collapses why a prompt matters', async () => {
    getPanel.mockResolvedValue(JSON.stringify(mockPanel));
    const element = createPanel();
    await flushPromises();

    const card = element.shadowRoot.querySelector('c-prompt-card').shadowRoot;
    const toggle = card.querySelector('.uan-prompt__toggle');
    const why = card.querySelector('.uan-prompt__why');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(why.hidden).toBe(true);

    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(why.hidden).toBe(false);
    expect(card.querySelector('.uan-prompt__rationale').textContent).toBe(mockPanel.prompts[0].rationale);
    expect(card.querySelector('.uan-prompt__source').textContent).toContain(mockPanel.prompts[0].source);

    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
  });

  it('shows empty states when nothing is picked or logged', async () => {
    getPanel.mockResolvedValue(JSON.stringify(mockPanelEmpty));
    const element = createPanel();
    await flushPromises();

    expect(element.shadowRoot.querySelector('.uan-no-prompts')).not.toBeNull();
    expect(element.shadowRoot.querySelectorAll('c-prompt-card')).toHaveLength(0);
    const summary = element.shadowRoot.querySelector('c-score-summary').shadowRoot;
    expect(summary.querySelector('.uan-summary__none')).not.toBeNull();
    const history = element.shadowRoot.querySelector('c-note-history').shadowRoot;
    expect(history.querySelector('.uan-notes__empty')).not.toBeNull();
  });

  it('shows the error panel when the panel cannot be loaded', async () => {
    getPanel.mockRejectedValue({ body: { message: 'Service unavailable' } });
    const element = createPanel();
    await flushPromises();

    const errorPanel = element.shadowRoot.querySelector('c-error-panel');
    expect(errorPanel).not.toBeNull();
    expect(errorPanel.friendlyMessage).toBe('c.UAN_Panel_LoadError');
    expect(element.shadowRoot.querySelector('c-uan-busy')).toBeNull();
  });

  it('opens the log modal with the panel prompts, then toasts and refreshes after a save', async () => {
    LightningModal.open.mockResolvedValue({ id: 'n-2', score: { overall: 81 } });
    getPanel.mockResolvedValue(JSON.stringify(mockPanel));
    const element = createPanel();
    const toastHandler = jest.fn();
    element.addEventListener(ShowToastEventName, toastHandler);
    await flushPromises();

    element.shadowRoot.querySelector('lightning-button.uan-log-button').click();
    await flushPromises();

    expect(LightningModal.open).toHaveBeenCalledTimes(1);
    const options = LightningModal.open.mock.calls[0][0];
    expect(options.opportunityId).toBe(RECORD_ID);
    expect(options.prompts.map((p) => p.id)).toEqual(['p-1', 'p-2']);
    expect(toastHandler).toHaveBeenCalledTimes(1);
    expect(toastHandler.mock.calls[0][0].detail.variant).toBe('success');
    expect(getPanel).toHaveBeenCalledTimes(2);
  });

  it("reads the account's inside view again after a save, since the note may add to it", async () => {
    LightningModal.open.mockResolvedValue({ id: 'n-2', score: { overall: 81 } });
    getInsideView.mockResolvedValue({ items: [] });
    getPanel.mockResolvedValue(
      JSON.stringify({
        ...mockPanel,
        opportunity: { ...mockPanel.opportunity, accountId: '001000000000001AAA' },
      }),
    );
    const element = createPanel();
    await flushPromises();
    expect(getInsideView).toHaveBeenCalledTimes(1);

    element.shadowRoot.querySelector('lightning-button.uan-log-button').click();
    await flushPromises();
    expect(getInsideView.mock.calls).toEqual([
      [{ accountId: '001000000000001AAA' }],
      [{ accountId: '001000000000001AAA' }],
    ]);
  });

  it('does not refresh when the modal is closed without saving', async () => {
    LightningModal.open.mockResolvedValue(undefined);
    getPanel.mockResolvedValue(JSON.stringify(mockPanel));
    const element = createPanel();
    await flushPromises();

    element.shadowRoot.querySelector('lightning-button.uan-log-button').click();
    await flushPromises();

    expect(LightningModal.open).toHaveBeenCalledTimes(1);
    expect(getPanel).toHaveBeenCalledTimes(1);
  });

  it("edits the rep's own note from the history in the log modal, prefilled", async () => {
    LightningModal.open.mockResolvedValue({ ...mockPanel.recentNotes[0], score: { overall: 84 } });
    getPanel.mockResolvedValue(JSON.stringify(mockPanel));
    const element = createPanel();
    const toastHandler = jest.fn();
    element.addEventListener(ShowToastEventName, toastHandler);
    await flushPromises();

    const history = element.shadowRoot.querySelector('c-note-history');
    expect(history.editable).toBe(true);
    history.shadowRoot.querySelector('.uan-note__edit').click();
    await flushPromises();

    const options = LightningModal.open.mock.calls[0][0];
    expect(options.label).toBe('c.UAN_Log_EditTitle');
    expect(options.note).toEqual(mockPanel.recentNotes[0]);
    expect(options.opportunityId).toBe(RECORD_ID);
    expect(options.prompts.map((p) => p.id)).toEqual(['p-1', 'p-2']);
    expect(toastHandler.mock.calls[0][0].detail.title).toBe('c.UAN_Toast_Updated');
    expect(getPanel).toHaveBeenCalledTimes(2);
  });

  it('reloads the panel and says so after a note is deleted from the history', async () => {
    deleteNote.mockResolvedValue(null);
    getPanel.mockResolvedValue(JSON.stringify(mockPanel));
    const element = createPanel();
    const toastHandler = jest.fn();
    element.addEventListener(ShowToastEventName, toastHandler);
    await flushPromises();

    const history = element.shadowRoot.querySelector('c-note-history').shadowRoot;
    history.querySelector('.uan-note__delete').click();
    await flushPromises();
    history.querySelector('.uan-note__confirm-delete').click();
    await flushPromises();

    expect(deleteNote).toHaveBeenCalledWith({ opportunityId: RECORD_ID, noteId: 'n-1' });
    expect(toastHandler.mock.calls[0][0].detail.title).toBe('c.UAN_Toast_Deleted');
    expect(getPanel).toHaveBeenCalledTimes(2);
  });

  it("shows a logged note's scores with the evidence the panel leaves out, once opened", async () => {
    const stored = {
      ...mockPanel.recentNotes[0],
      score: {
        ...mockPanel.recentNotes[0].score,
        evidence: [
          {
            dimension: 'customerView',
            field: 'customerView',
            start: 4,
            end: 7,
            text: 'CFO',
            effect: 'raised',
          },
        ],
      },
    };
    getNotes.mockResolvedValue(JSON.stringify({ items: [stored], nextCursor: null }));
    getPanel.mockResolvedValue(JSON.stringify(mockPanel));
    const element = createPanel();
    await flushPromises();

    const history = element.shadowRoot.querySelector('c-note-history').shadowRoot;
    expect(history.querySelector('.uan-note__customer-view').textContent).toBe(
      mockPanel.recentNotes[0].customerView,
    );
    expect(history.querySelector('.uan-note__ideas').textContent).toBe(mockPanel.recentNotes[0].ideas);
    history.querySelector('.uan-note__toggle').click();
    await flushPromises();

    expect(getNotes).toHaveBeenCalledWith({ opportunityId: RECORD_ID, cursor: null });
    expect(history.querySelectorAll('c-score-bar')).toHaveLength(5);
    expect(history.querySelector('.uan-note__evidence-item q').textContent).toBe('CFO');
  });

  it('marks a prompt the account already heard with who, when and the reaction; a fresh one is unmarked', async () => {
    getPanel.mockResolvedValue(JSON.stringify(mockPanel));
    const element = createPanel();
    await flushPromises();
    const [fresh, heard] = element.shadowRoot.querySelectorAll('c-prompt-card');
    expect(fresh.shadowRoot.querySelector('.uan-prompt__heard')).toBeNull();
    const detail = heard.shadowRoot.querySelector('.uan-prompt__heard-detail').textContent;
    expect(detail).toMatch(/^Raised by Sam Seller on .+: Already addressing$/);
    expect(detail).toContain('2026');
  });

  it('says why a closed deal has no new prompts, and still shows its history', async () => {
    getPanel.mockResolvedValue(JSON.stringify({ ...mockPanel, prompts: [], promptsWithheld: 'closed' }));
    const element = createPanel();
    await flushPromises();
    expect(element.shadowRoot.querySelectorAll('c-prompt-card')).toHaveLength(0);
    expect(element.shadowRoot.querySelector('.uan-prompts-closed').textContent).toBe(
      'c.UAN_Panel_ClosedDeal',
    );
    expect(element.shadowRoot.querySelector('.uan-no-prompts')).toBeNull();
    const history = element.shadowRoot.querySelector('c-note-history').shadowRoot;
    expect(history.querySelectorAll('.uan-note')).toHaveLength(1);
  });

  it('sums up every reaction of the latest conversation, most telling first', async () => {
    const summary = {
      ...mockPanel.summary,
      lastReaction: 'new_to_them',
      lastReactions: [
        { reaction: 'new_to_them', count: 1 },
        { reaction: 'dismissed', count: 2 },
      ],
    };
    getPanel.mockResolvedValue(JSON.stringify({ ...mockPanel, summary }));
    const element = createPanel();
    await flushPromises();
    const text = element.shadowRoot
      .querySelector('c-score-summary')
      .shadowRoot.querySelector('.uan-summary__last-reaction').textContent;
    expect(text).toBe('New to them, Dismissed x2');
  });

  it("opens the account's provocation history in one click", async () => {
    getPanel.mockResolvedValue(JSON.stringify(mockPanel));
    const element = createPanel();
    await flushPromises();
    const history = element.shadowRoot.querySelector('c-account-provocation-history').shadowRoot;
    const toggle = history.querySelector('.uan-account-history__toggle');
    expect(toggle.textContent.trim()).toBe('Heard (2)');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(history.querySelector('.uan-account-history__body').hidden).toBe(true);
    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(history.querySelector('.uan-account-history__body').hidden).toBe(false);
    const items = history.querySelectorAll('.uan-account-history__item');
    expect(items).toHaveLength(2);
    expect(items[0].querySelector('.uan-account-history__what').textContent).toBe(
      'Nurse staffing as a capacity constraint',
    );
    expect(items[0].querySelector('.uan-account-history__author').textContent).toBe('by Sam Seller');
    expect(items[0].querySelector('.uan-account-history__deal').textContent).toBe('St. Agnes — Imaging');
    expect(items[0].querySelector('.uan-account-history__reaction').textContent).toBe('Already addressing');
    expect(items[1].querySelector('.uan-account-history__what').textContent).toBe(
      'Radiology backlog after the merger',
    );
    expect(items[1].querySelector('.uan-account-history__reaction')).toBeNull();
  });

  it('says when the account has heard nothing yet', async () => {
    getPanel.mockResolvedValue(JSON.stringify(mockPanelEmpty));
    const element = createPanel();
    await flushPromises();
    const history = element.shadowRoot.querySelector('c-account-provocation-history').shadowRoot;
    expect(history.querySelector('.uan-account-history__toggle').textContent.trim()).toBe('Heard (0)');
    expect(history.querySelector('.uan-account-history__none')).not.toBeNull();
  });
});
