import { LightningElement, api } from 'lwc';
import LABEL_NO_DATA from '@salesforce/label/c.UAN_Dash_NoData';

/**
 * A titled part of a page: its heading names the section for assistive technology, and when its owner says
 * there is nothing to show it says so below the (then empty) content.
 */
export default class UanSection extends LightningElement {
  @api heading;

  /** Whether the owner has something to show; the owner leaves its content out when it has not. */
  @api hasContent = false;

  /** What to say when there is nothing to show; by default, that the period has no data yet. */
  @api emptyText = LABEL_NO_DATA;

  get isEmpty() {
    return !this.hasContent;
  }
}
