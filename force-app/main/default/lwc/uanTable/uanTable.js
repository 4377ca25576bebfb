import { LightningElement, api } from 'lwc';

/**
 * The one table of the app's numbers: a caption, column headings, and rows whose first cell heads the row.
 * That first cell is text, a button (a drill-down) or a link (a record); another cell may end in a button
 * of its own. Choosing either fires `rowaction` with its value, so the owner decides what happens.
 */
export default class UanTable extends LightningElement {
  /** What the table shows, read out before it. */
  @api caption;

  /** Leaves the caption to assistive technology, for a table whose heading already says what it shows. */
  @api captionHidden = false;

  /** [{key, label}], the first one heading the row headers. */
  @api columns = [];

  /**
   * [{key, className?, header: {text, value?, href?, title?, className?}, cells: [{key, text, className?, action?}]}];
   * a header with a value is a button, with an href also a link; a cell's action is
   * {label, value, title?, className?, disabled?}.
   */
  @api rows = [];

  /** SLDS table modifiers beyond the bordered default, e.g. slds-table_striped. */
  @api tableClass = '';

  get tableClasses() {
    return `slds-table slds-table_bordered slds-table_cell-buffer ${this.tableClass}`.trim();
  }

  get captionClasses() {
    return this.captionHidden ? 'slds-assistive-text' : 'slds-text-title slds-p-vertical_x-small';
  }

  get viewRows() {
    return (this.rows ?? []).map((row) => ({
      ...row,
      isLink: Boolean(row.header.href),
      isButton: !row.header.href && row.header.value !== undefined,
    }));
  }

  handleAction(event) {
    event.preventDefault();
    this.dispatchEvent(
      new CustomEvent('rowaction', { detail: { value: event.currentTarget.dataset.value } }),
    );
  }
}
