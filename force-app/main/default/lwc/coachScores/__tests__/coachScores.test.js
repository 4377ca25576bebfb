import { createElement } from '@lwc/engine-dom';
import CoachScores from 'c/coachScores';

function mount(props) {
  const element = createElement('c-coach-scores', { is: CoachScores });
  Object.assign(element, props);
  document.body.appendChild(element);
  return element;
}

describe('c-coach-scores', () => {
  afterEach(() => {
    while (document.body.firstChild) {
      document.body.removeChild(document.body.firstChild);
    }
  });

  it('says a note that is not in English is not scored, and shows no numbers', () => {
    const element = mount({
      score: {
        status: 'not_scored',
        reason: 'not_english',
        overall: null,
        dimensions: null,
        evidence: [],
        tips: [],
      },
      draft: { summary: 'Reunión con la directora financiera.' },
    });
    const root = element.shadowRoot;
    expect(root.querySelector('.uan-coach__not-scored').textContent).toBe('c.UAN_Coach_NotEnglish');
    expect(root.querySelector('.uan-coach__overall')).toBeNull();
    expect(root.querySelectorAll('c-score-bar')).toHaveLength(0);
    expect(root.querySelector('.uan-coach__hint')).toBeNull();
  });

  it('shows the overall and five dimensions for a scored note', () => {
    const element = mount({
      score: {
        status: 'scored',
        overall: 62,
        dimensions: { provocation: 70, customerView: 60, collaboration: 50, businessFocus: 65, nextStep: 65 },
        evidence: [],
        tips: [],
      },
      draft: { summary: 'Raised the tariff risk.' },
    });
    const root = element.shadowRoot;
    expect(root.querySelector('.uan-coach__overall').textContent).toBe('62');
    expect(root.querySelectorAll('c-score-bar')).toHaveLength(5);
    expect(root.querySelector('.uan-coach__not-scored')).toBeNull();
  });
});
