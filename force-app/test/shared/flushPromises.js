/**
 * Waits until every queued promise and the re-render it causes have finished: a macrotask runs only after
 * the microtask queue is empty. Shared by every component's tests through the uan-test/ module mapping.
 */
function flushPromises() {
  return new Promise((resolve) => setTimeout(resolve, 0));
}

/**
 * Lets a few rounds of promise callbacks (an Apex answer, the re-render it causes) run without a macrotask, so it
 * also works under fake timers, where flushPromises would never resolve.
 */
async function flushMicrotasks() {
  for (let i = 0; i < 6; i++) {
    await Promise.resolve();
  }
}

module.exports = { flushPromises, flushMicrotasks };
