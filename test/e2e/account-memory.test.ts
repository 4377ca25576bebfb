// The account's memory in the local preview, in headless Chromium against the real service and the
// real components: a rep opens the pre-call brief of a demo deal whose account has real history,
// copies it as plain text, and reads what the account told us on the panel.
import { DEMO, ST_AGNES, eventually, label, step, usePreview } from './browser';

jest.setTimeout(180_000);

const preview = usePreview();

test("rep: the pre-call brief of a demo deal draws on the account's notes, copies as text, and the inside view lists them", async () => {
  const { page, context, pageErrors } = await preview.signIn(DEMO.rep);
  await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: preview.service.url });
  await page.goto(`${preview.service.url}/#opportunity/${ST_AGNES}`);
  const panel = page.locator('c-opportunity-conversation');

  await step(page, 'brief-open', async () => {
    await panel.getByRole('button', { name: await label('UAN_Brief_Open') }).click();
    const sheet = panel.locator('.uan-brief__sheet');
    await sheet.waitFor();
    // the demo's latest note on the deal agreed this next step a few days ago, due next week
    expect(await sheet.locator('.uan-brief__next-step').innerText()).toContain('Raj sends the clinic list');
    expect(await sheet.locator('.uan-brief__status').innerText()).toBe(
      await label('UAN_Brief_Status_Upcoming'),
    );
    const insideView = await sheet.locator('.uan-brief__inside-view li').allInnerTexts();
    expect(insideView.join('\n')).toContain('Scheduling and IT disagree about who owns the patient portal');
    expect(await sheet.locator('.uan-brief__prompts li').count()).toBeGreaterThan(0);
    expect(await sheet.locator('.uan-brief__question').innerText()).toMatch(/^You told us: "/);
  });

  await step(page, 'brief-copy', async () => {
    await panel.locator('.uan-brief__copy').click();
    await eventually(async () => {
      // the test's TypeScript has no DOM types: the page evaluates the expression as text
      const copied = String(await page.evaluate('navigator.clipboard.readText()'));
      expect(copied).toMatch(/^Pre-call brief: St\. Agnes Health/);
      expect(copied).toContain('Raj sends the clinic list');
      expect(copied).toMatch(/\[note [0-9a-f-]{36}\]/);
    });
  });

  await step(page, 'inside-view', async () => {
    const view = panel.locator('c-account-inside-view');
    await view.locator('.uan-entry').first().waitFor();
    const entries = (await view.locator('.uan-entry__text').allInnerTexts()).join('\n');
    expect(entries).toContain('the CFO wants to cut agency spend before next budget cycle');
    expect(entries).toContain('Raj explained they already tried a portal vendor in 2024');
  });
  expect(pageErrors).toEqual([]);
});
