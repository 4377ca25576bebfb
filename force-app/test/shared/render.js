/**
 * Puts a component on the page with its public properties set, and waits for it to render; resetDom
 * takes everything off again between tests.
 */
const { createElement } = require('@lwc/engine-dom');
const { flushPromises } = require('./flushPromises');

// jest's jsdom environment provides the page
const page = () => globalThis.document;

async function render(tag, is, props = {}) {
  const element = createElement(tag, { is });
  Object.assign(element, props);
  page().body.appendChild(element);
  await flushPromises();
  return element;
}

function resetDom() {
  const { body } = page();
  while (body.firstChild) {
    body.removeChild(body.firstChild);
  }
}

module.exports = { render, resetDom };
