import { dateInputHint, formatDateInput, parseDateInput, readDateInput } from 'c/uanFormat';

jest.mock('@salesforce/label/c.UAN_Date_Hint', () => ({ default: 'For example {0} or {1}' }), {
  virtual: true,
});
jest.mock('@salesforce/label/c.UAN_Date_Invalid', () => ({ default: 'Enter a date such as {0} or {1}.' }), {
  virtual: true,
});

// sfdx-lwc-jest answers @salesforce/i18n/dateTime.shortDateFormat with the en-US "M/d/yyyy".
describe('date input', () => {
  it('reads ISO dates in every locale', () => {
    expect(parseDateInput('2026-12-10')).toBe('2026-12-10');
    expect(parseDateInput(' 2026-1-5 ')).toBe('2026-01-05');
    expect(parseDateInput('2026-12-10', 'dd.MM.yyyy')).toBe('2026-12-10');
  });

  it("reads dates in the user's short format, by default the platform's", () => {
    expect(parseDateInput('12/10/2026')).toBe('2026-12-10');
    expect(parseDateInput('1/5/26')).toBe('2026-01-05');
    expect(parseDateInput('10.12.2026', 'dd.MM.yyyy')).toBe('2026-12-10');
    expect(parseDateInput('10/12/2026', 'dd/MM/yyyy')).toBe('2026-12-10');
    expect(parseDateInput('2026/12/10', 'yyyy/MM/dd')).toBe('2026-12-10');
    expect(parseDateInput('2026. 12. 10.', 'yyyy. MM. dd.')).toBe('2026-12-10');
    expect(parseDateInput('10-12-26', 'dd-MM-yy')).toBe('2026-12-10');
  });

  it('reads blank as no date', () => {
    expect(parseDateInput('')).toBe('');
    expect(parseDateInput('   ')).toBe('');
    expect(parseDateInput(null)).toBe('');
  });

  it('refuses what is not a date the service would accept', () => {
    for (const text of [
      'tomorrow',
      '13/10/2026',
      '2/30/2026',
      '2026-02-29',
      '12/10',
      '1/2/3/4',
      '12/10/202',
      '1/1/1899',
    ]) {
      expect(parseDateInput(text)).toBeNull();
    }
    expect(parseDateInput('2028-02-29')).toBe('2028-02-29');
  });

  it("shows a date back in the user's format, so it reads back the same", () => {
    expect(formatDateInput('2026-01-05')).toBe('1/5/2026');
    expect(formatDateInput('2026-01-05', 'dd.MM.yyyy')).toBe('05.01.2026');
    expect(formatDateInput('2026-01-05', 'd/M/yy')).toBe('5/1/26');
    expect(formatDateInput('2026-01-05', 'd MMM yyyy')).toBe('2026-01-05');
    expect(formatDateInput(null)).toBe('');
    for (const pattern of ['M/d/yyyy', 'dd.MM.yyyy', 'yyyy/MM/dd', 'd/M/yy']) {
      expect(parseDateInput(formatDateInput('2026-12-10', pattern), pattern)).toBe('2026-12-10');
    }
  });

  it('hints at both forms', () => {
    expect(dateInputHint()).toBe('For example 12/31/2026 or 2026-12-31');
  });

  it('marks an input invalid while its date is unreadable and clears the mark once it is fixed', () => {
    const input = { setCustomValidity: jest.fn(), reportValidity: jest.fn() };
    expect(readDateInput(input, '31/12/2026')).toBeNull();
    expect(input.setCustomValidity).toHaveBeenLastCalledWith(
      'Enter a date such as 12/31/2026 or 2026-12-31.',
    );
    expect(input.reportValidity).not.toHaveBeenCalled();

    expect(readDateInput(input, '12/31/2026')).toBe('2026-12-31');
    expect(input.setCustomValidity).toHaveBeenLastCalledWith('');
    expect(input.reportValidity).toHaveBeenCalledTimes(1);
  });

  it("takes the user's format from @salesforce/i18n", () => {
    jest.isolateModules(() => {
      jest.doMock('@salesforce/i18n/dateTime.shortDateFormat', () => ({ default: 'dd.MM.yyyy' }), {
        virtual: true,
      });
      const isolated = require('c/uanFormat');
      expect(isolated.parseDateInput('10.12.2026')).toBe('2026-12-10');
      expect(isolated.formatDateInput('2026-12-10')).toBe('10.12.2026');
    });
  });
});
