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
