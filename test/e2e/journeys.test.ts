// The three journeys in the local preview, in headless Chromium against the real service and the
// real components: the manager's baseline, the rep logging a conversation and seeing it in the
// account's inside view and pre-call brief, sales ops changing a prompt, reading its effectiveness
// and moving a set in and out as a file, and the manager seeing the new note's effect and the notes
// behind it. Each key screen is saved to test/e2e/screenshots/<journey>-<n>-<screen>.png and
// checked with axe-core. One service for the file: each journey builds on the one before it.
import { readFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import type { Locator, Page } from 'playwright-core';
import {
  DEMO,
  ST_AGNES,
  eventually,
  label,
  labelPattern,
  screenshot,
  step,
  checkView,
  usePreview,
} from './browser';
import { defaultLibrary } from '../../service/src/features/prompt-sets/default-library';

jest.setTimeout(180_000);

const preview = usePreview();
const LIBRARY_SIZE = defaultLibrary.prompts.length;

const numberIn = (text: string, pattern: RegExp, group = 1) => {
  const found = pattern.exec(text);
  if (!found) throw new Error(`"${text}" does not match ${pattern}`);
  return Number(found[group]!.replace(/,/g, ''));
};

async function teamCounts(page: Page) {
  const dashboard = page.locator('c-conversation-dashboard');
  const summary = dashboard.getByText(await labelPattern('UAN_Dash_TeamSummary'));
  await summary.waitFor();
  const repRow = dashboard.locator('tr', {
    has: page.getByRole('button', { name: DEMO.rep.name, exact: true }),
  });
  return {
    team: numberIn(await summary.innerText(), await labelPattern('UAN_Dash_TeamSummary'), 2),
    avery: Number((await repRow.locator('td').first().innerText()).trim()),
  };
}

async function pickOption(page: Page, combobox: Locator, option: string) {
  await combobox.locator('[role="combobox"]').click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

let baseline: { team: number; avery: number };
const STRONG_SUMMARY =
  'I raised how third-party outages like the Change Healthcare attack can stop claims and cash for weeks, ' +
  'and asked Dana which vendors could halt their revenue cycle.';
const NEW_INSIDE_VIEW = 'the CFO now wants a list of single points of failure before the budget cycle';
const NEXT_STEP =
  'Dana brings her vendor list and the CFO to a working session on Thursday; we bring the drill outline.';
const NEW_PROVOCATION =
  'E2E: {Account.Name} will have to answer prior authorization requests electronically, and payers will measure how fast.';

test('manager: the dashboard shows the team before the rep logs anything', async () => {
  const { page } = await preview.signIn(DEMO.manager);
  await page.goto(`${preview.service.url}/#dashboard`);
  baseline = await step(page, 'manager-baseline', () => teamCounts(page));
  expect(baseline.team).toBeGreaterThan(0);
  expect(baseline.avery).toBeGreaterThan(0);
  await page.locator('c-conversation-dashboard c-prompt-effectiveness .uan-effect__row').first().waitFor();
  await checkView(page, 'manager-1-dashboard');

  await step(page, 'manager-all-time', async () => {
    // all time runs from the tenant's first note: at least as many notes as the default 90 days
    const dashboard = page.locator('c-conversation-dashboard');
    await pickOption(
      page,
      dashboard.locator('lightning-combobox.uan-dash__range'),
      await label('UAN_Dash_AllTime'),
    );
    const pattern = await labelPattern('UAN_Dash_TeamSummaryAll', [2]);
    const summary = dashboard.getByText(pattern);
    await summary.waitFor();
    expect(numberIn(await summary.innerText(), pattern, 2)).toBeGreaterThanOrEqual(baseline.team);
  });
  await checkView(page, 'manager-1-dashboard-all-time');
});

test('rep: prompts with merge fields filled, log a conversation with two prompts and reactions, live coach, save, history and summary update, the inside view and the brief show it', async () => {
  const { page, pageErrors } = await preview.signIn(DEMO.rep);
  await page.goto(`${preview.service.url}/#opportunity/${ST_AGNES}`);
  const panel = page.locator('c-opportunity-conversation');
  const cards = panel.locator('c-prompt-card');

  const titles = await step(page, 'rep-prompts', async () => {
    await cards.nth(2).waitFor();
    const text = (await cards.allInnerTexts()).join('\n');
    expect(text).toContain('St. Agnes Health');
    expect(text).not.toMatch(/[{[](Account|Opportunity)\.\w+[}\]]/);
    return Promise.all([0, 1].map((i) => cards.nth(i).locator('.uan-prompt__title').innerText()));
  });
  await checkView(page, 'rep-1-panel');
  const averagePattern = await labelPattern('UAN_Summary_Average');
  const before = numberIn(await panel.locator('c-score-summary').innerText(), averagePattern, 2);

  await step(page, 'rep-log', async () => {
    await panel.getByRole('button', { name: await label('UAN_Panel_Log') }).click();
    const modal = page.locator('lightning-modal-body');
    await modal.waitFor();
    const summary = modal.getByLabel((await label('UAN_Log_Summary')).trim(), { exact: false }).first();
    await summary.fill('Demo of our product features and pricing.');
    const overall = modal.locator('.uan-coach__overall');
    await overall.waitFor();
    const weak = Number(await overall.innerText());

    for (const [i, title] of titles.entries()) {
      await modal.locator('.uan-log__prompt label', { hasText: title.trim() }).click();
      await pickOption(
        page,
        modal.locator('lightning-combobox.uan-log__prompt-reaction').nth(i),
        await label(i === 0 ? 'UAN_Reaction_NewToThem' : 'UAN_Reaction_AlreadyAddressing'),
      );
    }
    await summary.fill(STRONG_SUMMARY);
    await modal
      .getByLabel(await label('UAN_Log_CustomerView'))
      .fill(
        'Dana said their claims vendor went down for nine days last year and finance had to borrow to cover payroll; ' +
          `${NEW_INSIDE_VIEW}.`,
      );
    await modal
      .getByLabel(await label('UAN_Log_Ideas'))
      .fill(
        'Together we sketched a vendor outage drill for the two clinics with the most claims; Dana proposed the clinics.',
      );
    await modal.getByRole('textbox', { name: await label('UAN_Log_NextStep'), exact: true }).fill(NEXT_STEP);
    // the live coach rescored the better note
    await eventually(async () => expect(Number(await overall.innerText())).toBeGreaterThan(weak + 15));
    await expect(modal.locator('.uan-coach__group').count()).resolves.toBeGreaterThan(0);
    await checkView(page, 'rep-2-log-modal');

    await page
      .locator('lightning-modal-footer')
      .getByRole('button', { name: await label('UAN_Log_Save') })
      .click();
    await page.locator('.uan-toast-title', { hasText: await label('UAN_Toast_Saved') }).waitFor();
    await modal.waitFor({ state: 'detached' });
  });

  await step(page, 'rep-history', async () => {
    const history = panel.locator('c-note-history');
    await eventually(async () => expect(await history.innerText()).toContain(STRONG_SUMMARY));
    const firstNote = history.locator('li.uan-note').filter({ hasText: STRONG_SUMMARY }).first();
    await expect(firstNote.innerText()).resolves.toContain(titles[0]!.trim());
    await eventually(async () =>
      expect(numberIn(await panel.locator('c-score-summary').innerText(), averagePattern, 2)).toBe(
        before + 1,
      ),
    );
  });
  await checkView(page, 'rep-3-history');

  await step(page, 'rep-inside-view', async () => {
    // what Dana told us in this note joins the account's inside view, without reloading the page
    const view = panel.locator('c-account-inside-view');
    await eventually(async () =>
      expect((await view.locator('.uan-entry__text').allInnerTexts()).join('\n')).toContain(NEW_INSIDE_VIEW),
    );
    await view.locator('.uan-entry', { hasText: NEW_INSIDE_VIEW }).first().scrollIntoViewIfNeeded();
  });
  await checkView(page, 'rep-4-inside-view');

  await step(page, 'rep-brief', async () => {
    await panel.getByRole('button', { name: await label('UAN_Brief_Open') }).click();
    const sheet = panel.locator('.uan-brief__sheet');
    await sheet.waitFor();
    await expect(sheet.locator('.uan-brief__next-step').innerText()).resolves.toContain(NEXT_STEP);
  });
  await checkView(page, 'rep-5-brief');
  expect(pageErrors).toEqual([]);
});

const DEFAULT_LIBRARY = 'Up at Night default library';
const EDITED_TITLE = 'Prior authorization is going electronic';

test('sales ops: in a new draft of the default library (every prompt of it) find a prompt, edit it and its targeting, publish, the panel picks it up; read win rates with intervals; export and re-import the set; promote a candidate into a draft', async () => {
  // starts as the rep and switches role in the page's header, as a demo user would
  const { page, pageErrors } = await preview.signIn(DEMO.rep);
  await page.goto(`${preview.service.url}/#prompt-sets`);
  await step(page, 'salesops-switch-role', async () => {
    await page.locator('body[data-ready="true"]').waitFor();
    await page.locator('#uan-role').selectOption('salesops');
    await page.locator('body[data-role="salesops"]').waitFor();
    await expect(page.locator('#uan-user').inputValue()).resolves.toBe(DEMO.salesops.userId);
  });

  const manager = page.locator('c-prompt-set-manager');
  const sets = manager.locator('.uan-sets__row');
  const editor = manager.locator('c-prompt-version-editor');
  const list = editor.locator('c-prompt-list');
  const promptRows = list.locator('tbody tr');
  const promptEditor = editor.locator('c-prompt-editor');
  const rowButton = async (name: string, n: number) =>
    list.getByRole('button', { name: await label(name, n, '') });

  await step(page, 'salesops-view-default-library', async () => {
    await sets
      .filter({ hasText: DEFAULT_LIBRARY })
      .getByRole('button', { name: await label('UAN_Manager_Open') })
      .click();
    // published: a page of read-only rows, nothing to edit or remove
    await (await rowButton('UAN_PromptList_ViewRow', 1)).waitFor();
    await expect(promptRows.count()).resolves.toBe(25);
    await expect(list.locator('[role="status"]').innerText()).resolves.toBe(
      await label('UAN_PromptList_Range', 1, 25, LIBRARY_SIZE),
    );
    await expect(
      list.getByRole('button', { name: await label('UAN_PromptList_Remove') }).count(),
    ).resolves.toBe(0);
  });
  await checkView(page, 'salesops-1-library');

  await step(page, 'salesops-open-default-draft', async () => {
    const started = Date.now();
    await editor.getByRole('button', { name: await label('UAN_Version_NewDraft') }).click();
    await (await rowButton('UAN_PromptList_EditRow', 1)).waitFor();
    const openedMs = Date.now() - started;
    if (process.env.E2E_TIMING)
      process.stdout.write(`new draft of the ${LIBRARY_SIZE}-prompt library listed in ${openedMs} ms\n`);
    await expect(editor.locator('h3').innerText()).resolves.toContain(await label('UAN_Status_Draft'));
    // one page of compact rows, and no prompt editor until one prompt is opened
    await expect(promptRows.count()).resolves.toBe(25);
    await expect(promptEditor.count()).resolves.toBe(0);
    await list.getByRole('button', { name: await label('UAN_PromptList_Next') }).click();
    await (await rowButton('UAN_PromptList_EditRow', 26)).waitFor();
  });

  await step(page, 'salesops-edit', async () => {
    await list
      .getByRole('searchbox', { name: await label('UAN_PromptList_Search') })
      .fill('healthcare early');
    await eventually(async () => expect(await promptRows.count()).toBe(2));
    await promptRows
      .filter({ hasText: EDITED_TITLE })
      .getByRole('button', { name: await label('UAN_PromptList_Edit') })
      .click();
    await promptEditor.waitFor();
    await expect(list.isVisible()).resolves.toBe(false);
    await promptEditor
      .getByRole('textbox', { name: await label('UAN_PromptEditor_Provocation') })
      .fill(NEW_PROVOCATION);
    // targeting: from early-phase deals to deals at Needs Analysis of at least 100,000
    await promptEditor
      .locator('lightning-checkbox-group label', { hasText: await label('UAN_Phase_Early') })
      .click();
    const stages = promptEditor.locator('lightning-dual-listbox').nth(1);
    await stages.getByRole('option', { name: 'Needs Analysis' }).click();
    await stages.locator('button[title^="Move"]').first().click();
    await promptEditor
      .getByRole('spinbutton', { name: await label('UAN_PromptEditor_AmountMin') })
      .fill('100000');
    await checkView(page, 'salesops-2-editor');
    await editor.getByRole('button', { name: await label('UAN_Version_SavePrompt') }).click();
    await page.locator('.uan-toast-title', { hasText: await label('UAN_Version_Saved') }).waitFor();
    // back to the list, still searched, with the new targeting
    await promptEditor.waitFor({ state: 'detached' });
    const row = promptRows.filter({ hasText: EDITED_TITLE });
    await eventually(async () => expect(await row.innerText()).toContain('Needs Analysis'));
    await expect(row.innerText()).resolves.not.toContain(await label('UAN_Phase_Early'));
    await editor.getByRole('button', { name: await label('UAN_Version_Publish') }).click();
    await page.locator('.uan-toast-title', { hasText: await label('UAN_Version_Published') }).waitFor();
  });

  await step(page, 'salesops-panel-picks-it-up', async () => {
    await page.goto(`${preview.service.url}/#opportunity/${ST_AGNES}`);
    const panel = page.locator('c-opportunity-conversation');
    await panel.locator('c-prompt-card').first().waitFor();
    await expect(panel.locator('c-prompt-card').first().innerText()).resolves.toContain(
      NEW_PROVOCATION.replace('{Account.Name}', 'St. Agnes Health'),
    );
  });
  await screenshot(page, 'salesops-3-panel');

  await step(page, 'salesops-effectiveness', async () => {
    // the demo's two quarters of closed deals give some prompts a win rate with its interval
    await page.goto(`${preview.service.url}/#prompt-sets`);
    await manager.getByRole('tab', { name: await label('UAN_Manager_TabEffectiveness') }).click();
    const winRates = manager.locator('c-prompt-effectiveness .uan-effect__win-rate');
    await winRates.first().waitFor();
    const notEnough = await label('UAN_NotEnoughData');
    const texts = await winRates.allInnerTexts();
    expect(texts).toContain(notEnough);
    const measured = texts.filter((t) => t !== notEnough);
    expect(measured.length).toBeGreaterThanOrEqual(3);
    for (const rate of measured) expect(rate).toMatch(/^\d+% \(\d+–\d+%\)$/);
  });
  await checkView(page, 'salesops-4-effectiveness');

  await step(page, 'salesops-weights', async () => {
    await manager.getByRole('tab', { name: await label('UAN_Manager_TabWeights') }).click();
    await manager.locator('c-scoring-weights').getByRole('slider').first().waitFor();
  });
  await checkView(page, 'salesops-5-weights');
  await step(page, 'salesops-account-memory', async () => {
    await manager.getByRole('tab', { name: await label('UAN_Manager_TabMemory') }).click();
    await manager.locator('c-inside-view-settings').getByRole('spinbutton').waitFor();
  });
  await checkView(page, 'salesops-6-account-memory');
  await manager.getByRole('tab', { name: await label('UAN_Manager_TabSets') }).click();

  const exported = await step(page, 'salesops-export', async () => {
    await page.goto(`${preview.service.url}/#prompt-sets`);
    // every version's row names its set; the newest is listed first
    const row = sets.filter({ hasText: DEFAULT_LIBRARY }).first();
    await row.getByRole('button', { name: await label('UAN_Manager_Open'), exact: true }).click();
    const exportJson = editor.getByRole('button', { name: await label('UAN_Version_ExportJson') });
    await exportJson.waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), exportJson.click()]);
    const file = path.join(os.tmpdir(), `uan-e2e-${process.pid}-${download.suggestedFilename()}`);
    await download.saveAs(file);
    const text = readFileSync(file, 'utf8');
    expect(text).toContain(NEW_PROVOCATION);
    expect((JSON.parse(text) as { prompts: unknown[] }).prompts).toHaveLength(LIBRARY_SIZE);
    return file;
  });

  await step(page, 'salesops-reimport', async () => {
    const setsBefore = await sets.count();
    await manager.locator('input[type="file"]').setInputFiles(exported);
    await page.locator('.uan-toast-title', { hasText: await label('UAN_Manager_Imported') }).waitFor();
    await eventually(async () => expect(await sets.count()).toBe(setsBefore + 1));
    // the imported copy opens as a draft of a new set, listed like the library
    await eventually(async () =>
      expect(await editor.locator('h3').innerText()).toContain(await label('UAN_Status_Draft')),
    );
    await (await rowButton('UAN_PromptList_EditRow', 1)).waitFor();
    await expect(promptRows.count()).resolves.toBe(25);
  });
  await screenshot(page, 'salesops-7-imported');

  await step(page, 'salesops-promote', async () => {
    // a rep's redirected issue becomes a draft prompt of the library in one action
    await manager.getByRole('tab', { name: await label('UAN_Manager_TabEffectiveness') }).click();
    const effect = manager.locator('c-prompt-effectiveness');
    await effect.getByRole('combobox', { name: await label('UAN_Effect_PromoteInto') }).click();
    await effect.getByRole('option', { name: DEFAULT_LIBRARY }).first().click();
    const candidate = effect.locator('.uan-effect__candidate').first();
    const text = (await candidate.locator('th').first().innerText()).trim();
    await candidate.getByRole('button', { name: await label('UAN_Effect_Promote'), exact: true }).click();
    await page.locator('.uan-toast-title', { hasText: await label('UAN_Effect_PromotedToast') }).waitFor();
    await eventually(async () =>
      expect(await editor.locator('h3').innerText()).toContain(await label('UAN_Status_Draft')),
    );
    await manager.getByRole('tab', { name: await label('UAN_Manager_TabEffectiveness') }).click();
    const status = effect
      .locator('.uan-effect__candidate', { hasText: text })
      .locator('.uan-effect__candidate-status');
    // "Promoted to <set>, version <n> (<key>)": the set is the library, the version its new draft
    const [promotedTo] = (await label('UAN_Effect_Promoted', DEFAULT_LIBRARY, '\u0000', '\u0000')).split(
      '\u0000',
    );
    await eventually(async () => expect(await status.innerText()).toContain(promotedTo!));
  });
  await checkView(page, 'salesops-8-promoted');
  expect(pageErrors).toEqual([]);
});

test("manager: the dashboard shows the team's scores with the new note; a drill-down opens the notes behind a number and a score band its closed deals", async () => {
  const { page, pageErrors } = await preview.signIn(DEMO.manager);
  await page.goto(`${preview.service.url}/#dashboard`);
  const after = await step(page, 'manager-effect', () => teamCounts(page));
  expect(after).toEqual({ team: baseline.team + 1, avery: baseline.avery + 1 });
  await screenshot(page, 'manager-2-dashboard-after');

  await step(page, 'manager-drilldown', async () => {
    await page.getByRole('button', { name: DEMO.rep.name, exact: true }).click();
    const drill = page.locator('.uan-drill');
    await drill.getByText(await label('UAN_Dash_DrillRep', DEMO.rep.name)).waitFor();
    await eventually(async () => expect(await drill.innerText()).toContain(STRONG_SUMMARY));
  });
  await checkView(page, 'manager-3-drilldown');

  await step(page, 'manager-band-deals', async () => {
    // a score band drills to the closed deals it counted, each won or lost, with its notes
    await page.getByTitle(await label('UAN_Dash_BandNotes', '80-100')).click();
    const drill = page.locator('.uan-drill');
    await drill.getByText(await label('UAN_Dash_DrillBand', '80-100')).waitFor();
    const deals = drill.locator('.uan-deal');
    await deals.first().waitFor();
    expect(await deals.count()).toBeGreaterThan(0);
    for (const deal of await deals.all()) {
      expect(await deal.locator('.uan-deal__name').innerText()).not.toBe('');
      expect(await deal.innerText()).toMatch(/Won|Lost/);
    }
  });
  await checkView(page, 'manager-4-band-deals');
  expect(pageErrors).toEqual([]);
});
