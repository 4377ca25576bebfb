// If-Match as clients send it: one tag, a list, `*`, or something that is none of our versions.
import { etagOf, ifMatchVersions } from './etag';

describe('If-Match versions', () => {
  test('when a version is sent back as its ETag, then it is that version', () => {
    expect(ifMatchVersions(etagOf(7))).toEqual([7]);
    expect(ifMatchVersions('"3", "4"')).toEqual([3, 4]);
  });

  test('when there is no header or it is *, then there is no condition', () => {
    expect(ifMatchVersions(undefined)).toBeUndefined();
    expect(ifMatchVersions(' * ')).toBeUndefined();
  });

  test('when the header names no version of ours, then nothing can match', () => {
    for (const header of ['v1', 'W/"1"', '"1.5"', '""', '"99999999999"', ''])
      expect({ header, versions: ifMatchVersions(header) }).toEqual({ header, versions: [] });
  });
});
