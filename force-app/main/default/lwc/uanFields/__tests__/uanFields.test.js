import UanFields from 'c/uanFields';
import { render, resetDom } from 'uan-test/render';

const fields = [
  {
    name: 'title',
    label: 'Title',
    value: 'Staffing',
    required: true,
    maxLength: 120,
    reportOnBlur: true,
    cellClass: 'slds-col x-wide',
  },
  { name: 'notes', multiline: true, label: 'Notes', value: '', disabled: true, className: 'x-notes' },
];

// light DOM: the inputs are the element's own children
const $ = (element, selector) => element.querySelector(selector);

describe('c-uan-fields', () => {
  afterEach(resetDom);

  it('shows an input per field, a textarea where it is multiline, with the field properties', async () => {
    const element = await render('c-uan-fields', UanFields, { fields });
    const title = $(element, 'lightning-input[data-field="title"]');
    const notes = $(element, 'lightning-textarea[data-field="notes"]');
    expect(element.shadowRoot).toBeNull();
    expect([title.label, title.value, title.required, title.maxLength]).toEqual([
      'Title',
      'Staffing',
      true,
      120,
    ]);
    expect(title.parentElement.className).toBe('slds-col x-wide');
    expect([notes.label, notes.disabled]).toEqual(['Notes', true]);
    expect(notes.classList).toContain('x-notes');
    expect(notes.parentElement.className).toBe('slds-col');
    expect($(element, 'lightning-input[data-field="notes"]')).toBeNull();
    expect(title.reportOnBlur).toBeUndefined();
  });

  it('reports a change with the name of the field, the value and its input', async () => {
    const element = await render('c-uan-fields', UanFields, { fields });
    const changed = jest.fn();
    element.addEventListener('fieldchange', changed);
    const title = $(element, '[data-field="title"]');
    title.dispatchEvent(new CustomEvent('change', { detail: { value: 'Payers' } }));
    expect(changed.mock.calls[0][0].detail).toEqual({ name: 'title', value: 'Payers', input: title });
  });

  it('shows the error of a field that asks for it as soon as the user leaves it, and only there', async () => {
    const element = await render('c-uan-fields', UanFields, { fields });
    const title = $(element, '[data-field="title"]');
    const notes = $(element, '[data-field="notes"]');
    title.reportValidity = jest.fn();
    notes.reportValidity = jest.fn();
    title.dispatchEvent(new CustomEvent('blur'));
    notes.dispatchEvent(new CustomEvent('blur'));
    expect(title.reportValidity).toHaveBeenCalled();
    expect(notes.reportValidity).not.toHaveBeenCalled();
  });

  it('is accessible', async () => {
    const element = await render('c-uan-fields', UanFields, { fields });
    await expect(element).toBeAccessible();
  });
});
