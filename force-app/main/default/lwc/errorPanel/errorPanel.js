import { LightningElement, api } from 'lwc';
import { reduceErrors } from 'c/ldsUtils';
import LABEL_GENERIC from '@salesforce/label/c.UAN_Error_Generic';
import LABEL_SHOW_DETAILS from '@salesforce/label/c.UAN_Error_ShowDetails';
import LABEL_HIDE_DETAILS from '@salesforce/label/c.UAN_Error_HideDetails';

/**
 * The one place errors are shown: a friendly sentence, with the underlying messages one click away.
 */
export default class ErrorPanel extends LightningElement {
  /** One error or a list (Apex, LDS, fetch or JS errors). */
  @api errors;
  /** What the user was trying to do, in their words. */
  @api friendlyMessage = LABEL_GENERIC;

  showDetails = false;

  get messages() {
    return reduceErrors(this.errors).map((text, index) => ({ key: `${index}`, text }));
  }

  get hasMessages() {
    return this.messages.length > 0;
  }

  get toggleLabel() {
    return this.showDetails ? LABEL_HIDE_DETAILS : LABEL_SHOW_DETAILS;
  }

  handleToggle() {
    this.showDetails = !this.showDetails;
  }
}
