import PromptList from 'c/promptList';
import { flushPromises } from 'uan-test/flushPromises';
import { render } from 'uan-test/render';

const mockVersion = require('uan-test/fixtures/getPromptSetVersion.json');

/** The fixture's prompts with uids, or `count` of them cycling through the fixture (a library-sized draft). */
function prompts(count = mockVersion.prompts.length) {
  return Array.from({ length: count }, (_, i) => {
    const base = mockVersion.prompts[i % mockVersion.prompts.length];
    const suffix = count > mockVersion.prompts.length ? ` ${i + 1}` : '';
    return {
      ...base,
      uid: `u${i}`,
      key: `${base.key}${suffix.replace(' ', '-')}`,
      title: `${base.title}${suffix}`,
    };
  });
}

function createList(props) {
  return render('c-prompt-list', PromptList, props);
}

const rowsOf = (element) => [...element.shadowRoot.querySelectorAll('.uan-prompt-list__row')];
const cells = (row) => [...row.children].map((cell) => cell.textContent.trim());
const $ = (element, selector) => element.shadowRoot.querySelector(selector);

async function search(element, value) {
  const input = $(element, '.uan-prompt-list__search');
  input.value = value;
  input.dispatchEvent(new CustomEvent('change', { detail: { value } }));
  await flushPromises();
}

describe('c-prompt-list', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows number, key, title, industries, phases or stages and expiry for each prompt', async () => {
    const element = await createList({ prompts: prompts() });
    const rows = rowsOf(element);
    expect(rows).toHaveLength(3);
    expect(cells(rows[0]).slice(0, 5)).toEqual([
      '1',
      'healthcare-early-prior-auth-apis',
      'Prior authorization is going electronic',
      'Healthcare',
      'c.UAN_Phase_Early',
    ]);
    expect(cells(rows[0])[5]).toMatch(/2027/);
    expect(rows[0].querySelector('th[scope="row"]').textContent).toBe(
      'Prior authorization is going electronic',
    );
    expect(cells(rows[1])[3]).toBe('Banking, Finance');
    // no industries means any; a stage list is shown where phases would be
    expect(cells(rows[2]).slice(3, 6)).toEqual(['c.UAN_PromptList_Any', 'Negotiation/Review', '']);
    expect($(element, '.uan-prompt-list__status').textContent.trim()).toBe('c.UAN_PromptList_Range');
    expect($(element, '.uan-prompt-list__pager')).toBeNull();
  });

  it('offers Edit and Remove on drafts and only View on read-only versions', async () => {
    const element = await createList({ prompts: prompts() });
    const open = jest.fn();
    const remove = jest.fn();
    element.addEventListener('promptopen', open);
    element.addEventListener('promptremove', remove);
    const row = rowsOf(element)[1];
    expect(row.querySelector('.uan-prompt-list__open').textContent.trim()).toBe('c.UAN_PromptList_Edit');
    expect(row.querySelector('.uan-prompt-list__open').getAttribute('aria-label')).toBe(
      'c.UAN_PromptList_EditRow',
    );
    row.querySelector('.uan-prompt-list__open').click();
    row.querySelector('.uan-prompt-list__remove').click();
    expect(open.mock.calls[0][0].detail).toEqual({ uid: 'u1', index: 1 });
    expect(remove.mock.calls[0][0].detail).toEqual({ uid: 'u1', index: 1 });

    element.readOnly = true;
    await flushPromises();
    expect(element.shadowRoot.querySelector('.uan-prompt-list__remove')).toBeNull();
    expect(rowsOf(element)[0].querySelector('.uan-prompt-list__open').textContent.trim()).toBe(
      'c.UAN_PromptList_View',
    );
  });

  it('renders a library-sized version 25 rows at a time and pages through it', async () => {
    const element = await createList({ prompts: prompts(106) });
    expect(rowsOf(element)).toHaveLength(25);
    expect($(element, '.uan-prompt-list__page').textContent.trim()).toBe('c.UAN_PromptList_Page');
    expect($(element, '.uan-prompt-list__previous').disabled).toBe(true);

    for (let page = 1; page < 5; page++) {
      $(element, '.uan-prompt-list__next').click();
      // eslint-disable-next-line no-await-in-loop -- each page renders before the next click
      await flushPromises();
    }
    const last = rowsOf(element);
    expect(last).toHaveLength(6);
    expect(cells(last[0])[0]).toBe('101');
    expect($(element, '.uan-prompt-list__next').disabled).toBe(true);

    $(element, '.uan-prompt-list__previous').click();
    await flushPromises();
    expect(cells(rowsOf(element)[0])[0]).toBe('76');
  });

  it('filters by title, key, industry, phase or stage; every word must match', async () => {
    const element = await createList({ prompts: prompts(106) });
    $(element, '.uan-prompt-list__next').click();
    await flushPromises();

    await search(element, 'BANKING');
    let rows = rowsOf(element);
    // 35 of the 106 are banking prompts: the search starts again at page 1
    expect(rows).toHaveLength(25);
    expect(rows.every((r) => cells(r)[3] === 'Banking, Finance')).toBe(true);
    expect(cells(rows[0])[0]).toBe('2');
    expect($(element, '.uan-prompt-list__status').textContent.trim()).toBe('c.UAN_PromptList_RangeFiltered');

    await search(element, 'early healthcare');
    expect(rowsOf(element)).toHaveLength(25);
    $(element, '.uan-prompt-list__next').click();
    await flushPromises();
    rows = rowsOf(element);
    // 36 early healthcare prompts: the second page holds the last 11
    expect(rows).toHaveLength(11);
    expect(rows.every((r) => cells(r)[1].startsWith('healthcare-early'))).toBe(true);

    await search(element, 'negotiation');
    expect(rowsOf(element).every((r) => cells(r)[4] === 'Negotiation/Review')).toBe(true);

    await search(element, 'prior AUTHORIZATION 10');
    expect(rowsOf(element).map((r) => cells(r)[2])).toEqual(
      [10, 100, 103, 106].map((n) => `Prior authorization is going electronic ${n}`),
    );

    await search(element, 'retail');
    expect(rowsOf(element)).toHaveLength(0);
    expect($(element, '.uan-prompt-list__status').textContent.trim()).toBe('c.UAN_PromptList_NoMatch');
  });

  it('moves focus to a row, turning to its page first', async () => {
    const element = await createList({ prompts: prompts(106) });
    element.focusRow(60);
    await flushPromises();
    const button = element.shadowRoot.activeElement;
    expect(button.dataset.index).toBe('60');
    expect(cells(rowsOf(element)[0])[0]).toBe('51');
  });

  it('keeps the page within the list when prompts are removed', async () => {
    const element = await createList({ prompts: prompts(30) });
    $(element, '.uan-prompt-list__next').click();
    await flushPromises();
    expect(rowsOf(element)).toHaveLength(5);
    element.prompts = prompts(30).slice(0, 20);
    await flushPromises();
    expect(rowsOf(element)).toHaveLength(20);
    expect($(element, '.uan-prompt-list__pager')).toBeNull();
  });
});
