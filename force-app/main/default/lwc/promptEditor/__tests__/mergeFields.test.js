// The picker offers exactly the merge fields the service fills: a field added to or dropped from the
// service's list fails here until the component's copy follows.
const fs = require('fs');
const path = require('path');
import { MERGE_FIELDS } from '../mergeFields';

const SERVICE_FILE = path.resolve(
  __dirname,
  '../../../../../../service/src/features/prompt-sets/merge-fields.ts',
);

function serviceFields() {
  const source = fs.readFileSync(SERVICE_FILE, 'utf8');
  const table = /const FIELDS[^{]*=\s*\{([\s\S]*?)\n\};/.exec(source);
  if (!table) {
    throw new Error(`no FIELDS table in ${SERVICE_FILE}`);
  }
  return [...table[1].matchAll(/^\s*'([A-Za-z]+\.[A-Za-z]+)':/gm)].map((m) => m[1]);
}

describe('merge fields', () => {
  it("match the service's list, in its order", () => {
    const fields = serviceFields();
    expect(fields.length).toBeGreaterThan(0);
    expect(MERGE_FIELDS).toEqual(fields);
  });
});
