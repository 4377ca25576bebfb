// @salesforce/apex: refreshApex over the preview's Apex wire adapters.
import { refreshWired } from './runtime';

export function refreshApex(wiredValue) {
  return refreshWired(wiredValue);
}

export function getSObjectValue(record, field) {
  const name = typeof field === 'string' ? field : field?.fieldApiName;
  return name ? name.split('.').reduce((value, part) => value?.[part], record) : undefined;
}
