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

// grid cells: a row of two fields, and a quarter of a row
const WIDE = 'slds-col slds-size_1-of-1 slds-medium-size_2-of-3';
const NARROW = 'slds-col slds-size_1-of-1 slds-medium-size_1-of-3';
const QUARTER = 'slds-col slds-size_1-of-2 slds-medium-size_1-of-4';

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
    rationale: LABEL_RATIONALE,
    targeting: LABEL_TARGETING,
    industries: LABEL_INDUSTRIES,
    phases: LABEL_PHASES,
    stages: LABEL_STAGES,
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

  get industryListbox() {
    return this.listbox(this.labels.industries, this.industryOptions, this.targeting.industries);
  }

  get stageListbox() {
    return this.listbox(this.labels.stages, this.stageOptions, this.targeting.stages);
  }

  /** A targeting list picked from its options: industries or stages. */
  listbox(label, options, value) {
    const { available, selected } = this.labels;
    return {
      label,
      sourceLabel: available,
      selectedLabel: selected,
      options,
      value,
      disabled: this.readOnly,
      size: 4,
    };
  }

  /** The deals the prompt is for: an amount from and to, and record types (typed as a list). */
  get dealFields() {
    const disabled = this.readOnly;
    const amount = (name, label) => ({
      name,
      type: 'number',
      label,
      value: this.targeting[name],
      min: 0,
      disabled,
    });
    return [
      { ...amount('amountMin', LABEL_AMOUNT_MIN), cellClass: QUARTER },
      { ...amount('amountMax', LABEL_AMOUNT_MAX), cellClass: QUARTER },
      {
        name: 'recordTypes',
        label: LABEL_RECORD_TYPES,
        fieldLevelHelp: LABEL_RECORD_TYPES_HELP,
        value: this.recordTypesText,
        disabled,
        cellClass: 'slds-col slds-size_1-of-1 slds-medium-size_1-of-2',
      },
    ];
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

  /** Title and key, above the texts; two thirds and one third of the row on wider screens. */
  get nameFields() {
    const disabled = this.readOnly;
    return [
      {
        name: 'title',
        label: LABEL_TITLE,
        value: this.prompt?.title,
        required: true,
        maxLength: 120,
        disabled,
        cellClass: WIDE,
      },
      {
        name: 'key',
        label: LABEL_KEY,
        fieldLevelHelp: LABEL_KEY_HELP,
        value: this.prompt?.key,
        required: true,
        pattern: PROMPT_KEY_PATTERN,
        messageWhenPatternMismatch: LABEL_KEY_INVALID,
        reportOnBlur: true,
        maxLength: 100,
        disabled,
        cellClass: NARROW,
      },
    ];
  }

  /** Where the prompt comes from, and until when it holds; below the rationale. */
  get sourceFields() {
    const disabled = this.readOnly;
    return [
      {
        name: 'source',
        label: LABEL_SOURCE,
        value: this.prompt?.source,
        required: true,
        maxLength: 1000,
        disabled,
        cellClass: WIDE,
      },
      {
        name: 'expiresOn',
        label: LABEL_EXPIRES,
        value: this.expiresText,
        placeholder: this.datePlaceholder,
        reportOnBlur: true,
        disabled,
        cellClass: NARROW,
      },
    ];
  }

  handleFieldChange(event) {
    const { name, value, input } = event.detail;
    if (name === 'expiresOn') {
      this.changeExpires(value, input);
    } else {
      this.changeField(name, value, input);
    }
  }

  handleField(event) {
    this.changeField(event.target.dataset.field, valueOf(event), event.target);
  }

  changeField(field, value, input) {
    const next = { ...this.prompt, [field]: value };
    if (field === 'title' && this.prompt?.autoKey) {
      next.key = slugify(value);
    }
    if (field === 'key') {
      next.autoKey = false;
      this.checkKey(input, value);
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

  /** Puts the chosen merge field where the cursor is in the provocation or follow-up, then returns there. */
  handleInsertField(event) {
    const field = event.currentTarget.dataset.target;
    const textarea = this.template.querySelector(`[data-field="${field}"]`);
    textarea.setRangeText(event.detail.value);
    this.emit({ ...this.prompt, [field]: textarea.value });
    textarea.focus();
  }

  /** The expiry as typed: ISO or the user's format; an unreadable one keeps the stored date and says so. */
  changeExpires(text, input) {
    this.typedExpires = text;
    const iso = readDateInput(input, text);
    this.expiresUnreadable = iso === null;
    if (iso !== null) {
      this.emit({ ...this.prompt, expiresOn: iso || null });
    }
  }

  handleTargeting(event) {
    this.setTargeting(event.target.dataset.targeting, valueOf(event));
  }

  handleDealField(event) {
    this.setTargeting(event.detail.name, event.detail.value);
  }

  setTargeting(field, text) {
    let value = text;
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
