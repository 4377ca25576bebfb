import { LightningElement, api } from 'lwc';

const OWN_KEYS = ['name', 'multiline', 'reportOnBlur', 'cellClass'];

/**
 * Form fields from a list, each a lightning-input (or a lightning-textarea when `multiline`) in a cell of
 * a grid. Typing fires `fieldchange` with the field's name, the value and the input (for the owner's own
 * validity checks); a field with `reportOnBlur` shows its error as soon as the user leaves it. Rendered
 * in light DOM, so the inputs stay part of the owner's page: the owner finds them by `data-field`.
 */
export default class UanFields extends LightningElement {
  static renderMode = 'light';

  /**
   * [{name, multiline?, reportOnBlur?, cellClass?, ...the input's own properties (label, value, type, required,
   * maxLength, placeholder, fieldLevelHelp, pattern, min, disabled, className...)}], in the order shown.
   */
  @api fields = [];

  /** The SLDS grid classes of the row; the fields' cellClass sizes their cells. */
  @api gridClass = 'slds-grid slds-wrap slds-gutters_x-small';

  get cells() {
    return (this.fields ?? []).map((field) => {
      // what is this component's to read stays off the input
      const input = { ...field };
      OWN_KEYS.forEach((key) => delete input[key]);
      return {
        name: field.name,
        multiline: Boolean(field.multiline),
        cellClass: field.cellClass ?? 'slds-col',
        input,
      };
    });
  }

  handleChange(event) {
    const input = event.target;
    const value = event.detail?.value ?? input.value ?? '';
    this.dispatchEvent(
      new CustomEvent('fieldchange', { detail: { name: input.dataset.field, value, input } }),
    );
  }

  handleBlur(event) {
    const input = event.target;
    if (this.fields.find((field) => field.name === input.dataset.field)?.reportOnBlur) {
      input.reportValidity();
    }
  }
}
