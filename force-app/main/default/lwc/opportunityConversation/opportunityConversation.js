import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getPanel from '@salesforce/apex/UpAtNightPanelController.getPanel';
import LogConversationModal from 'c/logConversationModal';
import { formatLabel, formatScore, parseJson } from 'c/uanFormat';
import LABEL_TITLE from '@salesforce/label/c.UAN_Panel_Title';
import LABEL_PROMPTS from '@salesforce/label/c.UAN_Panel_Prompts';
import LABEL_NO_PROMPTS from '@salesforce/label/c.UAN_Panel_NoPrompts';
import LABEL_CLOSED from '@salesforce/label/c.UAN_Panel_ClosedDeal';
import LABEL_LOG from '@salesforce/label/c.UAN_Panel_Log';
import LABEL_LOADING from '@salesforce/label/c.UAN_Panel_Loading';
import LABEL_LOAD_ERROR from '@salesforce/label/c.UAN_Panel_LoadError';
import LABEL_MODAL_TITLE from '@salesforce/label/c.UAN_Log_Title';
import LABEL_MODAL_DESCRIPTION from '@salesforce/label/c.UAN_Log_Description';
import LABEL_SAVED from '@salesforce/label/c.UAN_Toast_Saved';
import LABEL_SAVED_SCORE from '@salesforce/label/c.UAN_Toast_SavedScore';
import LABEL_MODAL_EDIT_TITLE from '@salesforce/label/c.UAN_Log_EditTitle';
import LABEL_UPDATED from '@salesforce/label/c.UAN_Toast_Updated';
import LABEL_DELETED from '@salesforce/label/c.UAN_Toast_Deleted';

/**
 * The rep's panel on the Opportunity record page: score summary, picked prompts, a way to log a
 * conversation, the conversation history, where the rep edits or deletes their own notes, and what the
 * account has already heard from us — all from one Apex call per load. A closed deal shows its history
 * and says why it gets no new prompts. The call is imperative, not a cached wire: loading the panel stores the
 * deal's context in the service.
 */
export default class OpportunityConversation extends LightningElement {
  panel;
  error;
  currentRecordId;
  // Counts loads, so the answer for an earlier record never replaces the answer for the current one.
  loadCount = 0;

  labels = {
    title: LABEL_TITLE,
    prompts: LABEL_PROMPTS,
    noPrompts: LABEL_NO_PROMPTS,
    closed: LABEL_CLOSED,
    loading: LABEL_LOADING,
    loadError: LABEL_LOAD_ERROR,
  };

  @api
  get recordId() {
    return this.currentRecordId;
  }

  set recordId(value) {
    const changed = value !== this.currentRecordId;
    this.currentRecordId = value;
    if (changed && value) {
      this.loadPanel();
    }
  }

  async loadPanel() {
    const load = ++this.loadCount;
    try {
      const panel = parseJson(await getPanel({ opportunityId: this.currentRecordId }));
      if (load === this.loadCount) {
        this.panel = panel;
        this.error = undefined;
      }
    } catch (error) {
      if (load === this.loadCount) {
        this.panel = undefined;
        this.error = error;
      }
    }
  }

  get isLoading() {
    return !this.panel && !this.error;
  }

  get prompts() {
    return this.panel?.prompts ?? [];
  }

  get hasPrompts() {
    return this.prompts.length > 0;
  }

  /** The service withholds prompts from a won or lost deal. */
  get isClosed() {
    return this.panel?.promptsWithheld === 'closed';
  }

  get accountHistory() {
    return this.panel?.accountHistory;
  }

  get notes() {
    return this.panel?.recentNotes ?? [];
  }

  get summary() {
    return this.panel?.summary;
  }

  get accountId() {
    return this.panel?.opportunity?.accountId;
  }

  get logActions() {
    return [
      {
        name: 'log',
        label: LABEL_LOG,
        iconName: 'utility:edit',
        disabled: this.isLoading,
        className: 'uan-log-button',
      },
    ];
  }

  handleLog() {
    return this.openLog();
  }

  /** Edits one of the rep's own notes in the same modal, prefilled. */
  handleNoteEdit(event) {
    return this.openLog(event.detail.note);
  }

  async handleNoteDelete() {
    this.dispatchEvent(new ShowToastEvent({ title: LABEL_DELETED, variant: 'success' }));
    await this.reloadAfterChange();
  }

  // what the account told us comes from its notes, so the inside view changes with them
  reloadAfterChange() {
    return Promise.all([this.loadPanel(), this.template.querySelector('c-account-inside-view')?.refresh()]);
  }

  async openLog(note) {
    const saved = await LogConversationModal.open({
      size: 'large',
      label: note ? LABEL_MODAL_EDIT_TITLE : LABEL_MODAL_TITLE,
      description: LABEL_MODAL_DESCRIPTION,
      opportunityId: this.recordId,
      prompts: this.prompts,
      note,
    });
    // Closing without saving resolves with undefined; nothing to refresh then.
    if (!saved) {
      return;
    }
    this.dispatchEvent(
      new ShowToastEvent({
        title: note ? LABEL_UPDATED : LABEL_SAVED,
        message: formatLabel(LABEL_SAVED_SCORE, formatScore(saved.score?.overall)),
        variant: 'success',
      }),
    );
    await this.reloadAfterChange();
  }
}
