import { createElement } from '@lwc/engine-dom';
import ErrorPanel from 'c/errorPanel';

describe('c-error-panel accessibility', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('is accessible collapsed and expanded', async () => {
    const element = createElement('c-error-panel', { is: ErrorPanel });
    element.errors = { body: { message: 'Service unavailable' } };
    document.body.appendChild(element);
    await expect(element).toBeAccessible();

    element.shadowRoot.querySelector('.uan-error__toggle').click();
    await Promise.resolve();
    await expect(element).toBeAccessible();
  });
});
