import { createElement } from '@lwc/engine-dom';
import LogConversationModal from 'c/logConversationModal';
import scoreDraft from '@salesforce/apex/UpAtNightPanelController.scoreDraft';
import saveNote from '@salesforce/apex/UpAtNightPanelController.saveNote';
import updateNote from '@salesforce/apex/UpAtNightPanelController.updateNote';
import { flushMicrotasks } from 'uan-test/flushPromises';

const mockScore = require('./data/scoreDraft.json');
const mockSaved = require('./data/saveNote.json');
const mockPanel = require('uan-test/fixtures/getPanel.json');

const OPP_ID = '006000000000001AAA';
const SUMMARY = 'Raised price transparency as a growth lever; we told them to act.';

function createModal(prompts = mockPanel.prompts, note = undefined) {
  const element = createElement('c-log-conversation-modal', { is: LogConversationModal });
  element.opportunityId = OPP_ID;
  element.prompts = prompts;
  element.note = note;
  document.body.appendChild(element);
  return element;
}

function query(element, selector) {
  return element.shadowRoot.querySelector(selector);
}

function type(input, value) {
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
}

function field(element, name) {
  return query(element, `[data-field="${name}"]`);
}

describe('c-log-conversation-modal', () => {
  beforeEach(() => {
    jest.useFakeTimers();
  });

  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
    jest.useRealTimers();
  });

  it('offers each picked prompt with a reaction once ticked', async () => {
    const element = createModal();
    const boxes = element.shadowRoot.querySelectorAll('.uan-log__prompt lightning-input');
    expect(boxes).toHaveLength(2);
    expect(boxes[0].label).toBe(mockPanel.prompts[0].title);
    expect(query(element, '.uan-log__prompt-reaction')).toBeNull();

    boxes[0].checked = true;
    boxes[0].dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flushMicrotasks();

    const reaction = query(element, '.uan-log__prompt-reaction');
    expect(reaction).not.toBeNull();
    expect(reaction.options.map((o) => o.value)).toEqual([
      'new_to_them',
      'already_addressing',
      'redirected',
      'dismissed',
    ]);
  });

  it('debounces the coach: several keystrokes make one scoreDraft call after the pause', async () => {
    scoreDraft.mockResolvedValue(JSON.stringify(mockScore));
    const element = createModal();
    const summary = field(element, 'summary');

    type(summary, 'R');
    jest.advanceTimersByTime(100);
    type(summary, 'Raised');
    jest.advanceTimersByTime(100);
    type(summary, SUMMARY);
    jest.advanceTimersByTime(399);
    expect(scoreDraft).not.toHaveBeenCalled();

    jest.advanceTimersByTime(1);
    expect(scoreDraft).toHaveBeenCalledTimes(1);
    const args = scoreDraft.mock.calls[0][0];
    expect(args.opportunityId).toBe(OPP_ID);
    expect(args.note).toMatchObject({ summary: SUMMARY, prompts: [] });

    await flushMicrotasks();
    const coach = query(element, 'c-coach-scores');
    expect(coach.score.overall).toBe(62);
    const coachRoot = coach.shadowRoot;
    expect(coachRoot.querySelector('.uan-coach__overall').textContent).toBe('62');
    expect(coachRoot.querySelector('[aria-live="polite"]')).not.toBeNull();
    expect(coachRoot.querySelectorAll('c-score-bar')).toHaveLength(5);
    expect(coachRoot.querySelectorAll('.uan-coach__tips li')).toHaveLength(2);
    expect(coachRoot.querySelectorAll('.uan-evidence_raised')).toHaveLength(1);
    expect(coachRoot.querySelectorAll('.uan-evidence_lowered')).toHaveLength(2);
    // Evidence in the summary is marked inline; the next step's text was not part of this draft.
    const marks = coachRoot.querySelectorAll('mark');
    expect([...marks].map((m) => m.textContent)).toEqual([
      'Raised price transparency as a',
      'we told them to',
    ]);
  });

  it('does not ask the coach before there is a summary', () => {
    const element = createModal();
    type(field(element, 'customerView'), 'They want growth');
    jest.advanceTimersByTime(1000);
    expect(scoreDraft).not.toHaveBeenCalled();
  });

  it('keeps the coach quiet about a failure beyond a notice', async () => {
    scoreDraft.mockRejectedValue({ body: { message: 'Scoring is down' } });
    const element = createModal();
    type(field(element, 'summary'), SUMMARY);
    jest.advanceTimersByTime(400);
    await flushMicrotasks();
    const coach = query(element, 'c-coach-scores');
    expect(coach.shadowRoot.querySelector('.uan-coach__error')).not.toBeNull();
    expect(query(element, '.uan-log__save').disabled).toBe(false);
  });

  it('builds the note from prompts, reactions, own provocations and fields', async () => {
    saveNote.mockResolvedValue(JSON.stringify(mockSaved));
    const element = createModal();

    const box = query(element, '.uan-log__prompt lightning-input');
    box.dispatchEvent(new CustomEvent('change', { detail: { checked: true } }));
    await flushMicrotasks();
    const reaction = query(element, '.uan-log__prompt-reaction');
    reaction.dispatchEvent(new CustomEvent('change', { detail: { value: 'new_to_them' } }));

    query(element, '.uan-log__add-adhoc').click();
    query(element, '.uan-log__add-adhoc').click();
    await flushMicrotasks();
    expect(element.shadowRoot.querySelectorAll('.uan-log__adhoc')).toHaveLength(2);
    query(element, '.uan-log__adhoc-remove').click();
    await flushMicrotasks();
    const adhoc = element.shadowRoot.querySelectorAll('.uan-log__adhoc');
    expect(adhoc).toHaveLength(1);
    type(adhoc[0].querySelector('[data-part="text"]'), 'Their payer mix is shifting');
    adhoc[0]
      .querySelector('[data-part="reaction"]')
      .dispatchEvent(new CustomEvent('change', { detail: { value: 'redirected' } }));

    type(field(element, 'occurredAt'), '2026-11-20');
    type(field(element, 'summary'), SUMMARY);
    type(field(element, 'customerView'), 'The CFO wants elective volume up.');
    type(field(element, 'ideas'), '   ');
    type(field(element, 'nextStep'), 'Workshop with the CFO');
    type(field(element, 'nextStepDate'), '2026-12-08');

    query(element, '.uan-log__save').click();
    await flushMicrotasks();

    expect(saveNote).toHaveBeenCalledTimes(1);
    const args = saveNote.mock.calls[0][0];
    expect(args.opportunityId).toBe(OPP_ID);
    expect(typeof args.idempotencyKey).toBe('string');
    expect(args.idempotencyKey.length).toBeGreaterThan(10);
    expect(args.note).toEqual({
      occurredAt: '2026-11-20',
      prompts: [
        { promptId: 'p-1', reaction: 'new_to_them' },
        { text: 'Their payer mix is shifting', reaction: 'redirected' },
      ],
      summary: SUMMARY,
      customerView: 'The CFO wants elective volume up.',
      nextStep: 'Workshop with the CFO',
      nextStepDate: '2026-12-08',
    });
  });

  it('closes with the saved note', async () => {
    saveNote.mockResolvedValue(JSON.stringify(mockSaved));
    const element = createModal();
    type(field(element, 'summary'), SUMMARY);
    query(element, '.uan-log__save').click();
    await flushMicrotasks();
    expect(element.closed).toBe(true);
    expect(element.closeValue).toEqual(mockSaved);
  });

  it('does not save without a summary', async () => {
    const element = createModal();
    query(element, '.uan-log__save').click();
    await flushMicrotasks();
    expect(saveNote).not.toHaveBeenCalled();
    expect(element.closed).toBe(false);
  });

  it('keeps everything typed when the save fails, and retries with the same key', async () => {
    saveNote.mockRejectedValueOnce({ body: { message: 'Service timed out' } });
    saveNote.mockResolvedValueOnce(JSON.stringify(mockSaved));
    const element = createModal();
    type(field(element, 'summary'), SUMMARY);
    type(field(element, 'customerView'), 'Their view');

    query(element, '.uan-log__save').click();
    await flushMicrotasks();

    expect(element.closed).toBe(false);
    const errorPanel = query(element, 'c-error-panel');
    expect(errorPanel).not.toBeNull();
    expect(errorPanel.friendlyMessage).toBe('c.UAN_Log_SaveError');
    expect(field(element, 'summary').value).toBe(SUMMARY);
    expect(field(element, 'customerView').value).toBe('Their view');
    expect(query(element, '.uan-log__save').disabled).toBe(false);

    query(element, '.uan-log__save').click();
    await flushMicrotasks();

    expect(saveNote).toHaveBeenCalledTimes(2);
    expect(saveNote.mock.calls[1][0].idempotencyKey).toBe(saveNote.mock.calls[0][0].idempotencyKey);
    expect(saveNote.mock.calls[1][0].note).toEqual(saveNote.mock.calls[0][0].note);
    expect(element.closeValue).toEqual(mockSaved);
  });

  it('closes with nothing on cancel', () => {
    const element = createModal();
    query(element, '.uan-log__cancel').click();
    expect(element.closed).toBe(true);
    expect(element.closeValue).toBeUndefined();
  });

  it('says so when no prompts were picked', () => {
    const element = createModal([]);
    expect(element.shadowRoot.querySelectorAll('.uan-log__prompt')).toHaveLength(0);
    expect(element.shadowRoot.textContent).toContain('c.UAN_Log_NoPrompts');
  });

  describe('date fields', () => {
    function spyOnValidity(input) {
      input.setCustomValidity = jest.fn();
      input.reportValidity = jest.fn(() => true);
      return input;
    }

    it("start on today's date in the user's format", () => {
      const element = createModal();
      const today = new Date();
      expect(field(element, 'occurredAt').value).toBe(
        `${today.getMonth() + 1}/${today.getDate()}/${today.getFullYear()}`,
      );
      expect(field(element, 'occurredAt').placeholder).toBe('c.UAN_Date_Hint');
    });

    it("accept ISO and the user's format and save them as ISO", async () => {
      saveNote.mockResolvedValue(JSON.stringify(mockSaved));
      const element = createModal();
      type(field(element, 'summary'), SUMMARY);
      type(field(element, 'occurredAt'), '2026-11-20');
      type(field(element, 'nextStepDate'), '12/8/2026');
      query(element, '.uan-log__save').click();
      await flushMicrotasks();
      expect(saveNote.mock.calls[0][0].note).toMatchObject({
        occurredAt: '2026-11-20',
        nextStepDate: '2026-12-08',
      });
    });

    it('flag an unreadable date, block the save, and clear the error once the date is fixed', async () => {
      saveNote.mockResolvedValue(JSON.stringify(mockSaved));
      const element = createModal();
      type(field(element, 'summary'), SUMMARY);
      const nextStepDate = spyOnValidity(field(element, 'nextStepDate'));

      type(nextStepDate, 'next Tuesday');
      expect(nextStepDate.setCustomValidity).toHaveBeenLastCalledWith('c.UAN_Date_Invalid');
      nextStepDate.dispatchEvent(new CustomEvent('blur'));
      expect(nextStepDate.reportValidity).toHaveBeenCalledTimes(1);
      await flushMicrotasks();
      // the text stays as typed, to be corrected
      expect(nextStepDate.value).toBe('next Tuesday');

      query(element, '.uan-log__save').click();
      await flushMicrotasks();
      expect(saveNote).not.toHaveBeenCalled();

      type(nextStepDate, '12/8/2026');
      expect(nextStepDate.setCustomValidity).toHaveBeenLastCalledWith('');
      expect(nextStepDate.reportValidity).toHaveBeenCalledTimes(3);
      query(element, '.uan-log__save').click();
      await flushMicrotasks();
      expect(saveNote.mock.calls[0][0].note.nextStepDate).toBe('2026-12-08');
    });
  });

  describe('editing a stored note', () => {
    const stored = {
      ...mockPanel.recentNotes[0],
      prompts: [
        ...mockPanel.recentNotes[0].prompts,
        // a prompt the panel no longer picks for this deal
        { promptId: 'p-9', promptKey: 'hc-retired', title: 'An older prompt', text: null, reaction: null },
      ],
    };

    it('opens prefilled with the fields, prompts, reactions and own provocations of the note', async () => {
      const element = createModal(mockPanel.prompts, stored);
      await flushMicrotasks();
      // dates show in the user's format (en-US under jest)
      expect(field(element, 'occurredAt').value).toBe('11/20/2026');
      expect(field(element, 'summary').value).toBe(stored.summary);
      expect(field(element, 'customerView').value).toBe(stored.customerView);
      expect(field(element, 'ideas').value).toBe(stored.ideas);
      expect(field(element, 'nextStep').value).toBe(stored.nextStep);
      expect(field(element, 'nextStepDate').value).toBe('12/8/2026');

      const boxes = [...element.shadowRoot.querySelectorAll('.uan-log__prompt lightning-input')];
      expect(boxes.map((b) => [b.label, b.checked])).toEqual([
        [mockPanel.prompts[0].title, true],
        [mockPanel.prompts[1].title, false],
        ['An older prompt', true],
      ]);
      const reactions = element.shadowRoot.querySelectorAll('.uan-log__prompt-reaction');
      expect([...reactions].map((r) => r.value)).toEqual(['new_to_them', '']);
      const adhoc = element.shadowRoot.querySelectorAll('.uan-log__adhoc');
      expect(adhoc).toHaveLength(1);
      expect(adhoc[0].querySelector('[data-part="text"]').value).toBe(stored.prompts[1].text);
      expect(adhoc[0].querySelector('[data-part="reaction"]').value).toBe('redirected');
    });

    it('saves the changes to that note, clearing emptied fields, and closes with it', async () => {
      const updated = { ...stored, ideas: null, score: { overall: 70 } };
      updateNote.mockResolvedValue(JSON.stringify(updated));
      const element = createModal(mockPanel.prompts, stored);
      type(field(element, 'ideas'), '');
      type(field(element, 'summary'), SUMMARY);
      query(element, '.uan-log__save').click();
      await flushMicrotasks();

      expect(saveNote).not.toHaveBeenCalled();
      expect(updateNote).toHaveBeenCalledTimes(1);
      const args = updateNote.mock.calls[0][0];
      expect(args.opportunityId).toBe(OPP_ID);
      expect(args.noteId).toBe(stored.id);
      expect(args.patch).toEqual({
        occurredAt: '2026-11-20',
        prompts: [
          { promptId: 'p-1', reaction: 'new_to_them' },
          { promptId: 'p-9' },
          { text: stored.prompts[1].text, reaction: 'redirected' },
        ],
        summary: SUMMARY,
        customerView: stored.customerView,
        ideas: '',
        nextStep: stored.nextStep,
        nextStepDate: '2026-12-08',
      });
      expect(element.closeValue).toEqual(updated);
    });

    it('keeps the edits and shows the error when the change is refused', async () => {
      updateNote.mockRejectedValue({
        body: { message: 'only the author of a note can change or delete it' },
      });
      const element = createModal(mockPanel.prompts, stored);
      type(field(element, 'summary'), SUMMARY);
      query(element, '.uan-log__save').click();
      await flushMicrotasks();

      expect(element.closed).toBe(false);
      expect(query(element, 'c-error-panel').friendlyMessage).toBe('c.UAN_Log_SaveError');
      expect(field(element, 'summary').value).toBe(SUMMARY);
    });
  });
});
