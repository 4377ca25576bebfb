// lightning/uiRecordApi: getRecord over the preview's demo opportunities (GET /preview/records/:id),
// with the UI API record shape {id, apiName, fields: {Name: {value, displayValue}}}.
function fieldName(field) {
  const name = typeof field === 'string' ? field : field?.fieldApiName;
  // 'Opportunity.Name' (string form) and {objectApiName, fieldApiName} both name the field Name
  return typeof field === 'string' && name.includes('.') ? name.split('.').slice(1).join('.') : name;
}

export function getFieldValue(record, field) {
  // nested fields (Account.Name) hold a record as their value
  let value = record;
  for (const part of fieldName(field).split('.')) {
    value = value?.fields?.[part]?.value;
  }
  return value;
}

export function getFieldDisplayValue(record, field) {
  const name = fieldName(field);
  return record?.fields?.[name]?.displayValue ?? null;
}

export class getRecord {
  constructor(dataCallback) {
    this.dataCallback = dataCallback;
    this.sequence = 0;
  }

  update(config) {
    const recordId = config?.recordId;
    if (!recordId) {
      return;
    }
    const sequence = ++this.sequence;
    fetch(`/preview/records/${encodeURIComponent(recordId)}`)
      .then(async (response) => {
        const body = await response.json();
        if (!response.ok) {
          throw { status: response.status, body: [{ message: body.message ?? 'Record not found' }] };
        }
        return body;
      })
      .then(
        (data) => sequence === this.sequence && this.dataCallback({ data, error: undefined }),
        (error) => sequence === this.sequence && this.dataCallback({ data: undefined, error }),
      );
  }

  connect() {}

  disconnect() {
    this.sequence += 1;
  }
}

export function getRecordNotifyChange() {
  return Promise.resolve();
}

export function notifyRecordUpdateAvailable() {
  return Promise.resolve();
}
