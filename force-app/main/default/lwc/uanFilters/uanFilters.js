import { LightningElement, api } from 'lwc';

/**
 * A row of picklists that narrow what a page shows, from a list; a choice fires `filterchange` with the
 * filter's name and the value chosen. Rendered in light DOM, so the picklists stay part of the owner's page.
 */
export default class UanFilters extends LightningElement {
  static renderMode = 'light';

  /** [{name, label, options, value, disabled?, className?}], in the order shown. */
  @api filters = [];

  /** The SLDS grid classes of each filter's cell: how wide it is at each screen size. */
  @api cellClass = 'slds-col';

  handleChange(event) {
    const name = event.currentTarget.dataset.name;
    const value = event.detail?.value ?? event.target.value ?? '';
    this.dispatchEvent(new CustomEvent('filterchange', { detail: { name, value } }));
  }
}
