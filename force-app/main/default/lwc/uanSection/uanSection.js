import { LightningElement, api } from 'lwc';

/**
 * A titled part of a page: its heading names the section for assistive technology, and when its owner says
 * there is nothing to show it says so below the (then empty) content.
 */
export default class UanSection extends LightningElement {
  @api heading;

  /** Whether the owner has something to show; the owner leaves its content out when it has not. */
  @api hasContent = false;

  @api emptyText;

  get isEmpty() {
    return !this.hasContent;
  }
}
