// The web chat's verdict card with its chart, fix steps' inline code, and the greeting of an empty conversation,
// in Debian's headless Chromium (see webchat.test.mjs). CHART_ANSWER is an answer line the bot's own WebChatReport
// wrote for a verdict carrying a memory chart (tests/DiagBot.Bot.Tests/WebChat/SampleChartAnswer.cs): the page is
// served that line for one question, so the card is checked whatever the sandbox's incidents carry today.
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const base = new URL(process.env.DIAGBOT_URL ?? assert.fail('Set DIAGBOT_URL to the running bot'));
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const chartAnswer = process.env.CHART_ANSWER ?? assert.fail('Set CHART_ANSWER to an answer line with a chart (WebChatBrowserTests does)');
const screenshots = process.env.SCREENSHOT_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'artifacts', 'screenshots');
const DiagnosisTimeoutMs = 60_000;

let browser;

const open = async () => {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } });
  const page = await context.newPage();
  page.errors = [];
  page.on('pageerror', (error) => { page.errors.push(error.message); });
  await page.goto(base.href);
  await page.locator('#examples button').first().waitFor();
  return page;
};

const ask = async (page, text) => {
  await page.waitForFunction(() => !document.getElementById('send').disabled, null, { timeout: DiagnosisTimeoutMs });
  await page.locator('#message').fill(text);
  await page.locator('#message').press('Enter');
};

before(async () => {
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(screenshots, { recursive: true });
});

after(async () => {
  await browser?.close();
});

test('an empty conversation greets a newcomer with what to try, and goes once they ask', async () => {
  const page = await open();
  const welcome = page.locator('#welcome');
  assert.ok(await welcome.isVisible(), 'the empty conversation shows no greeting');
  const tries = await page.locator('#welcome-tries button').allTextContents();
  assert.ok(tries.includes('help'), `the greeting offers no "help": ${tries.join(' | ')}`);
  assert.ok(tries.some((t) => t.startsWith('/diagnose ')), `the greeting offers no /diagnose to try: ${tries.join(' | ')}`);
  await page.locator('#welcome-tries button', { hasText: /^help$/ }).click();
  await page.locator('#conversation .message.bot pre').waitFor({ timeout: DiagnosisTimeoutMs });
  assert.ok(!(await welcome.isVisible()), 'the greeting stays after the first answer');
  assert.deepEqual(page.errors, []);
});

test('fix steps show inline code as code, not as backticks', async () => {
  const page = await open();
  const examples = await (await fetch(new URL('/webchat/api/examples', base))).json();
  const pending = examples.find((e) => e.name.startsWith('p09-'));
  assert.ok(pending, `no seeded p09 example; examples are ${examples.map((e) => e.name).join(', ')}`);
  await page.locator(`#examples button[data-name="${pending.name}"]`).click();
  const steps = page.locator('#conversation .card ol li');
  await steps.first().waitFor({ timeout: DiagnosisTimeoutMs });
  const codes = await page.locator('#conversation .card ol li code').allTextContents();
  assert.ok(codes.length > 0, 'no fix step shows inline code');
  for (const text of await steps.allTextContents()) assert.ok(!text.includes('`'), `a fix step shows a raw backtick: ${text}`);
  assert.deepEqual(page.errors, []);
});

test('a verdict with a chart shows the picture in its card, with its words as alt text and caption', async () => {
  const body = readFileSync(chartAnswer, 'utf8');
  const chart = JSON.parse(body).report.verdicts[0].charts[0];
  assert.match(chart.image, /^data:image\/png;base64,/);
  const page = await open();
  await page.route('**/webchat/api/messages', (route) => route.fulfill({ status: 200, contentType: 'application/x-ndjson; charset=utf-8', body }));
  await ask(page, '/diagnose 0f3c9a1b2c3d4e5f60718293a4b5c6d7');
  const figure = page.locator('#conversation .card figure.chart');
  await figure.waitFor({ timeout: DiagnosisTimeoutMs });
  const image = figure.locator('img');
  await page.waitForFunction((img) => img.complete && img.naturalWidth > 0, await image.elementHandle());
  assert.equal(await image.evaluate((img) => img.naturalWidth), 1200, 'the chart is not the 1200 px PNG the bot drew');
  assert.equal(await image.getAttribute('alt'), chart.alt);
  assert.equal(await figure.locator('figcaption').textContent(), chart.alt);
  assert.equal(await figure.getAttribute('data-kind'), 'memory-vs-limit');
  const box = await image.boundingBox();
  assert.ok(box.width >= 500, `the chart is drawn ${box.width} px wide: too small to read`);
  await page.locator('#conversation .card').first().screenshot({ path: join(screenshots, 'webchat-chart-card.png') });
  assert.deepEqual(page.errors, []);
});
