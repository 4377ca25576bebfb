import UanBusy from 'c/uanBusy';
import { render, resetDom } from 'uan-test/render';

describe('c-uan-busy', () => {
  afterEach(resetDom);

  it('shows a small spinner that says what is being waited for', async () => {
    const element = await render('c-uan-busy', UanBusy, { label: 'Loading' });
    const spinner = element.shadowRoot.querySelector('lightning-spinner');
    expect(spinner.alternativeText).toBe('Loading');
    expect(spinner.size).toBe('small');
  });

  it('takes another size', async () => {
    const element = await render('c-uan-busy', UanBusy, { label: 'Loading', size: 'medium' });
    expect(element.shadowRoot.querySelector('lightning-spinner').size).toBe('medium');
  });

  it('is accessible', async () => {
    const element = await render('c-uan-busy', UanBusy, { label: 'Loading' });
    await expect(element).toBeAccessible();
  });
});
