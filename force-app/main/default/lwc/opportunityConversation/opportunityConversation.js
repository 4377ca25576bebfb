import { LightningElement, api, wire } from 'lwc';
import { refreshApex } from '@salesforce/apex';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getPanel from '@salesforce/apex/UpAtNightController.getPanel';
import LogConversationModal from 'c/logConversationModal';
import { formatLabel, formatScore, parseJson } from 'c/uanFormat';
import LABEL_TITLE from '@salesforce/label/c.UAN_Panel_Title';
import LABEL_PROMPTS from '@salesforce/label/c.UAN_Panel_Prompts';
import LABEL_NO_PROMPTS from '@salesforce/label/c.UAN_Panel_NoPrompts';
import LABEL_LOG from '@salesforce/label/c.UAN_Panel_Log';
import LABEL_LOADING from '@salesforce/label/c.UAN_Panel_Loading';
import LABEL_LOAD_ERROR from '@salesforce/label/c.UAN_Panel_LoadError';
import LABEL_MODAL_TITLE from '@salesforce/label/c.UAN_Log_Title';
import LABEL_MODAL_DESCRIPTION from '@salesforce/label/c.UAN_Log_Description';
import LABEL_SAVED from '@salesforce/label/c.UAN_Toast_Saved';
import LABEL_SAVED_SCORE from '@salesforce/label/c.UAN_Toast_SavedScore';

/**
 * The rep's panel on the Opportunity record page: score summary, picked prompts, a way to log a
 * conversation and the conversation history — all from one Apex call per load.
 */
export default class OpportunityConversation extends LightningElement {
  @api recordId;

  panel;
  error;
  wiredPanel;

  labels = {
    title: LABEL_TITLE,
    prompts: LABEL_PROMPTS,
    noPrompts: LABEL_NO_PROMPTS,
    log: LABEL_LOG,
    loading: LABEL_LOADING,
    loadError: LABEL_LOAD_ERROR,
  };

  @wire(getPanel, { opportunityId: '$recordId' })
  receivePanel(result) {
    this.wiredPanel = result;
    const { data, error } = result;
    if (data) {
      try {
        this.panel = parseJson(data);
        this.error = undefined;
      } catch (parseError) {
        this.panel = undefined;
        this.error = parseError;
      }
    } else if (error) {
      this.panel = undefined;
      this.error = error;
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

  get notes() {
    return this.panel?.recentNotes ?? [];
  }

  get summary() {
    return this.panel?.summary;
  }

  async handleLog() {
    const saved = await LogConversationModal.open({
      size: 'large',
      label: LABEL_MODAL_TITLE,
      description: LABEL_MODAL_DESCRIPTION,
      opportunityId: this.recordId,
      prompts: this.prompts,
    });
    // Closing without saving resolves with undefined; nothing to refresh then.
    if (!saved) {
      return;
    }
    this.dispatchEvent(
      new ShowToastEvent({
        title: LABEL_SAVED,
        message: formatLabel(LABEL_SAVED_SCORE, formatScore(saved.score?.overall)),
        variant: 'success',
      }),
    );
    await refreshApex(this.wiredPanel);
  }
}
