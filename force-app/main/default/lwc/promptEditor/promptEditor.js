import { LightningElement, api } from 'lwc';
import {
  PROMPT_KEY_PATTERN,
  dateInputHint,
  formatDateInput,
  formatLabel,
  isPromptKey,
  readDateInput,
  slugify,
} from 'c/uanFormat';
import { MERGE_FIELDS } from './mergeFields';
import LABEL_LEGEND from '@salesforce/label/c.UAN_PromptEditor_Legend';
import LABEL_KEY from '@salesforce/label/c.UAN_PromptEditor_Key';
import LABEL_KEY_HELP from '@salesforce/label/c.UAN_PromptEditor_KeyHelp';
import LABEL_KEY_INVALID from '@salesforce/label/c.UAN_PromptEditor_KeyInvalid';
import LABEL_INSERT_FIELD from '@salesforce/label/c.UAN_PromptEditor_InsertField';
import LABEL_TITLE from '@salesforce/label/c.UAN_PromptEditor_Title';
import LABEL_PROVOCATION from '@salesforce/label/c.UAN_PromptEditor_Provocation';
import LABEL_PROVOCATION_HELP from '@salesforce/label/c.UAN_PromptEditor_ProvocationHelp';
import LABEL_FOLLOW_UP from '@salesforce/label/c.UAN_PromptEditor_FollowUp';
import LABEL_RATIONALE from '@salesforce/label/c.UAN_PromptEditor_Rationale';
import LABEL_SOURCE from '@salesforce/label/c.UAN_PromptEditor_Source';
import LABEL_EXPIRES from '@salesforce/label/c.UAN_PromptEditor_ExpiresOn';
import LABEL_TARGETING from '@salesforce/label/c.UAN_PromptEditor_Targeting';
import LABEL_INDUSTRIES from '@salesforce/label/c.UAN_PromptEditor_Industries';
import LABEL_PHASES from '@salesforce/label/c.UAN_PromptEditor_Phases';
import LABEL_STAGES from '@salesforce/label/c.UAN_PromptEditor_Stages';
import LABEL_AMOUNT_MIN from '@salesforce/label/c.UAN_PromptEditor_AmountMin';
import LABEL_AMOUNT_MAX from '@salesforce/label/c.UAN_PromptEditor_AmountMax';
import LABEL_RECORD_TYPES from '@salesforce/label/c.UAN_PromptEditor_RecordTypes';
import LABEL_RECORD_TYPES_HELP from '@salesforce/label/c.UAN_PromptEditor_RecordTypesHelp';
import LABEL_AVAILABLE from '@salesforce/label/c.UAN_PromptEditor_Available';
import LABEL_SELECTED from '@salesforce/label/c.UAN_PromptEditor_Selected';
import LABEL_REMOVE from '@salesforce/label/c.UAN_PromptEditor_Remove';
import LABEL_PHASE_EARLY from '@salesforce/label/c.UAN_Phase_Early';
import LABEL_PHASE_MIDDLE from '@salesforce/label/c.UAN_Phase_Middle';
import LABEL_PHASE_LATE from '@salesforce/label/c.UAN_Phase_Late';

/**
 * Edits one prompt of a draft: content (with a picker that inserts merge fields such as
 * {Account.Name} at the cursor of the provocation or follow-up), expiry and targeting. Emits
 * `promptchange` with the whole updated prompt and `promptremove`; holds no state of its own beyond
 * what it is given and the expiry date as typed.
 */
export default class PromptEditor extends LightningElement {
  @api index = 0;
  @api readOnly = false;
  /** [{label, value}] of the org's industries and stages. */
  @api industryOptions = [];
  @api stageOptions = [];

  keyPattern = PROMPT_KEY_PATTERN;
  mergeFieldOptions = MERGE_FIELDS.map((field) => ({ value: `{${field}}`, label: `{${field}}` }));
  current;
  /** The expiry date as typed, while it differs from what the prompt holds. */
  typedExpires;
  expiresUnreadable = false;
  datePlaceholder = dateInputHint();

  /** The prompt being edited; every change is emitted as a whole new prompt. */
  @api
  get prompt() {
    return this.current;
  }
  set prompt(value) {
    if (value !== this.current) {
      // another prompt (not this editor's own edit coming back): its date shows as stored
      this.typedExpires = undefined;
      this.expiresUnreadable = false;
    }
    this.current = value;
  }

  labels = {
    key: LABEL_KEY,
    keyHelp: LABEL_KEY_HELP,
    keyInvalid: LABEL_KEY_INVALID,
    title: LABEL_TITLE,
    rationale: LABEL_RATIONALE,
    source: LABEL_SOURCE,
    expires: LABEL_EXPIRES,
    targeting: LABEL_TARGETING,
    industries: LABEL_INDUSTRIES,
    phases: LABEL_PHASES,
    stages: LABEL_STAGES,
    amountMin: LABEL_AMOUNT_MIN,
    amountMax: LABEL_AMOUNT_MAX,
    recordTypes: LABEL_RECORD_TYPES,
    recordTypesHelp: LABEL_RECORD_TYPES_HELP,
    available: LABEL_AVAILABLE,
    selected: LABEL_SELECTED,
  };

  phaseOptions = [
    { label: LABEL_PHASE_EARLY, value: 'early' },
    { label: LABEL_PHASE_MIDDLE, value: 'middle' },
    { label: LABEL_PHASE_LATE, value: 'late' },
  ];

  get legend() {
    return formatLabel(LABEL_LEGEND, this.index + 1, this.prompt?.title || '');
  }

  /** The two texts the service fills merge fields in, each with a picker to insert them. */
  get mergeTexts() {
    return [
      { field: 'provocation', label: LABEL_PROVOCATION, help: LABEL_PROVOCATION_HELP, maxLength: 2000 },
      { field: 'followUp', label: LABEL_FOLLOW_UP, help: undefined, maxLength: 1000 },
    ].map((text) => ({
      ...text,
      value: this.prompt?.[text.field],
      pickerLabel: formatLabel(LABEL_INSERT_FIELD, text.label),
    }));
  }

  get removeLabel() {
    return formatLabel(LABEL_REMOVE, this.index + 1);
  }

  get targeting() {
    return this.prompt?.targeting ?? {};
  }

  get expiresText() {
    return this.typedExpires ?? formatDateInput(this.prompt?.expiresOn);
  }

  get recordTypesText() {
    return (this.targeting.recordTypes ?? []).join(', ');
  }

  get editable() {
    return !this.readOnly;
  }

  /** Puts the cursor in the title, where editing a prompt starts. */
  @api
  focus() {
    this.template.querySelector('[data-field="title"]')?.focus();
  }

  /** Reports invalid fields on screen; true when the prompt can be saved. */
  @api
  validate() {
    const keyInput = this.template.querySelector('[data-field="key"]');
    if (keyInput) {
      this.checkKey(keyInput, this.prompt?.key);
    }
    const inputs = [
      ...this.template.querySelectorAll('lightning-input, lightning-textarea, lightning-dual-listbox'),
    ];
    const valid = inputs.reduce((ok, input) => (input.reportValidity?.() ?? true) && ok, true);
    const p = this.prompt ?? {};
    const filled = ['key', 'title', 'provocation', 'followUp', 'rationale', 'source'].every((f) =>
      String(p[f] ?? '').trim(),
    );
    return valid && filled && !this.expiresUnreadable && isPromptKey(p.key);
  }

  handleField(event) {
    const field = event.target.dataset.field;
    const value = valueOf(event);
    const next = { ...this.prompt, [field]: value };
    if (field === 'title' && this.prompt?.autoKey) {
      next.key = slugify(value);
    }
    if (field === 'key') {
      next.autoKey = false;
      this.checkKey(event.target, value);
    }
    this.emit(next);
  }

  /**
   * Marks the key input invalid while the key breaks the rule, in code as well as through the
   * pattern attribute; a good key clears the mark at once. A missing key is `required`'s to report.
   */
  checkKey(input, key) {
    const wellFormed = !key || isPromptKey(key);
    input.setCustomValidity(wellFormed ? '' : LABEL_KEY_INVALID);
    if (wellFormed) {
      input.reportValidity();
    }
  }

  handleFieldBlur(event) {
    event.target.reportValidity();
  }

  /** Puts the chosen merge field where the cursor is in the provocation or follow-up, then returns there. */
  handleInsertField(event) {
    const field = event.currentTarget.dataset.target;
    const textarea = this.template.querySelector(`[data-field="${field}"]`);
    textarea.setRangeText(event.detail.value);
    this.emit({ ...this.prompt, [field]: textarea.value });
    textarea.focus();
  }

  /** The expiry as typed: ISO or the user's format; an unreadable one keeps the stored date and says so. */
  handleExpires(event) {
    const text = valueOf(event);
    this.typedExpires = text;
    const iso = readDateInput(event.target, text);
    this.expiresUnreadable = iso === null;
    if (iso !== null) {
      this.emit({ ...this.prompt, expiresOn: iso || null });
    }
  }

  handleTargeting(event) {
    const field = event.target.dataset.targeting;
    let value = valueOf(event);
    if (field === 'amountMin' || field === 'amountMax') {
      value = value === '' || value === null || value === undefined ? null : Number(value);
    } else if (field === 'recordTypes') {
      value = String(value)
        .split(',')
        .map((v) => v.trim())
        .filter(Boolean);
    }
    this.emit({ ...this.prompt, targeting: { ...this.targeting, [field]: value } });
  }

  handleRemove() {
    this.dispatchEvent(new CustomEvent('promptremove', { detail: { index: this.index } }));
  }

  emit(prompt) {
    // Keep the latest edit locally too, so a second change before the parent re-renders builds on it.
    this.current = prompt;
    this.dispatchEvent(new CustomEvent('promptchange', { detail: { index: this.index, prompt } }));
  }
}

function valueOf(event) {
  return event.detail?.value ?? event.target.value ?? '';
}
