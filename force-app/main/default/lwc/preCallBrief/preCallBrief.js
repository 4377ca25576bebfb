import { LightningElement, api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import getBrief from '@salesforce/apex/UpAtNightAccountController.getBrief';
import { formatDate, parseJson } from 'c/uanFormat';
import LABEL_OPEN from '@salesforce/label/c.UAN_Brief_Open';
import LABEL_TITLE from '@salesforce/label/c.UAN_Brief_Title';
import LABEL_LOADING from '@salesforce/label/c.UAN_Brief_Loading';
import LABEL_LOAD_ERROR from '@salesforce/label/c.UAN_Brief_LoadError';
import LABEL_COPY from '@salesforce/label/c.UAN_Brief_Copy';
import LABEL_PRINT from '@salesforce/label/c.UAN_Brief_Print';
import LABEL_COPIED from '@salesforce/label/c.UAN_Brief_Copied';
import LABEL_COPY_FAILED from '@salesforce/label/c.UAN_Brief_CopyFailed';
import LABEL_PROMPTS from '@salesforce/label/c.UAN_Brief_Prompts';
import LABEL_REDIRECTS from '@salesforce/label/c.UAN_Brief_Redirects';
import LABEL_INSIDE_VIEW from '@salesforce/label/c.UAN_Brief_InsideView';
import LABEL_NEXT_STEP from '@salesforce/label/c.UAN_Brief_NextStep';
import LABEL_QUESTION from '@salesforce/label/c.UAN_Brief_Question';
import LABEL_EMPTY from '@salesforce/label/c.UAN_Brief_Empty';
import LABEL_HAPPENED from '@salesforce/label/c.UAN_Brief_Status_Happened';
import LABEL_UPCOMING from '@salesforce/label/c.UAN_Brief_Status_Upcoming';
import LABEL_OVERDUE from '@salesforce/label/c.UAN_Brief_Status_Overdue';
import LABEL_UNDATED from '@salesforce/label/c.UAN_Brief_Status_Undated';

const STATUSES = {
  happened: LABEL_HAPPENED,
  upcoming: LABEL_UPCOMING,
  overdue: LABEL_OVERDUE,
  undated: LABEL_UNDATED,
};

/** Copies text with the Clipboard API, or with a selected text area where that API is not available. */
async function copyText(text) {
  if (navigator.clipboard?.writeText) {
    await navigator.clipboard.writeText(text);
    return;
  }
  const area = document.createElement('textarea');
  area.value = text;
  area.setAttribute('readonly', '');
  area.style.position = 'fixed';
  area.style.opacity = '0';
  document.body.appendChild(area);
  try {
    area.select();
    if (!document.execCommand('copy')) {
      throw new Error('copy refused');
    }
  } finally {
    document.body.removeChild(area);
  }
}

/** Inside-view entries with the date they were said, formatted for the brief. */
function datedEntries(entries) {
  return (entries ?? []).map((e) => ({ ...e, date: formatDate(e.occurredAt) }));
}

/**
 * The pre-call brief on the opportunity panel: one click builds it (one Apex call), and it can be copied as
 * plain text for an email or a calendar invite, or printed.
 */
export default class PreCallBrief extends LightningElement {
  @api opportunityId;

  brief;
  error;
  isLoading = false;

  labels = {
    title: LABEL_TITLE,
    loading: LABEL_LOADING,
    loadError: LABEL_LOAD_ERROR,
    prompts: LABEL_PROMPTS,
    redirects: LABEL_REDIRECTS,
    insideView: LABEL_INSIDE_VIEW,
    nextStep: LABEL_NEXT_STEP,
    question: LABEL_QUESTION,
    empty: LABEL_EMPTY,
  };

  async handleOpen() {
    this.isLoading = true;
    try {
      this.brief = parseJson(await getBrief({ opportunityId: this.opportunityId }));
      this.error = undefined;
    } catch (error) {
      this.brief = undefined;
      this.error = error;
    } finally {
      this.isLoading = false;
    }
  }

  get hasBrief() {
    return Boolean(this.brief);
  }

  get prompts() {
    return this.brief?.prompts ?? [];
  }

  get redirects() {
    return datedEntries(this.brief?.openRedirects);
  }

  get insideView() {
    return datedEntries(this.brief?.insideView);
  }

  /** The redirects and the inside view, each a heading over its dated entries; an empty one is left out. */
  get entrySections() {
    return [
      {
        key: 'redirects',
        heading: this.labels.redirects,
        className: 'uan-brief__redirects',
        entries: this.redirects,
      },
      {
        key: 'inside-view',
        heading: this.labels.insideView,
        className: 'uan-brief__inside-view',
        entries: this.insideView,
      },
    ]
      .filter((section) => section.entries.length > 0)
      .map((section) => ({
        ...section,
        headingKey: `${section.key}-heading`,
        listClass: `slds-list_dotted ${section.className}`,
      }));
  }

  get nextStep() {
    const step = this.brief?.nextStep;
    return step
      ? { ...step, dateText: step.date ? formatDate(step.date) : '', statusText: STATUSES[step.status] }
      : null;
  }

  get question() {
    return this.brief?.suggestedQuestion ?? null;
  }

  get hasPrompts() {
    return this.prompts.length > 0;
  }

  get isEmpty() {
    return !this.hasPrompts && this.entrySections.length === 0 && !this.nextStep;
  }

  get openActions() {
    return [
      {
        name: 'open',
        label: LABEL_OPEN,
        iconName: 'utility:summary',
        disabled: this.isLoading,
        className: 'uan-brief__open',
      },
    ];
  }

  /** Takes the brief along: to the clipboard, or to paper. */
  sheetActions = [
    { name: 'copy', label: LABEL_COPY, iconName: 'utility:copy', className: 'uan-brief__copy' },
    { name: 'print', label: LABEL_PRINT, iconName: 'utility:print', className: 'uan-brief__print' },
  ];

  handleSheetAction(event) {
    return event.detail.name === 'copy' ? this.handleCopy() : this.handlePrint();
  }

  async handleCopy() {
    try {
      await copyText(this.brief.text);
      this.toast(LABEL_COPIED, 'success');
    } catch {
      this.toast(LABEL_COPY_FAILED, 'warning');
    }
  }

  handlePrint() {
    window.print();
  }

  toast(title, variant) {
    this.dispatchEvent(new ShowToastEvent({ title, variant }));
  }
}
