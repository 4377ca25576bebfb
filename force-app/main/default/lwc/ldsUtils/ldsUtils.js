/**
 * Turns whatever a failed call hands us — Apex (AuraHandledException), LDS/UI API, fetch or plain JS
 * errors, or a list of them — into a flat list of human-readable messages.
 * @param {*} errors one error or an array of errors
 * @returns {string[]} distinct, non-empty messages in order
 */
export function reduceErrors(errors) {
  const list = Array.isArray(errors) ? errors : [errors];
  const messages = list.filter((e) => e !== null && e !== undefined).flatMap(messagesOf);
  return [...new Set(messages.filter((m) => typeof m === 'string' && m.trim().length > 0))];
}

function messagesOf(error) {
  if (typeof error === 'string') {
    return [error];
  }
  const body = error.body;
  if (Array.isArray(body)) {
    // UI API read errors: [{ message }]
    return body.map((b) => b?.message);
  }
  if (body && typeof body === 'object') {
    const fromBody = [
      ...messagesFromList(body.pageErrors),
      ...messagesFromFieldMap(body.fieldErrors),
      ...messagesFromList(body.output?.errors),
      ...messagesFromFieldMap(body.output?.fieldErrors),
    ];
    if (fromBody.length) {
      return fromBody;
    }
    // Apex (AuraHandledException), UI API DML and network errors
    if (typeof body.message === 'string') {
      return [unwrapServiceError(body.message)];
    }
    // The service's own envelope, in case it reaches us untouched: {"error":{"message"}}
    if (typeof body.error?.message === 'string') {
      return [body.error.message];
    }
  }
  if (typeof error.message === 'string') {
    return [unwrapServiceError(error.message)];
  }
  return [error.statusText];
}

function messagesFromList(items) {
  return Array.isArray(items) ? items.map((i) => i?.message) : [];
}

function messagesFromFieldMap(map) {
  if (!map || typeof map !== 'object') {
    return [];
  }
  return Object.values(map).flatMap((errs) => messagesFromList(errs));
}

// Apex normally passes the service's message through; if a raw error envelope slips into the
// message, show the readable part rather than JSON.
function unwrapServiceError(message) {
  const trimmed = message.trim();
  if (!trimmed.startsWith('{')) {
    return message;
  }
  try {
    const parsed = JSON.parse(trimmed);
    return typeof parsed?.error?.message === 'string' ? parsed.error.message : message;
  } catch {
    return message;
  }
}
