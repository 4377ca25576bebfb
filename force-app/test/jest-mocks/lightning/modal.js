// Hand-written stand-in for lightning/modal. Components extend it like the real LightningModal;
// tests set LightningModal.open's resolved value (the modal's close result) and assert on its calls.
import { LightningElement, api } from 'lwc';

function slotted(template, tag, selectors) {
  const host = template.querySelector(tag);
  const slot = host?.shadowRoot?.querySelector('slot');
  const nodes = slot ? slot.assignedNodes().filter((n) => n.nodeType === 1) : [];
  if (!selectors) {
    return nodes;
  }
  return nodes.flatMap((n) => [...(n.matches(selectors) ? [n] : []), ...n.querySelectorAll(selectors)]);
}

export default class LightningModal extends LightningElement {
  static open = jest.fn(() => Promise.resolve(undefined));

  @api label;
  @api size;
  @api description;
  @api disableClose = false;

  result;
  isClosed = false;

  /** The value passed to close(); undefined until the modal closes. */
  @api
  get closeValue() {
    return this.result;
  }

  /** true once close() ran. */
  @api
  get closed() {
    return this.isClosed;
  }

  @api
  close(result) {
    this.result = result;
    this.isClosed = true;
  }

  @api
  modalBody$$(selectors) {
    return slotted(this.template, 'lightning-modal-body', selectors);
  }

  @api
  modalBody$(selectors) {
    return this.modalBody$$(selectors)[0] ?? null;
  }

  @api
  modalFooter$$(selectors) {
    return slotted(this.template, 'lightning-modal-footer', selectors);
  }

  @api
  modalFooter$(selectors) {
    return this.modalFooter$$(selectors)[0] ?? null;
  }
}
