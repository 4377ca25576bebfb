// Every Apex class must parse: the org compiler is not available here, the parser is the first line of defence.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apexClassFiles, parseApex } from './apex-source';

describe('Apex sources', () => {
  const files = apexClassFiles();

  it('when the classes folder is listed, then the controller, the client and their tests are there', () => {
    const names = files.map((f) => path.basename(f));
    expect(names).toEqual(
      expect.arrayContaining([
        'UpAtNightController.cls',
        'UpAtNightServiceClient.cls',
        'UpAtNightCalloutMockQueue.cls',
        'UpAtNightControllerTest.cls',
        'UpAtNightServiceClientTest.cls',
      ]),
    );
  });

  it.each(files.map((f) => [path.basename(f), f]))(
    'when %s is parsed, then it has no syntax errors',
    (_name, file) => {
      const { errors } = parseApex(readFileSync(file, 'utf8'));
      expect(errors).toEqual([]);
    },
  );

  it('when a class has a syntax error, then the parser reports it', () => {
    const { errors } = parseApex('public with sharing class Broken { public void m() { Integer x = ; } }');
    expect(errors.length).toBeGreaterThan(0);
  });
});
