import { LightningElement, api } from 'lwc';

/**
 * A row of buttons from a list, so an owner says which actions it offers and what each does, not how a
 * button is written. Choosing one fires `action` with its name; the owner's handler decides what happens.
 * Rendered in light DOM: the buttons stay part of the owner's page, for its focus handling and its tests.
 */
export default class UanActions extends LightningElement {
  static renderMode = 'light';

  /** [{name, label, variant?, iconName?, title?, disabled?, className?}], in the order shown. */
  @api actions = [];

  get buttons() {
    return (this.actions ?? []).map((action) => ({
      ...action,
      className: `slds-button-group-item ${action.className ?? ''}`.trim(),
    }));
  }

  handleClick(event) {
    this.dispatchEvent(new CustomEvent('action', { detail: { name: event.currentTarget.dataset.name } }));
  }
}
