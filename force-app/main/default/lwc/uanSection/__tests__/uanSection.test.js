import UanSection from 'c/uanSection';
import { render, resetDom } from 'uan-test/render';

const $ = (element, selector) => element.shadowRoot.querySelector(selector);

describe('c-uan-section', () => {
  afterEach(resetDom);

  it('names its section by its heading and shows its content', async () => {
    const element = await render('c-uan-section', UanSection, {
      heading: 'Reps',
      hasContent: true,
      emptyText: 'No data',
    });
    const heading = $(element, 'h3');
    expect(heading.textContent).toBe('Reps');
    expect($(element, 'section').getAttribute('aria-labelledby')).toBe(heading.id);
    expect($(element, 'slot')).not.toBeNull();
    expect(element.shadowRoot.textContent).not.toContain('No data');
  });

  it('says it is empty when its owner has nothing to show', async () => {
    const element = await render('c-uan-section', UanSection, {
      heading: 'Reps',
      emptyText: 'No data',
    });
    expect($(element, 'p').textContent).toBe('No data');
  });

  it('says the period has no data when its owner names no empty text', async () => {
    const element = await render('c-uan-section', UanSection, { heading: 'Reps' });
    expect($(element, 'p').textContent).toBe('c.UAN_Dash_NoData');
  });

  it('is accessible', async () => {
    const element = await render('c-uan-section', UanSection, {
      heading: 'Reps',
      hasContent: true,
      emptyText: 'No data',
    });
    await expect(element).toBeAccessible();
  });
});
