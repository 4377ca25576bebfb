// Every Apex class must parse: the org compiler is not available here, the parser is the first line of defence.
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { apexClassFiles, parseApex, readControllers } from './apex-source';

describe('Apex sources', () => {
  const files = apexClassFiles();

  it('when the classes folder is listed, then the controllers, their shared classes and their tests are there', () => {
    const names = files.map((f) => path.basename(f));
    expect(names).toEqual(
      expect.arrayContaining([
        'UpAtNightApi.cls',
        'UpAtNightContracts.cls',
        'UpAtNightOpportunitySelector.cls',
        'UpAtNightServiceClient.cls',
        'UpAtNightCalloutMockQueue.cls',
        'UpAtNightTestFactory.cls',
        'UpAtNightServiceClientTest.cls',
      ]),
    );
  });

  it('when a controller is listed, then its test class is there and builds on the shared data factory', () => {
    const controllers = readControllers();
    expect(controllers.length).toBeGreaterThan(0);
    for (const { name } of controllers) {
      const test = files.find((f) => path.basename(f) === `${name}Test.cls`);
      expect({ name, test: test !== undefined }).toEqual({ name, test: true });
      const source = readFileSync(test!, 'utf8');
      expect({ name, factory: source.includes('UpAtNightTestFactory.makeRepWithOpportunity()') }).toEqual({
        name,
        factory: true,
      });
    }
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
