import { reduceErrors } from 'c/ldsUtils';

describe('reduceErrors', () => {
  it('reads an Apex AuraHandledException message', () => {
    expect(reduceErrors({ body: { message: 'Opportunity not found' }, status: 500 })).toEqual([
      'Opportunity not found',
    ]);
  });

  it('unwraps a service error envelope that reached the message', () => {
    const message = JSON.stringify({ error: { code: 'validation', message: 'summary is required' } });
    expect(reduceErrors({ body: { message } })).toEqual(['summary is required']);
  });

  it('leaves a message that only looks like JSON alone', () => {
    expect(reduceErrors({ body: { message: '{not json' } })).toEqual(['{not json']);
  });

  it('reads UI API read errors (array bodies)', () => {
    expect(reduceErrors({ body: [{ message: 'first' }, { message: 'second' }] })).toEqual([
      'first',
      'second',
    ]);
  });

  it('reads page and field errors', () => {
    expect(
      reduceErrors({
        body: {
          pageErrors: [{ message: 'page problem' }],
          fieldErrors: { Name: [{ message: 'name problem' }], Amount: [{ message: 'amount problem' }] },
        },
      }),
    ).toEqual(['page problem', 'name problem', 'amount problem']);
  });

  it('reads UI API DML output errors', () => {
    expect(
      reduceErrors({
        body: {
          output: { errors: [{ message: 'dml' }], fieldErrors: { StageName: [{ message: 'stage' }] } },
        },
      }),
    ).toEqual(['dml', 'stage']);
  });

  it('reads a raw service envelope in the body', () => {
    expect(reduceErrors({ body: { error: { message: 'forbidden' } } })).toEqual(['forbidden']);
  });

  it('reads JS errors and strings', () => {
    expect(reduceErrors([new TypeError('boom'), 'plain text'])).toEqual(['boom', 'plain text']);
  });

  it('falls back to the HTTP status text', () => {
    expect(reduceErrors({ status: 503, statusText: 'Service Unavailable' })).toEqual(['Service Unavailable']);
  });

  it('drops empty values and duplicates', () => {
    expect(
      reduceErrors([null, undefined, { body: { message: 'same' } }, { message: 'same' }, { message: '' }]),
    ).toEqual(['same']);
  });

  it('returns nothing for nothing', () => {
    expect(reduceErrors(undefined)).toEqual([]);
  });
});
