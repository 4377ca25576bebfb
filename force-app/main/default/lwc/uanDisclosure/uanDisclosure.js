import { LightningElement, api } from 'lwc';

/**
 * A button that shows and hides a region below it (the owner's content, default slot), with the ARIA
 * disclosure pattern: aria-expanded on the button, aria-controls naming the region. The owner holds the
 * state: a click fires `toggle`, and the owner sets `expanded`. Rendered in light DOM, so the button and
 * the region stay part of the owner's page.
 */
export default class UanDisclosure extends LightningElement {
  static renderMode = 'light';

  /** The button's text. */
  @api label;
  @api expanded = false;
  /** The region's id: unique in the owner's page (the owner may list many). */
  @api regionId;
  /** Classes beyond slds-button, e.g. a variant, spacing, and the owner's hook. */
  @api buttonClass = '';
  @api regionClass = '';
  /** Leads the text with a chevron that points down while the region is shown. */
  @api chevron = false;
  /** While the region's content loads: true or false; left out when the owner does not say. */
  @api busy;

  get buttonClasses() {
    return `slds-button ${this.buttonClass ?? ''}`.trim();
  }

  get ariaExpanded() {
    return this.expanded ? 'true' : 'false';
  }

  get collapsed() {
    return !this.expanded;
  }

  get chevronIcon() {
    return this.expanded ? 'utility:chevrondown' : 'utility:chevronright';
  }

  get ariaBusy() {
    return this.busy === undefined ? undefined : String(Boolean(this.busy));
  }

  handleClick() {
    this.dispatchEvent(new CustomEvent('toggle'));
  }
}
