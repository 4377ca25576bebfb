import { LightningElement, api } from 'lwc';
import getInsideView from '@salesforce/apex/UpAtNightAccountController.getInsideView';
import updateInsideViewEntry from '@salesforce/apex/UpAtNightAccountController.updateInsideViewEntry';
import { formatDate, formatLabel, parseJson } from 'c/uanFormat';
import LABEL_TITLE from '@salesforce/label/c.UAN_Account_Title';
import LABEL_EMPTY from '@salesforce/label/c.UAN_Account_Empty';
import LABEL_LOAD_ERROR from '@salesforce/label/c.UAN_Account_LoadError';
import LABEL_SOURCE from '@salesforce/label/c.UAN_Account_Source';
import LABEL_MARK_OUTDATED from '@salesforce/label/c.UAN_Account_MarkOutdated';
import LABEL_MARK_CURRENT from '@salesforce/label/c.UAN_Account_MarkCurrent';
import LABEL_CORRECT from '@salesforce/label/c.UAN_Account_Correct';
import LABEL_CORRECTION from '@salesforce/label/c.UAN_Account_CorrectionLabel';
import LABEL_SAVE from '@salesforce/label/c.UAN_Account_Save';
import LABEL_CANCEL from '@salesforce/label/c.UAN_Account_Cancel';
import LABEL_CHANGE_ERROR from '@salesforce/label/c.UAN_Account_ChangeError';
import LABEL_STALE from '@salesforce/label/c.UAN_Account_Stale';
import LABEL_OUTDATED from '@salesforce/label/c.UAN_Account_Outdated';
import LABEL_CORRECTED from '@salesforce/label/c.UAN_Account_Corrected';
import LABEL_KIND_REDIRECT from '@salesforce/label/c.UAN_Account_Kind_Redirect';
import LABEL_KIND_PRIORITY from '@salesforce/label/c.UAN_Account_Kind_Priority';
import LABEL_KIND_CONSTRAINT from '@salesforce/label/c.UAN_Account_Kind_Constraint';
import LABEL_KIND_INITIATIVE from '@salesforce/label/c.UAN_Account_Kind_Initiative';
import LABEL_KIND_WHO_WANTS_WHAT from '@salesforce/label/c.UAN_Account_Kind_WhoWantsWhat';
import LABEL_KIND_DISAGREEMENT from '@salesforce/label/c.UAN_Account_Kind_Disagreement';
import LABEL_KIND_PRACTICE from '@salesforce/label/c.UAN_Account_Kind_Practice';
import LABEL_INTERSECTION from '@salesforce/label/c.UAN_Account_Intersection';

const KINDS = {
  redirect: LABEL_KIND_REDIRECT,
  priority: LABEL_KIND_PRIORITY,
  constraint: LABEL_KIND_CONSTRAINT,
  initiative: LABEL_KIND_INITIATIVE,
  who_wants_what: LABEL_KIND_WHO_WANTS_WHAT,
  disagreement: LABEL_KIND_DISAGREEMENT,
  practice: LABEL_KIND_PRACTICE,
};

/**
 * The account's inside view on the opportunity panel: what customers told us on any of the account's deals,
 * newest first, each entry with its kind, date, author and deal; a rep marks one outdated or corrects it.
 * Below it, which of our provocations their view confirmed, reshaped or redirected.
 */
export default class AccountInsideView extends LightningElement {
  view;
  error;
  changeError;
  currentAccountId;
  editingId;
  draft = '';
  loadCount = 0;

  labels = {
    title: LABEL_TITLE,
    empty: LABEL_EMPTY,
    loadError: LABEL_LOAD_ERROR,
    correction: LABEL_CORRECTION,
    changeError: LABEL_CHANGE_ERROR,
    intersection: LABEL_INTERSECTION,
  };

  @api
  get accountId() {
    return this.currentAccountId;
  }

  set accountId(value) {
    const changed = value !== this.currentAccountId;
    this.currentAccountId = value;
    if (changed && value) {
      this.load();
    }
  }

  /** Reads the view again: a note saved, edited or deleted on one of the account's deals changes it. */
  @api
  refresh() {
    return this.currentAccountId ? this.load() : Promise.resolve();
  }

  async load() {
    const load = ++this.loadCount;
    try {
      const view = parseJson(await getInsideView({ accountId: this.currentAccountId }));
      if (load === this.loadCount) {
        this.view = view;
        this.error = undefined;
      }
    } catch (error) {
      if (load === this.loadCount) {
        this.view = undefined;
        this.error = error;
      }
    }
  }

  get hasAccount() {
    return Boolean(this.currentAccountId);
  }

  get entries() {
    return (this.view?.items ?? []).map((entry) => ({
      ...entry,
      kindLabel: KINDS[entry.kind] ?? entry.kind,
      sourceText: formatLabel(
        LABEL_SOURCE,
        formatDate(entry.occurredAt),
        entry.authorName ?? entry.authorId,
        entry.opportunityName ?? entry.opportunityId,
      ),
      isStale: entry.status === 'stale',
      isOutdated: entry.status === 'outdated',
      isCorrected: Boolean(entry.originalText),
      isEditing: entry.id === this.editingId,
      actions: [
        {
          name: 'toggle',
          variant: 'base',
          label: entry.status === 'outdated' ? LABEL_MARK_CURRENT : LABEL_MARK_OUTDATED,
          className: 'uan-entry__toggle',
        },
        { name: 'edit', variant: 'base', label: LABEL_CORRECT, className: 'uan-entry__edit' },
      ],
      staleLabel: LABEL_STALE,
      outdatedLabel: LABEL_OUTDATED,
      correctedLabel: LABEL_CORRECTED,
      itemClass: entry.status === 'current' ? 'slds-item uan-entry' : 'slds-item uan-entry uan-entry_faded',
    }));
  }

  get hasEntries() {
    return this.entries.length > 0;
  }

  get intersection() {
    return this.view?.intersection;
  }

  /** Marks the entry outdated (or current again), or opens it for a correction. */
  handleEntryAction(event) {
    const entry = this.view.items.find((e) => e.id === event.currentTarget.dataset.id);
    if (event.detail.name === 'toggle') {
      this.change(entry.id, { outdated: entry.status !== 'outdated' });
    } else {
      this.editingId = entry.id;
      this.draft = entry.text;
    }
  }

  /** The open correction's buttons. */
  editActions = [
    { name: 'save', variant: 'brand', label: LABEL_SAVE, className: 'uan-entry__save' },
    { name: 'cancel', label: LABEL_CANCEL, className: 'uan-entry__cancel' },
  ];

  handleEditAction(event) {
    if (event.detail.name === 'save') {
      this.handleSave();
    } else {
      this.handleCancel();
    }
  }

  handleDraft(event) {
    this.draft = event.target.value;
  }

  handleCancel() {
    this.editingId = undefined;
  }

  handleSave() {
    this.change(this.editingId, { correction: this.draft });
  }

  async change(entryId, change) {
    try {
      await updateInsideViewEntry({
        accountId: this.currentAccountId,
        entryId,
        change,
      });
      this.changeError = undefined;
      this.editingId = undefined;
      await this.load();
    } catch (error) {
      this.changeError = error;
    }
  }
}
