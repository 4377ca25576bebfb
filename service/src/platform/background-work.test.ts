// One tenant's background work pauses between steps only while other tenants are being served.
import { createLogger } from './logger';
import { ACTIVE_WINDOW_MS, BackgroundWork } from './background-work';

describe('background work takes turns with other tenants', () => {
  let clock = 0;
  const work = (share?: number) => new BackgroundWork(createLogger('silent'), share, () => clock);
  beforeEach(() => {
    clock = 10_000;
  });

  test('when no other tenant is being served, then it never pauses', () => {
    const background = work();
    expect(background.pauseAfter('b', 200)).toBe(0);
    // its own requests do not slow it down
    background.served('b');
    expect(background.pauseAfter('b', 200)).toBe(0);
  });

  test('when another tenant was served within the window, then it pauses to take its share', () => {
    const background = work(0.5);
    background.served('a');
    clock += ACTIVE_WINDOW_MS - 1;
    expect(background.pauseAfter('b', 200)).toBe(200);
    expect(work(0.25).pauseAfter('b', 0)).toBe(0);
    const quarter = work(0.25);
    quarter.served('a');
    expect(quarter.pauseAfter('b', 100)).toBe(300);
  });

  test('when the other tenant was last served before the window, then it runs flat out again', () => {
    const background = work(0.5);
    background.served('a');
    clock += ACTIVE_WINDOW_MS + 1;
    expect(background.pauseAfter('b', 200)).toBe(0);
  });

  test('when the share is all of the time, then it never pauses; outside (0, 1] it is refused', () => {
    const background = work(1);
    background.served('a');
    expect(background.pauseAfter('b', 200)).toBe(0);
    expect(() => work(0)).toThrow(/share must be above 0 and at most 1/);
    expect(() => work(1.5)).toThrow(/share must be above 0 and at most 1/);
  });
});
