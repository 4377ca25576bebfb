import { saveSettingsChange } from 'c/uanSettings';
import saveSettings from '@salesforce/apex/UpAtNightSettingsController.saveSettings';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';

describe('c/uanSettings saveSettingsChange', () => {
  afterEach(() => jest.clearAllMocks());

  it('sends only the change, then says so and tells the page what the service stored', async () => {
    const stored = { insideViewStaleMonths: 6, weights: { overall: 1 } };
    saveSettings.mockResolvedValue(JSON.stringify(stored));
    const tab = document.createElement('div');
    const toast = jest.fn();
    const changed = jest.fn();
    tab.addEventListener(ShowToastEventName, toast);
    tab.addEventListener('settingschange', changed);

    await expect(saveSettingsChange(tab, { insideViewStaleMonths: 6 }, 'Saved')).resolves.toEqual(stored);
    expect(saveSettings).toHaveBeenCalledWith({ settings: { insideViewStaleMonths: 6 } });
    expect(toast.mock.calls[0][0].detail).toMatchObject({ title: 'Saved', variant: 'success' });
    expect(changed.mock.calls[0][0].detail).toEqual(stored);
  });

  it('tells nobody when the service refuses the change', async () => {
    saveSettings.mockRejectedValue(new Error('refused'));
    const tab = document.createElement('div');
    const changed = jest.fn();
    tab.addEventListener('settingschange', changed);
    await expect(saveSettingsChange(tab, { weights: {} }, 'Saved')).rejects.toThrow('refused');
    expect(changed).not.toHaveBeenCalled();
  });
});
