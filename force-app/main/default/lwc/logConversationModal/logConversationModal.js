import { api } from 'lwc';
import LightningModal from 'lightning/modal';
import scoreDraft from '@salesforce/apex/UpAtNightPanelController.scoreDraft';
import saveNote from '@salesforce/apex/UpAtNightPanelController.saveNote';
import updateNote from '@salesforce/apex/UpAtNightPanelController.updateNote';
import {
  dateInputHint,
  formatDateInput,
  formatLabel,
  newIdempotencyKey,
  parseJson,
  reactionOptions,
  readDateInput,
  todayIso,
} from 'c/uanFormat';
import LABEL_TITLE from '@salesforce/label/c.UAN_Log_Title';
import LABEL_DATE from '@salesforce/label/c.UAN_Log_Date';
import LABEL_SUMMARY from '@salesforce/label/c.UAN_Log_Summary';
import LABEL_SUMMARY_PLACEHOLDER from '@salesforce/label/c.UAN_Log_SummaryPlaceholder';
import LABEL_PROMPTS_RAISED from '@salesforce/label/c.UAN_Log_PromptsRaised';
import LABEL_NO_PROMPTS from '@salesforce/label/c.UAN_Log_NoPrompts';
import LABEL_REACTION_FOR from '@salesforce/label/c.UAN_Log_ReactionFor';
import LABEL_REACTION_PLACEHOLDER from '@salesforce/label/c.UAN_Log_ReactionPlaceholder';
import LABEL_AD_HOC from '@salesforce/label/c.UAN_Log_AdHoc';
import LABEL_AD_HOC_TEXT from '@salesforce/label/c.UAN_Log_AdHocText';
import LABEL_AD_HOC_REACTION from '@salesforce/label/c.UAN_Log_AdHocReaction';
import LABEL_ADD_AD_HOC from '@salesforce/label/c.UAN_Log_AddAdHoc';
import LABEL_REMOVE_AD_HOC from '@salesforce/label/c.UAN_Log_RemoveAdHoc';
import LABEL_CUSTOMER_VIEW from '@salesforce/label/c.UAN_Log_CustomerView';
import LABEL_IDEAS from '@salesforce/label/c.UAN_Log_Ideas';
import LABEL_NEXT_STEP from '@salesforce/label/c.UAN_Log_NextStep';
import LABEL_NEXT_STEP_DATE from '@salesforce/label/c.UAN_Log_NextStepDate';
import LABEL_CANCEL from '@salesforce/label/c.UAN_Log_Cancel';
import LABEL_SAVE from '@salesforce/label/c.UAN_Log_Save';
import LABEL_SAVING from '@salesforce/label/c.UAN_Log_Saving';
import LABEL_SAVE_ERROR from '@salesforce/label/c.UAN_Log_SaveError';

/** How long the rep must pause typing before the coach scores the draft. */
const COACH_DELAY_MS = 400;

const OPTIONAL_FIELDS = ['customerView', 'ideas', 'nextStep', 'nextStepDate'];
// typed in the user's format, kept as ISO
const DATE_FIELDS = ['occurredAt', 'nextStepDate'];

/**
 * Logs a conversation in under a minute: prompts raised and their reactions, the rep's own
 * provocations, the customer's view, ideas developed together, next step and summary — with a
 * live coach scoring the draft as the rep types. Closes with the saved note. Given a stored `note`,
 * it opens prefilled and saves the changes to that note instead.
 */
export default class LogConversationModal extends LightningModal {
  @api opportunityId;
  /** The prompts the panel picked for this opportunity. */
  @api prompts;

  /** The stored note being edited; absent when a new conversation is logged. */
  @api
  get note() {
    return this.editedNote;
  }
  set note(value) {
    this.editedNote = value;
    if (value) {
      this.prefill(value);
    }
  }

  editedNote;

  fields = {
    occurredAt: todayIso(),
    summary: '',
    customerView: '',
    ideas: '',
    nextStep: '',
    nextStepDate: '',
  };
  /** The date fields as typed; `fields` holds what they read as (YYYY-MM-DD). */
  dateText = { occurredAt: formatDateInput(this.fields.occurredAt), nextStepDate: '' };
  /** field -> true for the date fields whose text is not a date yet. */
  unreadableDates = {};
  datePlaceholder = dateInputHint();
  /** promptId -> reaction ('' until chosen), for the prompts the rep ticked. */
  selected = {};
  adHoc = [];
  adHocSeq = 0;

  score = null;
  scoredDraft = null;
  coachPending = false;
  coachError;
  coachTimer;
  coachSeq = 0;

  saving = false;
  saveError;
  idempotencyKey;

  labels = {
    title: LABEL_TITLE,
    promptsRaised: LABEL_PROMPTS_RAISED,
    noPrompts: LABEL_NO_PROMPTS,
    reactionPlaceholder: LABEL_REACTION_PLACEHOLDER,
    adHoc: LABEL_AD_HOC,
    adHocText: LABEL_AD_HOC_TEXT,
    adHocReaction: LABEL_AD_HOC_REACTION,
    addAdHoc: LABEL_ADD_AD_HOC,
    removeAdHoc: LABEL_REMOVE_AD_HOC,
    cancel: LABEL_CANCEL,
    saveError: LABEL_SAVE_ERROR,
  };

  reactionOptions = reactionOptions();

  connectedCallback() {
    // One key per modal: a retried save of this conversation can never create a second note.
    if (!this.idempotencyKey) {
      this.idempotencyKey = newIdempotencyKey();
    }
  }

  disconnectedCallback() {
    clearTimeout(this.coachTimer);
  }

  get headerLabel() {
    return this.label || LABEL_TITLE;
  }

  /**
   * The panel's prompts, and those the edited note raised that the panel no longer picks: a note's
   * prompts must stay choosable, or saving it would silently drop them.
   */
  get choosablePrompts() {
    const panel = this.prompts ?? [];
    const known = new Set(panel.map((p) => p.id));
    const fromNote = (this.editedNote?.prompts ?? [])
      .filter((p) => p.promptId && !known.has(p.promptId))
      .map((p) => ({ id: p.promptId, title: p.title || p.promptKey || p.promptId }));
    return [...panel, ...fromNote];
  }

  get promptRows() {
    return this.choosablePrompts.map((prompt) => {
      const checked = Object.prototype.hasOwnProperty.call(this.selected, prompt.id);
      return {
        id: prompt.id,
        title: prompt.title,
        provocation: prompt.provocation,
        checked,
        reaction: checked ? this.selected[prompt.id] : '',
        reactionLabel: formatLabel(LABEL_REACTION_FOR, prompt.title),
      };
    });
  }

  get hasPrompts() {
    return this.choosablePrompts.length > 0;
  }

  get adHocRows() {
    return this.adHoc.map((row, index) => ({
      ...row,
      textLabel: `${LABEL_AD_HOC_TEXT} ${index + 1}`,
      reactionLabel: `${LABEL_AD_HOC_REACTION} ${index + 1}`,
      removeLabel: `${LABEL_REMOVE_AD_HOC} ${index + 1}`,
    }));
  }

  get saveLabel() {
    return this.saving ? LABEL_SAVING : LABEL_SAVE;
  }

  get formDisabled() {
    return this.saving;
  }

  /** Fills the form from a stored note: its fields, its prompts with their reactions, its own provocations. */
  prefill(note) {
    const fields = { ...this.fields, occurredAt: note.occurredAt || this.fields.occurredAt };
    for (const field of ['summary', ...OPTIONAL_FIELDS]) {
      fields[field] = note[field] ?? '';
    }
    this.fields = fields;
    this.dateText = {
      occurredAt: formatDateInput(fields.occurredAt),
      nextStepDate: formatDateInput(fields.nextStepDate),
    };
    const selected = {};
    const adHoc = [];
    for (const p of note.prompts ?? []) {
      if (p.promptId) {
        selected[p.promptId] = p.reaction ?? '';
      } else if (p.text) {
        this.adHocSeq += 1;
        adHoc.push({ key: `adhoc-${this.adHocSeq}`, text: p.text, reaction: p.reaction ?? '' });
      }
    }
    this.selected = selected;
    this.adHoc = adHoc;
  }

  /** The note as the service expects it; optional fields left out when empty. */
  buildNote() {
    const prompts = [
      ...this.choosablePrompts
        .filter((p) => Object.prototype.hasOwnProperty.call(this.selected, p.id))
        .map((p) => withReaction({ promptId: p.id }, this.selected[p.id])),
      ...this.adHoc
        .filter((row) => row.text.trim())
        .map((row) => withReaction({ text: row.text.trim() }, row.reaction)),
    ];
    const note = { occurredAt: this.fields.occurredAt || todayIso(), prompts, summary: this.fields.summary };
    for (const field of OPTIONAL_FIELDS) {
      const value = this.fields[field];
      if (value && String(value).trim()) {
        note[field] = value;
      }
    }
    return note;
  }

  /**
   * The whole edited note as a change: an optional field left empty is sent blank, which the service
   * clears; null would not do, as Apex leaves null properties out of the request.
   */
  buildPatch() {
    const patch = this.buildNote();
    for (const field of OPTIONAL_FIELDS) {
      patch[field] = patch[field] ?? '';
    }
    return patch;
  }

  /** Stores the note: a new one once per idempotency key, or the changes to the edited one. */
  store() {
    if (this.editedNote) {
      return updateNote({
        opportunityId: this.opportunityId,
        noteId: this.editedNote.id,
        patch: this.buildPatch(),
      });
    }
    return saveNote({
      opportunityId: this.opportunityId,
      note: this.buildNote(),
      idempotencyKey: this.idempotencyKey,
    });
  }

  /**
   * The note's own fields, in the three groups the form shows: when and what (above the prompts), the
   * customer's view and ideas, and the next step with its date.
   */
  get formFields() {
    const disabled = this.formDisabled;
    // leaving a date field shows its error, if any, without waiting for save
    const date = (name, label) => ({
      name,
      label,
      value: this.dateText[name],
      placeholder: this.datePlaceholder,
      disabled,
      reportOnBlur: true,
    });
    const text = (name, label, maxLength, more) => ({
      name,
      label,
      value: this.fields[name],
      maxLength,
      disabled,
      ...more,
    });
    const multiline = true;
    return {
      opening: [
        date('occurredAt', LABEL_DATE),
        text('summary', LABEL_SUMMARY, 10000, {
          multiline,
          required: true,
          placeholder: LABEL_SUMMARY_PLACEHOLDER,
          className: 'uan-log__summary',
        }),
      ],
      views: [
        text('customerView', LABEL_CUSTOMER_VIEW, 10000, { multiline, className: 'slds-m-top_small' }),
        text('ideas', LABEL_IDEAS, 10000, { multiline }),
      ],
      nextStep: [
        text('nextStep', LABEL_NEXT_STEP, 2000, { cellClass: 'slds-col slds-grow' }),
        date('nextStepDate', LABEL_NEXT_STEP_DATE),
      ],
    };
  }

  handleField(event) {
    const { name, value, input } = event.detail;
    if (DATE_FIELDS.includes(name)) {
      this.changeDate(name, value, input);
      return;
    }
    this.fields = { ...this.fields, [name]: value };
    this.scheduleCoach();
  }

  /** A date as typed: ISO or the user's format; while unreadable the field says so and blocks saving. */
  changeDate(field, text, input) {
    this.dateText = { ...this.dateText, [field]: text };
    const iso = readDateInput(input, text);
    const unreadable = { ...this.unreadableDates };
    if (iso === null) {
      unreadable[field] = true;
    } else {
      delete unreadable[field];
      this.fields = { ...this.fields, [field]: iso };
      if (field === 'nextStepDate') {
        this.scheduleCoach();
      }
    }
    this.unreadableDates = unreadable;
  }

  handlePromptToggle(event) {
    const id = event.target.dataset.id;
    const checked = event.detail?.checked ?? event.target.checked;
    const selected = { ...this.selected };
    if (checked) {
      selected[id] = selected[id] ?? '';
    } else {
      delete selected[id];
    }
    this.selected = selected;
    this.scheduleCoach();
  }

  handlePromptReaction(event) {
    this.selected = { ...this.selected, [event.target.dataset.id]: valueOf(event) };
    this.scheduleCoach();
  }

  handleAddAdHoc() {
    this.adHocSeq += 1;
    this.adHoc = [...this.adHoc, { key: `adhoc-${this.adHocSeq}`, text: '', reaction: '' }];
  }

  handleRemoveAdHoc(event) {
    const key = event.currentTarget.dataset.key;
    this.adHoc = this.adHoc.filter((row) => row.key !== key);
    this.scheduleCoach();
  }

  handleAdHocChange(event) {
    const { key, part } = event.target.dataset;
    const value = valueOf(event);
    this.adHoc = this.adHoc.map((row) => (row.key === key ? { ...row, [part]: value } : row));
    this.scheduleCoach();
  }

  /** Debounced: every change restarts the wait, so a burst of keystrokes makes one call. */
  scheduleCoach() {
    clearTimeout(this.coachTimer);
    // eslint-disable-next-line @lwc/lwc/no-async-operation -- debouncing the coach needs a timer
    this.coachTimer = setTimeout(() => this.runCoach(), COACH_DELAY_MS);
  }

  async runCoach() {
    if (!this.fields.summary.trim()) {
      return;
    }
    const draft = this.buildNote();
    const seq = ++this.coachSeq;
    this.coachPending = true;
    try {
      const result = parseJson(await scoreDraft({ opportunityId: this.opportunityId, note: draft }));
      // A slower answer to an older draft must not overwrite a newer one.
      if (seq === this.coachSeq) {
        this.score = result;
        this.scoredDraft = draft;
        this.coachError = undefined;
      }
    } catch (error) {
      if (seq === this.coachSeq) {
        this.coachError = error;
      }
    } finally {
      if (seq === this.coachSeq) {
        this.coachPending = false;
      }
    }
  }

  handleCancel() {
    this.close(undefined);
  }

  async handleSave() {
    if (!this.validate()) {
      return;
    }
    clearTimeout(this.coachTimer);
    this.saving = true;
    this.saveError = undefined;
    this.disableClose = true;
    try {
      const saved = parseJson(await this.store());
      this.disableClose = false;
      this.close(saved);
    } catch (error) {
      // Everything typed stays in place; the same key makes the retry safe.
      this.saveError = error;
    } finally {
      this.saving = false;
      this.disableClose = false;
    }
  }

  validate() {
    const inputs = [
      ...this.template.querySelectorAll('lightning-input, lightning-textarea, lightning-combobox'),
    ];
    const valid = inputs.reduce((ok, input) => (input.reportValidity?.() ?? true) && ok, true);
    return valid && Object.keys(this.unreadableDates).length === 0 && this.fields.summary.trim().length > 0;
  }
}

function valueOf(event) {
  return event.detail?.value ?? event.target.value ?? '';
}

function withReaction(prompt, reaction) {
  return reaction ? { ...prompt, reaction } : prompt;
}
