import PreCallBrief from 'c/preCallBrief';
import getBrief from '@salesforce/apex/UpAtNightAccountController.getBrief';
import { ShowToastEventName } from 'lightning/platformShowToastEvent';
import { flushPromises } from 'uan-test/flushPromises';
import { render, resetDom } from 'uan-test/render';

const mockBrief = require('./data/getBrief.json');

const OPPORTUNITY_ID = '006000000000101AAA';

function create() {
  return render('c-pre-call-brief', PreCallBrief, { opportunityId: OPPORTUNITY_ID });
}

async function openBrief(element) {
  element.shadowRoot.querySelector('.uan-brief__open').click();
  await flushPromises();
}

/** Opens the brief, clicks Copy and returns the variants of the toasts it showed. */
async function copyBrief() {
  const element = await create();
  const toasts = [];
  element.addEventListener(ShowToastEventName, (event) => toasts.push(event.detail.variant));
  await openBrief(element);
  element.shadowRoot.querySelector('.uan-brief__copy').click();
  await flushPromises();
  return toasts;
}

const texts = (element, selector) =>
  [...element.shadowRoot.querySelectorAll(selector)].map((node) =>
    node.textContent.replace(/\s+/g, ' ').trim(),
  );

describe('c-pre-call-brief', () => {
  const clipboard = navigator.clipboard;

  afterEach(() => {
    resetDom();
    Object.defineProperty(navigator, 'clipboard', { value: clipboard, configurable: true });
    jest.restoreAllMocks();
    jest.resetAllMocks();
  });

  it('asks for nothing until the rep opens the brief, then asks once for its opportunity', async () => {
    getBrief.mockResolvedValue(mockBrief);
    const element = await create();
    await flushPromises();
    expect(getBrief).not.toHaveBeenCalled();
    expect(element.shadowRoot.querySelector('.uan-brief__sheet')).toBeNull();

    await openBrief(element);
    expect(getBrief.mock.calls).toEqual([[{ opportunityId: OPPORTUNITY_ID }]]);
    expect(element.shadowRoot.querySelector('.uan-brief__sheet')).not.toBeNull();
  });

  it('shows the question, the unheard prompts, the redirects, the inside view and the next step with their sources', async () => {
    getBrief.mockResolvedValue(mockBrief);
    const element = await create();
    await openBrief(element);

    expect(texts(element, '.uan-brief__question')).toEqual([mockBrief.suggestedQuestion.text]);
    const prompts = element.shadowRoot.querySelectorAll('.uan-brief__prompts li');
    expect([...prompts].map((li) => li.dataset.promptId)).toEqual(mockBrief.prompts.map((p) => p.promptId));
    expect(prompts[0].textContent).toContain('Nurse staffing');
    const redirect = element.shadowRoot.querySelector('.uan-brief__redirects li');
    expect(redirect.textContent).toContain('Their real worry is nurse retention on night shifts');
    expect(redirect.dataset.noteId).toBe('0a1b2c3d-1111-4222-8333-944445555666');
    expect(texts(element, '.uan-brief__inside-view li')[0]).toContain('The CFO wants to cut agency spend');
    const step = element.shadowRoot.querySelector('.uan-brief__next-step');
    expect(step.textContent).toContain('Dana brings the no-show data');
    expect(step.dataset.noteId).toBe('1b2c3d4e-1111-4222-8333-944445555666');
    expect(element.shadowRoot.querySelector('.uan-brief__status')).not.toBeNull();
    expect(element.shadowRoot.querySelector('.uan-brief__empty')).toBeNull();
  });

  it('says there is no history yet when the brief is empty', async () => {
    getBrief.mockResolvedValue({
      ...mockBrief,
      prompts: [],
      insideView: [],
      openRedirects: [],
      nextStep: null,
      suggestedQuestion: null,
    });
    const element = await create();
    await openBrief(element);
    expect(element.shadowRoot.querySelector('.uan-brief__empty')).not.toBeNull();
  });

  it('copies the plain text with the Clipboard API and says so', async () => {
    getBrief.mockResolvedValue(mockBrief);
    const writeText = jest.fn().mockResolvedValue(undefined);
    Object.defineProperty(navigator, 'clipboard', { value: { writeText }, configurable: true });
    const toasts = await copyBrief();
    expect(writeText).toHaveBeenCalledWith(mockBrief.text);
    expect(toasts).toEqual(['success']);
  });

  it('copies through a selected text area where the Clipboard API is missing', async () => {
    getBrief.mockResolvedValue(mockBrief);
    Object.defineProperty(navigator, 'clipboard', { value: undefined, configurable: true });
    let copied;
    document.execCommand = jest.fn(() => {
      copied = document.body.lastElementChild.value;
      return true;
    });
    await copyBrief();
    expect(document.execCommand).toHaveBeenCalledWith('copy');
    expect(copied).toBe(mockBrief.text);
    expect(document.body.lastElementChild.tagName).not.toBe('TEXTAREA');
  });

  it('warns when the text cannot be copied at all', async () => {
    getBrief.mockResolvedValue(mockBrief);
    Object.defineProperty(navigator, 'clipboard', {
      value: { writeText: jest.fn().mockRejectedValue(new Error('denied')) },
      configurable: true,
    });
    const toasts = await copyBrief();
    expect(toasts).toEqual(['warning']);
  });

  it('prints with the browser', async () => {
    getBrief.mockResolvedValue(mockBrief);
    const print = jest.spyOn(window, 'print').mockImplementation(() => {});
    const element = await create();
    await openBrief(element);
    element.shadowRoot.querySelector('.uan-brief__print').click();
    expect(print).toHaveBeenCalledTimes(1);
  });

  it('shows the error panel when the brief cannot be built', async () => {
    getBrief.mockRejectedValue({ body: { message: 'Opportunity not found or not accessible' } });
    const element = await create();
    await openBrief(element);
    expect(element.shadowRoot.querySelector('c-error-panel')).not.toBeNull();
    expect(element.shadowRoot.querySelector('.uan-brief__sheet')).toBeNull();
  });
});
