import { createElement } from '@lwc/engine-dom';
import NoteHistory from 'c/noteHistory';
import deleteNote from '@salesforce/apex/UpAtNightPanelController.deleteNote';
import getNotes from '@salesforce/apex/UpAtNightPanelController.getNotes';
import { flushPromises } from 'uan-test/flushPromises';

const mockNotes = require('./data/notes.json');

// The current user wrote the first note of the fixture, not the second.
jest.mock('@salesforce/user/Id', () => ({ default: '005000000000001AAA' }), { virtual: true });
jest.mock('@salesforce/label/c.UAN_History_Edit', () => ({ default: 'Edit the note of {0}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_History_Delete', () => ({ default: 'Delete the note of {0}' }), {
  virtual: true,
});

const [OWN] = mockNotes;

function createHistory({ notes = mockNotes, editable = true } = {}) {
  const element = createElement('c-note-history', { is: NoteHistory });
  element.notes = notes;
  element.editable = editable;
  document.body.appendChild(element);
  return element;
}

function noteItems(element) {
  return element.shadowRoot.querySelectorAll('.uan-note');
}

/** Deletes the first note through its confirmation; returns that note's item. */
async function confirmDelete(element) {
  const own = noteItems(element)[0];
  own.querySelector('.uan-note__delete').click();
  await flushPromises();
  own.querySelector('.uan-note__confirm-delete').click();
  await flushPromises();
  return own;
}

describe('c-note-history', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.restoreAllMocks();
    jest.clearAllMocks();
  });

  it("shows what was logged: the customer's view, the ideas and the next step with its date", () => {
    const element = createHistory();
    const [own, other] = noteItems(element);
    expect(own.querySelector('.uan-note__summary').textContent).toBe(OWN.summary);
    expect(own.querySelector('.uan-note__customer-view').textContent).toBe(OWN.customerView);
    expect(own.querySelector('.uan-note__ideas').textContent).toBe(OWN.ideas);
    const nextStep = own.querySelector('.uan-note__next-step').textContent;
    expect(nextStep).toContain(OWN.nextStep);
    expect(nextStep).toContain('Dec 8, 2026');
    expect(own.querySelectorAll('.uan-note__reactions li')).toHaveLength(1);
    // Fields left empty leave no empty headings behind.
    expect(other.querySelector('.uan-note__customer-view')).toBeNull();
    expect(other.querySelector('.uan-note__ideas')).toBeNull();
    expect(other.querySelector('.uan-note__next-step')).toBeNull();
  });

  it('keeps the scores collapsed behind a button that controls their region', async () => {
    const element = createHistory();
    const own = noteItems(element)[0];
    const toggle = own.querySelector('button.uan-note__toggle');
    const details = own.querySelector('.uan-note__details');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(toggle.getAttribute('aria-controls')).toBe(details.id);
    expect(details.hidden).toBe(true);

    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(details.hidden).toBe(false);

    toggle.click();
    await flushPromises();
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(details.hidden).toBe(true);
  });

  it('shows each dimension score with the evidence behind it', async () => {
    const element = createHistory();
    const own = noteItems(element)[0];
    own.querySelector('button.uan-note__toggle').click();
    await flushPromises();

    const dimensions = own.querySelectorAll('.uan-note__dimension');
    expect(dimensions).toHaveLength(5);
    const bars = own.querySelectorAll('c-score-bar');
    expect([...bars].map((b) => b.value)).toEqual([90, 80, 75, 70, 55]);

    const provocation = dimensions[0].querySelectorAll('.uan-note__evidence-item');
    expect(provocation).toHaveLength(1);
    expect(provocation[0].querySelector('q').textContent).toBe('Discussed price transparency');
    expect(provocation[0].textContent).toContain('c.UAN_Coach_Raised');
    expect(provocation[0].textContent).toContain('c.UAN_Log_Summary');
    const nextStep = dimensions[4].querySelector('.uan-note__evidence-item');
    expect(nextStep.classList).toContain('uan-note__evidence-item_lowered');
    expect(nextStep.textContent).toContain('c.UAN_Coach_Lowered');
    // Collaboration had no evidence: it says so instead of an empty list.
    expect(dimensions[2].querySelector('.uan-note__no-evidence')).not.toBeNull();
  });

  describe('a note sent without its evidence (as the panel sends them)', () => {
    const { evidence, ...scoreOnly } = OWN.score;
    const compact = { ...OWN, score: scoreOnly };
    const other = { ...OWN, id: 'another-note' };

    async function expand(element) {
      element.shadowRoot.querySelector('button.uan-note__toggle').click();
      await flushPromises();
      return noteItems(element)[0];
    }

    it("loads it from the opportunity's notes, page by page, when opened", async () => {
      let answer;
      getNotes
        .mockResolvedValueOnce(JSON.stringify({ items: [other], nextCursor: 'c-2' }))
        .mockReturnValueOnce(new Promise((resolve) => (answer = resolve)));
      const element = createHistory({ notes: [compact] });
      expect(getNotes).not.toHaveBeenCalled();
      const own = await expand(element);

      expect(own.querySelector('.uan-note__evidence-loading')).not.toBeNull();
      expect(own.querySelector('.uan-note__details').getAttribute('aria-busy')).toBe('true');
      expect(own.querySelector('.uan-note__no-evidence')).toBeNull();

      answer(JSON.stringify({ items: [OWN], nextCursor: null }));
      await flushPromises();
      expect(getNotes.mock.calls).toEqual([
        [{ opportunityId: OWN.opportunityId, cursor: null }],
        [{ opportunityId: OWN.opportunityId, cursor: 'c-2' }],
      ]);
      expect(own.querySelector('.uan-note__evidence-loading')).toBeNull();
      expect(own.querySelector('.uan-note__details').getAttribute('aria-busy')).toBe('false');
      expect([...own.querySelectorAll('.uan-note__evidence-item q')].map((q) => q.textContent)).toEqual(
        evidence.map((e) => e.text),
      );

      // loaded once: closing and opening again asks nothing more
      own.querySelector('button.uan-note__toggle').click();
      own.querySelector('button.uan-note__toggle').click();
      await flushPromises();
      expect(getNotes).toHaveBeenCalledTimes(2);
    });

    it('says the evidence is unavailable rather than show that of an older version', async () => {
      getNotes.mockResolvedValue(JSON.stringify({ items: [{ ...OWN, version: 1 }], nextCursor: null }));
      const element = createHistory({ notes: [{ ...compact, version: 2 }] });
      const own = await expand(element);
      expect(own.querySelector('.uan-note__evidence-unavailable')).not.toBeNull();
      expect(own.querySelectorAll('.uan-note__evidence-item')).toHaveLength(0);
      expect(own.querySelector('.uan-note__no-evidence')).toBeNull();
    });

    it('shows why the evidence could not be loaded through the error panel', async () => {
      getNotes.mockRejectedValue({ body: { message: 'Service unavailable' } });
      const element = createHistory({ notes: [compact] });
      const own = await expand(element);
      expect(element.shadowRoot.querySelector('c-error-panel').friendlyMessage).toBe(
        'c.UAN_History_EvidenceError',
      );
      expect(own.querySelector('.uan-note__evidence-unavailable')).not.toBeNull();
      // the scores themselves are there all the same
      expect(own.querySelectorAll('c-score-bar')).toHaveLength(5);
    });
  });

  it('offers no score details for a note that was not scored', () => {
    const element = createHistory();
    const other = noteItems(element)[1];
    expect(other.querySelector('.uan-note__toggle')).toBeNull();
    expect(other.querySelector('.uan-note__details')).toBeNull();
  });

  it("offers edit and delete on the current user's own notes only", () => {
    const element = createHistory();
    const [own, other] = noteItems(element);
    expect(own.querySelector('.uan-note__edit').alternativeText).toBe('Edit the note of Nov 20, 2026');
    expect(own.querySelector('.uan-note__delete').alternativeText).toBe('Delete the note of Nov 20, 2026');
    expect(other.querySelector('.uan-note__edit')).toBeNull();
    expect(other.querySelector('.uan-note__delete')).toBeNull();
  });

  it('offers no edit or delete where the history is read-only', () => {
    const element = createHistory({ editable: false });
    expect(element.shadowRoot.querySelector('.uan-note__edit')).toBeNull();
    expect(element.shadowRoot.querySelector('.uan-note__delete')).toBeNull();
  });

  it('asks its owner to edit a note', () => {
    const element = createHistory();
    const handler = jest.fn();
    element.addEventListener('noteedit', handler);
    element.shadowRoot.querySelector('.uan-note__edit').click();
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][0].detail.note).toEqual(OWN);
  });

  it('asks before deleting, and cancelling deletes nothing and returns focus', async () => {
    const focus = jest.spyOn(HTMLElement.prototype, 'focus');
    const element = createHistory();
    const own = noteItems(element)[0];
    own.querySelector('.uan-note__delete').click();
    await flushPromises();

    const confirm = own.querySelector('.uan-note__confirm');
    expect(confirm.getAttribute('role')).toBe('group');
    const question = own.querySelector(`#${confirm.getAttribute('aria-labelledby')}`);
    expect(question.textContent).toBe('c.UAN_History_ConfirmDelete');
    const cancel = own.querySelector('.uan-note__confirm-cancel');
    // the safe choice has focus
    expect(focus.mock.contexts.at(-1)).toBe(cancel);

    cancel.click();
    await flushPromises();
    expect(own.querySelector('.uan-note__confirm')).toBeNull();
    expect(deleteNote).not.toHaveBeenCalled();
    expect(focus.mock.contexts.at(-1)).toBe(own.querySelector('.uan-note__delete'));
  });

  it('deletes the note once confirmed and tells its owner', async () => {
    deleteNote.mockResolvedValue(null);
    const element = createHistory();
    const handler = jest.fn();
    element.addEventListener('notedelete', handler);
    const own = await confirmDelete(element);

    expect(deleteNote.mock.calls).toEqual([[{ opportunityId: OWN.opportunityId, noteId: OWN.id }]]);
    expect(handler).toHaveBeenCalledTimes(1);
    expect(handler.mock.calls[0][0].detail).toEqual({ noteId: OWN.id });
    expect(own.querySelector('.uan-note__confirm')).toBeNull();
  });

  it('shows why a deletion failed through the error panel and keeps the note', async () => {
    deleteNote.mockRejectedValue({ body: { message: 'only the author of a note can change or delete it' } });
    const element = createHistory();
    const handler = jest.fn();
    element.addEventListener('notedelete', handler);
    const own = await confirmDelete(element);

    const errorPanel = element.shadowRoot.querySelector('c-error-panel');
    expect(errorPanel.friendlyMessage).toBe('c.UAN_History_DeleteError');
    expect(errorPanel.errors).toEqual({
      body: { message: 'only the author of a note can change or delete it' },
    });
    expect(handler).not.toHaveBeenCalled();
    expect(noteItems(element)).toHaveLength(2);
    // still asking, so the user can try again or cancel
    expect(own.querySelector('.uan-note__confirm')).not.toBeNull();
  });
});
