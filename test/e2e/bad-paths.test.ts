// When the service refuses a save (a validation error) or has stopped, the rep sees a clear message
// in the log modal and everything typed stays in place. Its own service: this file stops it.
import { DEMO, ST_AGNES, label, step, usePreview } from './browser';

jest.setTimeout(120_000);

const preview = usePreview();

const SUMMARY =
  'Raised how vendor outages stop claims for weeks; Dana wants a list of single points of failure.';
const CUSTOMER_VIEW =
  'Their claims vendor was down nine days last year and finance borrowed to cover payroll.';
// the words of UpAtNightServiceClient.ERROR_UNREACHABLE, which the preview's bridge shows too
const UNREACHABLE = 'did not answer in time or could not be reached';

test('a validation error and then a stopped service: the modal says so and keeps the typed note', async () => {
  const { page } = await preview.signIn(DEMO.rep);
  await page.goto(`${preview.service.url}/#opportunity/${ST_AGNES}`);
  const modal = page.locator('lightning-modal-body');
  const summary = modal.getByRole('textbox', { name: await label('UAN_Log_Summary') });
  const customerView = modal.getByRole('textbox', { name: await label('UAN_Log_CustomerView') });
  const save = page
    .locator('lightning-modal-footer')
    .getByRole('button', { name: await label('UAN_Log_Save') });
  const errorPanel = modal.locator('c-error-panel');
  const friendly = await label('UAN_Log_SaveError');

  await step(page, 'bad-type-note', async () => {
    await page.getByRole('button', { name: await label('UAN_Panel_Log') }).click();
    await summary.fill(SUMMARY);
    await customerView.fill(CUSTOMER_VIEW);
  });

  await step(page, 'bad-validation-error', async () => {
    // the note reaches the real service with an impossible date, which its validation refuses
    await page.route('**/preview/apex/saveNote', async (route) => {
      const call = route.request().postDataJSON() as { params: { note: Record<string, unknown> } };
      const note = { ...call.params.note, occurredAt: '2026-02-30' };
      await route.continue({ postData: JSON.stringify({ ...call, params: { ...call.params, note } }) });
    });
    await save.click();
    await errorPanel.getByText(friendly).waitFor();
    await errorPanel.getByRole('button', { name: await label('UAN_Error_ShowDetails') }).click();
    await expect(errorPanel.locator('.uan-error__details').innerText()).resolves.toMatch(/occurredAt|date/i);
    await expect(summary.inputValue()).resolves.toBe(SUMMARY);
    await expect(customerView.inputValue()).resolves.toBe(CUSTOMER_VIEW);
    await page.unroute('**/preview/apex/saveNote');
  });

  await step(page, 'bad-service-stopped', async () => {
    expect(await preview.service.stop()).toBe(0);
    await save.click();
    await errorPanel.getByText(friendly).waitFor();
    const details = errorPanel.locator('.uan-error__details');
    if (!(await details.isVisible())) {
      await errorPanel.getByRole('button', { name: await label('UAN_Error_ShowDetails') }).click();
    }
    await expect(details.innerText()).resolves.toContain(UNREACHABLE);
    await expect(summary.inputValue()).resolves.toBe(SUMMARY);
    await expect(customerView.inputValue()).resolves.toBe(CUSTOMER_VIEW);
    await expect(modal.isVisible()).resolves.toBe(true);
  });
});
