/**
 * Waits until every queued promise and the re-render it causes have finished: a macrotask runs only after
 * the microtask queue is empty. Shared by every component's tests through the uan-test/ module mapping.
 */
function flushPromises() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

module.exports = { flushPromises };
