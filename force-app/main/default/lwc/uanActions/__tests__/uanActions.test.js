import UanActions from 'c/uanActions';
import { render, resetDom } from 'uan-test/render';

const actions = [
  { name: 'cancel', label: 'Cancel' },
  {
    name: 'save',
    label: 'Save',
    variant: 'brand',
    iconName: 'utility:check',
    disabled: true,
    className: 'x-save',
  },
];

// light DOM: the buttons are the element's own children
const buttons = (element) => [...element.querySelectorAll('lightning-button')];

describe('c-uan-actions', () => {
  afterEach(resetDom);

  it('shows a button per action, in order, as the action describes it', async () => {
    const element = await render('c-uan-actions', UanActions, { actions });
    const [cancel, save] = buttons(element);
    expect(buttons(element).map((b) => b.label)).toEqual(['Cancel', 'Save']);
    expect(cancel.disabled).toBeFalsy();
    expect([save.variant, save.iconName, save.disabled]).toEqual(['brand', 'utility:check', true]);
    expect(save.classList).toContain('x-save');
    expect(save.classList).toContain('slds-button-group-item');
  });

  it('renders its buttons into the owner page (light DOM), where the owner can find and focus them', async () => {
    const element = await render('c-uan-actions', UanActions, { actions });
    expect(element.shadowRoot).toBeNull();
    expect(element.querySelector('lightning-button.x-save').parentElement.parentElement).toBe(element);
  });

  it('fires action with the name of the button chosen', async () => {
    const element = await render('c-uan-actions', UanActions, { actions });
    const chosen = jest.fn();
    element.addEventListener('action', chosen);
    buttons(element)[0].click();
    expect(chosen.mock.calls[0][0].detail).toEqual({ name: 'cancel' });
  });

  it('shows nothing without actions', async () => {
    const element = await render('c-uan-actions', UanActions, { actions: null });
    expect(buttons(element)).toEqual([]);
  });

  it('is accessible', async () => {
    const element = await render('c-uan-actions', UanActions, { actions });
    await expect(element).toBeAccessible();
  });
});
