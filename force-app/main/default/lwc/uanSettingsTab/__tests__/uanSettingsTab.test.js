import UanSettingsTab from 'c/uanSettingsTab';
import { flushPromises } from 'uan-test/flushPromises';
import { render, resetDom } from 'uan-test/render';

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

const props = { labels: { heading: 'Memory', intro: 'How long entries stay current', save: 'Save' } };

describe('c-uan-settings-tab', () => {
  afterEach(resetDom);

  it('names its section by its heading, says what the settings do and fires save', async () => {
    const element = await render('c-uan-settings-tab', UanSettingsTab, props);
    const heading = $(element, 'h3');
    expect(heading.textContent).toBe('Memory');
    expect($(element, 'section').getAttribute('aria-labelledby')).toBe(heading.id);
    expect($(element, 'p').textContent).toBe('How long entries stay current');
    expect($(element, 'c-error-panel')).toBeNull();
    const save = jest.fn();
    element.addEventListener('save', save);
    const button = $(element, '.uan-settings__save');
    expect(button.label).toBe('Save');
    button.click();
    expect(save).toHaveBeenCalledTimes(1);
  });

  it('shows the last error and keeps save off while told to', async () => {
    const element = await render('c-uan-settings-tab', UanSettingsTab, {
      ...props,
      saveDisabled: true,
      error: { body: { message: 'refused' } },
      errorMessage: 'Could not save',
    });
    expect($(element, '.uan-settings__save').disabled).toBe(true);
    expect($(element, 'c-error-panel').friendlyMessage).toBe('Could not save');
    element.error = undefined;
    await flushPromises();
    expect($(element, 'c-error-panel')).toBeNull();
  });

  it('is accessible', async () => {
    const element = await render('c-uan-settings-tab', UanSettingsTab, props);
    await expect(element).toBeAccessible();
  });
});
