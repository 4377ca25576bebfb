import { LightningElement } from 'lwc';
import { SettingsTabMixin, saveSettingsChange } from 'c/uanSettings';
import LABEL_HEADING from '@salesforce/label/c.UAN_Memory_Heading';
import LABEL_INTRO from '@salesforce/label/c.UAN_Memory_Intro';
import LABEL_MONTHS from '@salesforce/label/c.UAN_Memory_Months';
import LABEL_RANGE from '@salesforce/label/c.UAN_Memory_Range';
import LABEL_SAVE from '@salesforce/label/c.UAN_Memory_Save';
import LABEL_SAVED from '@salesforce/label/c.UAN_Memory_Saved';
import LABEL_SAVE_ERROR from '@salesforce/label/c.UAN_Memory_SaveError';

/**
 * How long the account's memory stays current: inside-view entries older than this many months are
 * marked stale on the panel and left out of pre-call briefs. Sales ops set it for the tenant.
 */
export default class InsideViewSettings extends SettingsTabMixin(LightningElement) {
  labels = {
    heading: LABEL_HEADING,
    intro: LABEL_INTRO,
    months: LABEL_MONTHS,
    range: LABEL_RANGE,
    save: LABEL_SAVE,
    saveError: LABEL_SAVE_ERROR,
  };
  months;
  saving = false;
  error;

  showSettings(value) {
    this.months = value?.insideViewStaleMonths;
  }

  get saveDisabled() {
    return !this.dirty || this.saving;
  }

  handleMonths(event) {
    this.months = event.detail?.value ?? event.target.value;
    this.dirty = true;
  }

  async handleSave() {
    const input = this.template.querySelector('lightning-input');
    if (!input.reportValidity()) {
      return;
    }
    this.saving = true;
    this.error = undefined;
    try {
      const saved = await saveSettingsChange(
        this,
        { insideViewStaleMonths: Number(this.months) },
        LABEL_SAVED,
      );
      this.current = saved;
      this.months = saved?.insideViewStaleMonths;
      this.dirty = false;
    } catch (error) {
      this.error = error;
    } finally {
      this.saving = false;
    }
  }
}
