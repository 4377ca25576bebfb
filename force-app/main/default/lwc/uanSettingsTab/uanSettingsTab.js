import { LightningElement, api } from 'lwc';

/**
 * The frame of a tab of the tenant's settings: heading, what the settings do, the last error, the owner's
 * fields (default slot), a save button that fires `save`, and anything that follows it (slot "after").
 */
export default class UanSettingsTab extends LightningElement {
  /** {heading, intro, save}: the owner's own labels, which carry these among others. */
  @api labels = {};
  @api saveDisabled = false;

  /** The last failure, and what to say about it. */
  @api error;
  @api errorMessage;

  get saveActions() {
    return [
      {
        name: 'save',
        variant: 'brand',
        label: this.labels?.save,
        disabled: this.saveDisabled,
        className: 'uan-settings__save',
      },
    ];
  }

  handleSave() {
    this.dispatchEvent(new CustomEvent('save'));
  }
}
