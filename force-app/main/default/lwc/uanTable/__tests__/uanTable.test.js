import { createElement } from '@lwc/engine-dom';
import UanTable from 'c/uanTable';
import { flushPromises } from 'uan-test/flushPromises';

const COLUMNS = [
  { key: 'name', label: 'Rep' },
  { key: 'notes', label: 'Notes' },
];

async function createTable(rows) {
  const element = createElement('c-uan-table', { is: UanTable });
  Object.assign(element, { caption: 'Reps and their notes', columns: COLUMNS, rows, tableClass: 'x-reps' });
  document.body.appendChild(element);
  await flushPromises();
  return element;
}

describe('c-uan-table', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('renders a captioned table whose first cell heads each row', async () => {
    const element = await createTable([
      { key: 'a', header: { text: 'Dana' }, cells: [{ key: 'n', text: '20', className: 'x-count' }] },
    ]);
    const table = element.shadowRoot.querySelector('table.x-reps');
    expect(table.querySelector('caption').textContent.trim()).toBe('Reps and their notes');
    expect([...table.querySelectorAll('thead th')].map((th) => th.textContent)).toEqual(['Rep', 'Notes']);
    expect(table.querySelector('tbody th[scope="row"]').textContent).toBe('Dana');
    expect(table.querySelector('tbody td.x-count').textContent).toBe('20');
    expect(table.querySelector('button')).toBeNull();
  });

  it('marks rows with their class and can leave the caption to assistive technology', async () => {
    const element = await createTable([
      { key: 'a', className: 'x-row', header: { text: 'Dana' }, cells: [{ key: 'n', text: '20' }] },
    ]);
    const caption = element.shadowRoot.querySelector('caption');
    expect(caption.className).not.toContain('slds-assistive-text');
    element.captionHidden = true;
    await flushPromises();
    expect(caption.className).toBe('slds-assistive-text');
    expect(element.shadowRoot.querySelector('tbody tr.x-row th').textContent).toBe('Dana');
  });

  it('fires rowaction with the value of a button or a link header, and keeps the link from navigating', async () => {
    const element = await createTable([
      { key: 'a', header: { text: 'Dana', value: '005A', title: 'Notes by Dana' }, cells: [] },
      {
        key: 'b',
        header: { text: 'Deal', value: '006B', href: '/lightning/r/Opportunity/006B/view' },
        cells: [],
      },
    ]);
    const handler = jest.fn();
    element.addEventListener('rowaction', handler);
    const button = element.shadowRoot.querySelector('.uan-table__button');
    expect(button.title).toBe('Notes by Dana');
    button.click();
    const link = element.shadowRoot.querySelector('.uan-table__link');
    const click = new MouseEvent('click', { bubbles: true, cancelable: true });
    link.dispatchEvent(click);
    expect(handler.mock.calls.map(([event]) => event.detail)).toEqual([{ value: '005A' }, { value: '006B' }]);
    expect(click.defaultPrevented).toBe(true);
  });

  it("fires rowaction with the value of a cell's own button, which its owner can disable", async () => {
    const action = { label: 'Promote', title: 'Promote Dana', value: '3', className: 'x-promote' };
    const element = await createTable([
      { key: 'a', header: { text: 'Dana' }, cells: [{ key: 'n', text: 'Not yet', action }] },
      {
        key: 'b',
        header: { text: 'Lee' },
        cells: [{ key: 'n', text: 'Done', action: { ...action, disabled: true } }],
      },
    ]);
    const handler = jest.fn();
    element.addEventListener('rowaction', handler);
    const [first, second] = element.shadowRoot.querySelectorAll('td .x-promote');
    expect([first.label, first.title, first.disabled]).toEqual(['Promote', 'Promote Dana', undefined]);
    expect(second.disabled).toBe(true);
    first.click();
    expect(handler.mock.calls.map(([event]) => event.detail)).toEqual([{ value: '3' }]);
  });

  it('is accessible', async () => {
    const element = await createTable([
      {
        key: 'a',
        header: { text: 'Dana', value: '005A', title: 'Notes by Dana' },
        cells: [{ key: 'n', text: '1' }],
      },
    ]);
    await expect(element).toBeAccessible();
  });
});
