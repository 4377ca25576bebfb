import { selectParts } from './select-parts';

const NAMES = ['scoring', 'http', 'salesforce', 'analytics'];

describe('bench --only', () => {
  test('when no part is named, then every part runs in order', () => {
    expect(selectParts(undefined, NAMES)).toEqual(NAMES);
  });

  test('when a comma list names parts, then those run in the order given, each once', () => {
    expect(selectParts('http,analytics,scoring', NAMES)).toEqual(['http', 'analytics', 'scoring']);
    expect(selectParts(' http , http ', NAMES)).toEqual(['http']);
  });

  test('when a name is unknown or the list is empty, then it fails naming the parts', () => {
    expect(() => selectParts('http,nope', NAMES)).toThrow(
      /unknown bench part "nope"; choose from: scoring, http/,
    );
    expect(() => selectParts(',', NAMES)).toThrow(/unknown bench part/);
  });
});
