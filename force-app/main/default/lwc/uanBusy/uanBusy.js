import { LightningElement, api } from 'lwc';

/** A spinner in a box of its own, saying what is being waited for; the owner's class gives the box its height. */
export default class UanBusy extends LightningElement {
  /** What the spinner tells assistive technology. */
  @api label;
  @api size = 'small';
}
