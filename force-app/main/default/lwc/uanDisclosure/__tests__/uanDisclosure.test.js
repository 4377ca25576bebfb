import UanDisclosure from 'c/uanDisclosure';
import { render, resetDom } from 'uan-test/render';

const props = { label: 'Details', regionId: 'details-1', buttonClass: 'x-toggle', regionClass: 'x-region' };

// light DOM: the button and the region are the element's own children
const $ = (element, selector) => element.querySelector(selector);

describe('c-uan-disclosure', () => {
  afterEach(resetDom);

  it('shows a collapsed button that names the hidden region it controls', async () => {
    const element = await render('c-uan-disclosure', UanDisclosure, props);
    const button = $(element, 'button');
    const region = $(element, '.x-region');
    expect(element.shadowRoot).toBeNull();
    expect(button.className).toBe('slds-button x-toggle');
    expect(button.textContent.trim()).toBe('Details');
    expect(button.getAttribute('aria-expanded')).toBe('false');
    expect(button.getAttribute('aria-controls')).toBe(region.id);
    expect(region.hidden).toBe(true);
    expect(region.hasAttribute('aria-busy')).toBe(false);
    expect($(element, 'lightning-icon')).toBeNull();
  });

  it('shows the region, a downward chevron and whether it is busy once expanded', async () => {
    const element = await render('c-uan-disclosure', UanDisclosure, { ...props, chevron: true, busy: true });
    expect($(element, 'lightning-icon').iconName).toBe('utility:chevronright');
    element.expanded = true;
    await Promise.resolve();
    expect($(element, 'button').getAttribute('aria-expanded')).toBe('true');
    expect($(element, '.x-region').hidden).toBe(false);
    expect($(element, '.x-region').getAttribute('aria-busy')).toBe('true');
    expect($(element, 'lightning-icon').iconName).toBe('utility:chevrondown');
  });

  it('leaves the state to its owner: a click fires toggle', async () => {
    const element = await render('c-uan-disclosure', UanDisclosure, props);
    const toggled = jest.fn();
    element.addEventListener('toggle', toggled);
    $(element, 'button').click();
    expect(toggled).toHaveBeenCalledTimes(1);
    expect(element.expanded).toBe(false);
  });

  it('is accessible, collapsed and expanded', async () => {
    const element = await render('c-uan-disclosure', UanDisclosure, props);
    await expect(element).toBeAccessible();
    element.expanded = true;
    await Promise.resolve();
    await expect(element).toBeAccessible();
  });
});
