// User-facing Apex messages are custom labels, like the components' texts: every System.Label the classes
// use exists, no message is a hard-coded English literal, and the preview shows the labels' words.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { XMLParser } from 'fast-xml-parser';
import { apexClassFiles, forceAppDefault } from './apex-source';
import {
  ERROR_UNREACHABLE,
  INVALID_IDEMPOTENCY_KEY,
  MISSING_ID,
  MISSING_INPUT,
  NOT_ACCESSIBLE,
} from '../../scripts/preview/server/apex-mapping';

const labels = new Map(
  (
    new XMLParser({ parseTagValue: false, isArray: (n) => n === 'labels' }).parse(
      readFileSync(path.join(forceAppDefault, 'labels/CustomLabels.labels-meta.xml'), 'utf8'),
    ) as { CustomLabels: { labels: { fullName: string; value: string }[] } }
  ).CustomLabels.labels.map((l) => [l.fullName, l.value]),
);
const productionClasses = apexClassFiles().filter((f) => !/(Test|MockQueue)\.cls$/.test(f));

// Messages reach users through AuraHandledException and the service exception; their text is what to check.
function hardCodedMessages(source: string): string[] {
  return [
    ...source.matchAll(
      /(?:auraError|invalidReason =|fallbackMessage =|static final String \w+ =|UpAtNightServiceException\([^)]*?)\s*\(?'([^']*)'/g,
    ),
  ]
    .map((m) => m[1]!)
    .filter((text) => /[A-Za-z]+ [a-z]+/.test(text));
}

describe('Apex messages as custom labels', () => {
  it('when the classes use System.Label, then every label exists and every Apex label is used', () => {
    const used = new Set(
      productionClasses.flatMap((f) =>
        [...readFileSync(f, 'utf8').matchAll(/\bSystem\.Label\.(\w+)/g)].map((m) => m[1]!),
      ),
    );
    expect([...used].filter((name) => !labels.has(name))).toEqual([]);
    expect([...labels.keys()].filter((name) => name.startsWith('UAN_Apex_')).sort()).toEqual(
      [...used].sort(),
    );
  });

  it('when the classes are read, then no user-facing message is a hard-coded literal', () => {
    const found = productionClasses.flatMap((f) =>
      hardCodedMessages(readFileSync(f, 'utf8')).map((m) => `${path.basename(f)}: ${m}`),
    );
    expect(found).toEqual([]);
  });

  it('when a message is hard-coded again, then the check names it', () => {
    expect(hardCodedMessages("throw auraError('The deal is gone.');")).toEqual(['The deal is gone.']);
  });

  it('when the preview shows an Apex message, then it is the label value', () => {
    expect({
      NOT_ACCESSIBLE,
      ERROR_UNREACHABLE,
      MISSING_ID,
      MISSING_INPUT,
      INVALID_IDEMPOTENCY_KEY,
    }).toEqual({
      NOT_ACCESSIBLE: labels.get('UAN_Apex_NotAccessible'),
      ERROR_UNREACHABLE: labels.get('UAN_Apex_Unreachable'),
      MISSING_ID: labels.get('UAN_Apex_MissingId'),
      MISSING_INPUT: labels.get('UAN_Apex_MissingInput'),
      INVALID_IDEMPOTENCY_KEY: labels.get('UAN_Apex_InvalidIdempotencyKey'),
    });
  });
});
