// Hand-written stand-in for lightning/navigation: records every Navigate / GenerateUrl call so tests can assert on it.
import { createTestWireAdapter } from '@salesforce/wire-service-jest-util';

export const CurrentPageReference = createTestWireAdapter(jest.fn());

const Navigate = Symbol('Navigate');
const GenerateUrl = Symbol('GenerateUrl');

export const mockNavigate = jest.fn();
export const mockGenerateUrl = jest.fn((pageReference) =>
  Promise.resolve(`https://example.test/${pageReference?.attributes?.recordId ?? ''}`),
);

export const NavigationMixin = (Base) =>
  class extends Base {
    [Navigate](pageReference, replace) {
      mockNavigate(pageReference, replace);
    }

    [GenerateUrl](pageReference) {
      return mockGenerateUrl(pageReference);
    }
  };
NavigationMixin.Navigate = Navigate;
NavigationMixin.GenerateUrl = GenerateUrl;

/** The page reference of the latest Navigate call, or undefined. */
export const lastNavigation = () => mockNavigate.mock.lastCall?.[0];
