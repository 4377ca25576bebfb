import { LightningElement, api } from 'lwc';
import { formatDate, formatLabel } from 'c/uanFormat';
import LABEL_CAPTION from '@salesforce/label/c.UAN_PromptList_Caption';
import LABEL_SEARCH from '@salesforce/label/c.UAN_PromptList_Search';
import LABEL_SEARCH_HELP from '@salesforce/label/c.UAN_PromptList_SearchHelp';
import LABEL_COL_NUMBER from '@salesforce/label/c.UAN_PromptList_ColNumber';
import LABEL_COL_PHASES from '@salesforce/label/c.UAN_PromptList_ColPhases';
import LABEL_COL_KEY from '@salesforce/label/c.UAN_PromptEditor_Key';
import LABEL_COL_TITLE from '@salesforce/label/c.UAN_PromptEditor_Title';
import LABEL_COL_INDUSTRIES from '@salesforce/label/c.UAN_PromptEditor_Industries';
import LABEL_COL_EXPIRES from '@salesforce/label/c.UAN_PromptEditor_ExpiresOn';
import LABEL_COL_ACTIONS from '@salesforce/label/c.UAN_Manager_ColAction';
import LABEL_ANY from '@salesforce/label/c.UAN_PromptList_Any';
import LABEL_EDIT from '@salesforce/label/c.UAN_PromptList_Edit';
import LABEL_EDIT_ROW from '@salesforce/label/c.UAN_PromptList_EditRow';
import LABEL_VIEW from '@salesforce/label/c.UAN_PromptList_View';
import LABEL_VIEW_ROW from '@salesforce/label/c.UAN_PromptList_ViewRow';
import LABEL_REMOVE from '@salesforce/label/c.UAN_PromptList_Remove';
import LABEL_REMOVE_ROW from '@salesforce/label/c.UAN_PromptList_RemoveRow';
import LABEL_RANGE from '@salesforce/label/c.UAN_PromptList_Range';
import LABEL_RANGE_FILTERED from '@salesforce/label/c.UAN_PromptList_RangeFiltered';
import LABEL_NO_MATCH from '@salesforce/label/c.UAN_PromptList_NoMatch';
import LABEL_PAGES from '@salesforce/label/c.UAN_PromptList_Pages';
import LABEL_PAGE from '@salesforce/label/c.UAN_PromptList_Page';
import LABEL_PREVIOUS from '@salesforce/label/c.UAN_PromptList_Previous';
import LABEL_NEXT from '@salesforce/label/c.UAN_PromptList_Next';
import LABEL_PHASE_EARLY from '@salesforce/label/c.UAN_Phase_Early';
import LABEL_PHASE_MIDDLE from '@salesforce/label/c.UAN_Phase_Middle';
import LABEL_PHASE_LATE from '@salesforce/label/c.UAN_Phase_Late';

const PHASE_LABELS = { early: LABEL_PHASE_EARLY, middle: LABEL_PHASE_MIDDLE, late: LABEL_PHASE_LATE };

/**
 * The prompts of a version as a compact table: search by title, key, industry, phase or stage, a
 * page of rows at a time, and an Edit (or View) and Remove action per row. Only one prompt is ever
 * opened in the full editor, by the parent; a library of a hundred prompts stays quick to open.
 * Emits `promptopen` and `promptremove` with `{uid, index}` (index into `prompts`).
 */
export default class PromptList extends LightningElement {
  @api readOnly = false;
  @api pageSize = 25;

  items = [];
  query = '';
  pageIndex = 0;
  pendingFocus;

  labels = {
    caption: LABEL_CAPTION,
    search: LABEL_SEARCH,
    searchHelp: LABEL_SEARCH_HELP,
    colNumber: LABEL_COL_NUMBER,
    colKey: LABEL_COL_KEY,
    colTitle: LABEL_COL_TITLE,
    colIndustries: LABEL_COL_INDUSTRIES,
    colPhases: LABEL_COL_PHASES,
    colExpires: LABEL_COL_EXPIRES,
    colActions: LABEL_COL_ACTIONS,
    pages: LABEL_PAGES,
  };

  /** The version's prompts, each with a stable `uid`, in version order. */
  @api
  get prompts() {
    return this.items;
  }
  set prompts(value) {
    this.items = (value ?? []).map((prompt, index) => toRow(prompt, index));
    this.pageIndex = Math.min(this.pageIndex, this.lastPage);
  }

  /** Back to the first page with no search, for another version. */
  @api
  reset() {
    this.query = '';
    this.pageIndex = 0;
  }

  /** Shows the page holding the prompt at `index` and moves focus to its Edit or View button. */
  @api
  focusRow(index) {
    const position = this.filtered.findIndex((row) => row.index === index);
    if (position < 0) {
      this.template.querySelector('.uan-prompt-list__search')?.focus();
      return;
    }
    const page = Math.floor(position / this.rowsPerPage);
    if (page === this.pageIndex) {
      this.openButton(index)?.focus();
      return;
    }
    // another page: focus once it is rendered
    this.pageIndex = page;
    this.pendingFocus = index;
  }

  openButton(index) {
    return this.template.querySelector(`.uan-prompt-list__open[data-index="${index}"]`);
  }

  renderedCallback() {
    if (this.pendingFocus !== undefined) {
      const button = this.openButton(this.pendingFocus);
      this.pendingFocus = undefined;
      button?.focus();
    }
  }

  get rowsPerPage() {
    return Math.max(1, Number(this.pageSize) || 25);
  }

  get terms() {
    return this.query.toLowerCase().split(/\s+/).filter(Boolean);
  }

  get filtered() {
    const terms = this.terms;
    return terms.length
      ? this.items.filter((row) => terms.every((t) => row.haystack.includes(t)))
      : this.items;
  }

  get lastPage() {
    return Math.max(0, Math.ceil(this.filtered.length / this.rowsPerPage) - 1);
  }

  get pageRows() {
    const start = this.pageIndex * this.rowsPerPage;
    return this.filtered.slice(start, start + this.rowsPerPage).map((row) => ({
      ...row,
      actions: this.rowActions(row),
    }));
  }

  /** A row opens its prompt (to edit, or to view when read-only); an editable list can remove it too. */
  rowActions(row) {
    const open = {
      event: 'promptopen',
      text: this.readOnly ? LABEL_VIEW : LABEL_EDIT,
      label: formatLabel(this.readOnly ? LABEL_VIEW_ROW : LABEL_EDIT_ROW, row.number, row.title),
      className: 'slds-button uan-prompt-list__open',
    };
    const remove = {
      event: 'promptremove',
      text: LABEL_REMOVE,
      label: formatLabel(LABEL_REMOVE_ROW, row.number, row.title),
      className: 'slds-button slds-text-color_error slds-m-left_small uan-prompt-list__remove',
    };
    return this.readOnly ? [open] : [open, remove];
  }

  get hasRows() {
    return this.filtered.length > 0;
  }

  get hasPages() {
    return this.filtered.length > this.rowsPerPage;
  }

  get pageActions() {
    return [
      {
        name: 'previous',
        label: LABEL_PREVIOUS,
        disabled: this.pageIndex === 0,
        className: 'uan-prompt-list__previous',
      },
      {
        name: 'next',
        label: LABEL_NEXT,
        disabled: this.pageIndex >= this.lastPage,
        className: 'uan-prompt-list__next',
      },
    ];
  }

  get pageText() {
    return formatLabel(LABEL_PAGE, this.pageIndex + 1, this.lastPage + 1);
  }

  /** Read out politely on every search or page change. */
  get statusText() {
    const shown = this.filtered.length;
    if (!shown) {
      return formatLabel(LABEL_NO_MATCH, this.query.trim());
    }
    const from = this.pageIndex * this.rowsPerPage + 1;
    const to = Math.min(shown, from + this.rowsPerPage - 1);
    return this.terms.length
      ? formatLabel(LABEL_RANGE_FILTERED, from, to, shown, this.items.length)
      : formatLabel(LABEL_RANGE, from, to, shown);
  }

  handleSearch(event) {
    this.query = event.detail?.value ?? event.target.value ?? '';
    this.pageIndex = 0;
  }

  handlePage(event) {
    const step = event.detail.name === 'next' ? 1 : -1;
    this.pageIndex = Math.min(this.lastPage, Math.max(0, this.pageIndex + step));
  }

  handleRowAction(event) {
    const { event: name, uid, index } = event.currentTarget.dataset;
    this.dispatchEvent(new CustomEvent(name, { detail: { uid, index: Number(index) } }));
  }
}

function toRow(prompt, index) {
  const targeting = prompt?.targeting ?? {};
  const industries = targeting.industries ?? [];
  const phases = (targeting.phases ?? []).map((phase) => PHASE_LABELS[phase] ?? phase);
  const stages = targeting.stages ?? [];
  const title = prompt?.title ?? '';
  const key = prompt?.key ?? '';
  return {
    uid: prompt?.uid ?? `row${index}`,
    index,
    number: index + 1,
    key,
    title,
    industries: industries.length ? industries.join(', ') : LABEL_ANY,
    // a stage list overrides the phases when the panel picks prompts
    phases: stages.length || phases.length ? [...phases, ...stages].join(', ') : LABEL_ANY,
    expires: prompt?.expiresOn ? formatDate(prompt.expiresOn) : '',
    haystack: [title, key, ...industries, ...(targeting.phases ?? []), ...phases, ...stages]
      .join(' ')
      .toLowerCase(),
  };
}
