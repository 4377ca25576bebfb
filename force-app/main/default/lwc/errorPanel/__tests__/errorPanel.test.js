import { createElement } from '@lwc/engine-dom';
import ErrorPanel from 'c/errorPanel';

function createPanel(props) {
  const element = createElement('c-error-panel', { is: ErrorPanel });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

describe('c-error-panel', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
    jest.clearAllMocks();
  });

  it('shows the friendly message as an alert', () => {
    const element = createPanel({
      friendlyMessage: 'Could not load',
      errors: { body: { message: 'timeout' } },
    });
    const alert = element.shadowRoot.querySelector('[role="alert"]');
    expect(alert.textContent).toContain('Could not load');
  });

  it('falls back to a generic message', () => {
    const element = createPanel({ errors: new Error('x') });
    expect(element.shadowRoot.querySelector('.uan-error__message').textContent).toContain(
      'c.UAN_Error_Generic',
    );
  });

  it('reveals the details on request', async () => {
    const element = createPanel({ errors: [{ body: { message: 'first' } }, new Error('second')] });
    const toggle = element.shadowRoot.querySelector('.uan-error__toggle');
    const details = element.shadowRoot.querySelector('.uan-error__details');
    expect(toggle.getAttribute('aria-expanded')).toBe('false');
    expect(details.hidden).toBe(true);

    toggle.click();
    await Promise.resolve();

    expect(toggle.getAttribute('aria-expanded')).toBe('true');
    expect(details.hidden).toBe(false);
    expect([...details.querySelectorAll('li')].map((li) => li.textContent)).toEqual(['first', 'second']);
    expect(toggle.textContent.trim()).toBe('c.UAN_Error_HideDetails');
  });

  it('offers no details when there are none', () => {
    const element = createPanel({ errors: undefined });
    expect(element.shadowRoot.querySelector('.uan-error__toggle')).toBeNull();
  });
});
