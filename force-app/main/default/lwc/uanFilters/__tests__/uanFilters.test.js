import UanFilters from 'c/uanFilters';
import { render, resetDom } from 'uan-test/render';

const filters = [
  {
    name: 'range',
    label: 'Period',
    options: [{ label: '30 days', value: '30' }],
    value: '30',
    className: 'x-range',
  },
  { name: 'bucket', label: 'Group by', options: [], value: 'week', disabled: true },
];

// light DOM: the picklists are the element's own children
const pickers = (element) => [...element.querySelectorAll('lightning-combobox')];

describe('c-uan-filters', () => {
  afterEach(resetDom);

  it('shows a picklist per filter, in order, in cells of the given width', async () => {
    const element = await render('c-uan-filters', UanFilters, {
      filters,
      cellClass: 'slds-col slds-size_1-of-2',
    });
    const [range, bucket] = pickers(element);
    expect(element.shadowRoot).toBeNull();
    expect([range.label, range.value, range.options]).toEqual(['Period', '30', filters[0].options]);
    expect(range.classList).toContain('x-range');
    expect([bucket.label, bucket.value, bucket.disabled]).toEqual(['Group by', 'week', true]);
    expect(range.parentElement.className).toBe('slds-col slds-size_1-of-2');
  });

  it('fires filterchange with the name of the filter and the value chosen', async () => {
    const element = await render('c-uan-filters', UanFilters, { filters });
    const changed = jest.fn();
    element.addEventListener('filterchange', changed);
    pickers(element)[1].dispatchEvent(new CustomEvent('change', { detail: { value: 'month' } }));
    expect(changed.mock.calls[0][0].detail).toEqual({ name: 'bucket', value: 'month' });
  });

  it('is accessible', async () => {
    const element = await render('c-uan-filters', UanFilters, { filters });
    await expect(element).toBeAccessible();
  });
});
