import { api } from 'lwc';
import { ShowToastEvent } from 'lightning/platformShowToastEvent';
import saveSettings from '@salesforce/apex/UpAtNightSettingsController.saveSettings';
import { parseJson } from 'c/uanFormat';

/**
 * Saves one settings tab's change to the tenant's settings; on success the tab says so and tells the page
 * (`settingschange` with the service's settings) so every tab shows what was stored. The service's settings
 * schema is strict: `changes` holds only what the tab changes. Returns the service's settings.
 */
export async function saveSettingsChange(tab, changes, savedLabel) {
  const saved = parseJson(await saveSettings({ settings: changes }));
  tab.dispatchEvent(new ShowToastEvent({ title: savedLabel, variant: 'success' }));
  tab.dispatchEvent(new CustomEvent('settingschange', { detail: saved }));
  return saved;
}

/**
 * A settings tab: the service's settings arrive through `settings` (when the page loads them, and again
 * whenever a tab saves), fill the tab's fields through `showSettings`, and leave the tab with nothing unsaved.
 * A component takes it on by extending `SettingsTabMixin(LightningElement)`.
 */
export const SettingsTabMixin = (Base) =>
  class extends Base {
    current;
    dirty = false;

    /** The service's settings, of which each tab shows its own part. */
    @api
    get settings() {
      return this.current;
    }
    set settings(value) {
      this.current = value;
      this.dirty = false;
      this.showSettings(value);
    }

    /** Each tab fills its fields from the service's settings it is given here (undefined before they come). */
    showSettings() {}
  };
