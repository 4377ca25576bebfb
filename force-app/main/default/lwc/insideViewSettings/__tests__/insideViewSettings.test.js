import { createElement } from '@lwc/engine-dom';
import InsideViewSettings from 'c/insideViewSettings';
import saveSettings from '@salesforce/apex/UpAtNightSettingsController.saveSettings';
import { flushPromises } from 'uan-test/flushPromises';

const mockSettings = require('../../promptSetManager/__tests__/data/getSettings.json');

function createSettings(settings = mockSettings) {
  const element = createElement('c-inside-view-settings', { is: InsideViewSettings });
  element.settings = settings;
  document.body.appendChild(element);
  return element;
}

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

function typeMonths(element, value, valid = true) {
  const input = $(element, 'lightning-input');
  input.reportValidity = jest.fn(() => valid);
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  return input;
}

describe('c-inside-view-settings', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it("shows the tenant's stale age, bounded to whole months from 1 to 120, and saves only once changed", async () => {
    const element = createSettings();
    const input = $(element, 'lightning-input');
    expect(input.value).toBe(12);
    expect([input.min, input.max, input.step, input.required]).toEqual(['1', '120', '1', true]);
    expect($(element, 'c-uan-settings-tab').saveDisabled).toBe(true);

    typeMonths(element, '6');
    await flushPromises();
    expect($(element, 'c-uan-settings-tab').saveDisabled).toBe(false);
  });

  it('shows settings the page hands on after another tab saved, leaving nothing unsaved', async () => {
    const element = createSettings();
    typeMonths(element, '6');
    await flushPromises();
    element.settings = { ...mockSettings, insideViewStaleMonths: 18 };
    await flushPromises();

    expect(element.settings.insideViewStaleMonths).toBe(18);
    expect($(element, 'lightning-input').value).toBe(18);
    expect($(element, 'c-uan-settings-tab').saveDisabled).toBe(true);
  });

  it('sends only the stale age, as a number, and hands the saved settings on', async () => {
    saveSettings.mockResolvedValue({ ...mockSettings, insideViewStaleMonths: 6 });
    const element = createSettings();
    const changed = jest.fn();
    element.addEventListener('settingschange', changed);
    typeMonths(element, '6');
    await flushPromises();
    $(element, 'c-uan-settings-tab').dispatchEvent(new CustomEvent('save'));
    await flushPromises();

    expect(saveSettings).toHaveBeenCalledWith({ settings: { insideViewStaleMonths: 6 } });
    expect(changed.mock.calls[0][0].detail.insideViewStaleMonths).toBe(6);
    expect($(element, 'lightning-input').value).toBe(6);
    expect($(element, 'c-uan-settings-tab').saveDisabled).toBe(true);
  });

  it('does not send a value the field marks invalid', async () => {
    const element = createSettings();
    const input = typeMonths(element, '0', false);
    await flushPromises();
    $(element, 'c-uan-settings-tab').dispatchEvent(new CustomEvent('save'));
    await flushPromises();
    expect(input.reportValidity).toHaveBeenCalled();
    expect(saveSettings).not.toHaveBeenCalled();
  });

  it("shows the service's refusal and keeps what was typed", async () => {
    saveSettings.mockRejectedValue({ body: { message: 'insideViewStaleMonths: too big' } });
    const element = createSettings();
    typeMonths(element, '60');
    await flushPromises();
    $(element, 'c-uan-settings-tab').dispatchEvent(new CustomEvent('save'));
    await flushPromises();
    const tab = $(element, 'c-uan-settings-tab');
    expect(tab.error).toEqual({ body: { message: 'insideViewStaleMonths: too big' } });
    expect(tab.errorMessage).toBe('c.UAN_Memory_SaveError');
    expect($(element, 'lightning-input').value).toBe('60');
    await expect(element).toBeAccessible();
  });
});
