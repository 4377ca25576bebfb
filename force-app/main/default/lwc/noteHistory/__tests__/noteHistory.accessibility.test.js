import { createElement } from '@lwc/engine-dom';
import NoteHistory from 'c/noteHistory';
import { flushPromises } from 'uan-test/flushPromises';

const mockNotes = require('./data/notes.json');

jest.mock('@salesforce/user/Id', () => ({ default: '005000000000001AAA' }), { virtual: true });

function createHistory() {
  const element = createElement('c-note-history', { is: NoteHistory });
  element.notes = mockNotes;
  element.editable = true;
  document.body.appendChild(element);
  return element;
}

describe('c-note-history accessibility', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('is accessible collapsed', async () => {
    await expect(createHistory()).toBeAccessible();
  });

  it('is accessible with the scores expanded and a deletion to confirm', async () => {
    const element = createHistory();
    element.shadowRoot.querySelector('.uan-note__toggle').click();
    element.shadowRoot.querySelector('.uan-note__delete').click();
    await flushPromises();
    expect(element.shadowRoot.querySelector('.uan-note__confirm')).not.toBeNull();
    await expect(element).toBeAccessible();
  });
});
