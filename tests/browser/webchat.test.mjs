// The web chat in a real browser: Debian's headless Chromium driven by playwright-core (no browser download).
// DIAGBOT_URL is the bot in serve mode on its sandbox; tests/DiagBot.Bot.Tests/WebChat/WebChatBrowserTests.cs
// starts one and runs this file. Screenshots go to artifacts/screenshots/ (or SCREENSHOT_DIR).
import { after, before, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { chromium } from 'playwright-core';

const botUrl = process.env.DIAGBOT_URL;
if (!botUrl) throw new Error('Set DIAGBOT_URL to the running bot, e.g. DIAGBOT_URL=http://127.0.0.1:5080/');
const base = new URL(botUrl);
const chromiumPath = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const screenshots = process.env.SCREENSHOT_DIR ?? resolve(dirname(fileURLToPath(import.meta.url)), '..', '..', 'artifacts', 'screenshots');
const DiagnosisTimeoutMs = 60_000;
// Generous: the burst's first diagnosis is queued, and under CPU load both it and the page's 2 s feed poll lag.
const FeedTimeoutMs = 60_000;
const Markup = '<script>window.__pwned = 1</script><img src=x onerror="window.__pwned = 2">';
// The command parser splits on spaces, so what is typed into the error line carries none.
const TypedMarkup = '<script>window.__pwned=1</script><img/src=x/onerror=window.__pwned=2>';

let browser;
let page;
let examples;

const api = (path) => new URL(path, base);

// What the API itself answers for a command: the page must show exactly this.
const reportFor = async (command) => {
  const response = await fetch(api('/webchat/api/messages'), { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text: command }) });
  assert.equal(response.status, 200, `POST /webchat/api/messages answered ${response.status}`);
  const lines = (await response.text()).split('\n').filter((line) => line.trim()).map((line) => JSON.parse(line));
  const last = lines.at(-1);
  assert.equal(last.type, 'verdict', `expected a verdict for ${command}, got ${JSON.stringify(last)}`);
  return last.report;
};

const seeded = (name) => {
  const example = examples.find((e) => e.name === name);
  assert.ok(example, `no seeded example ${name}; examples are ${examples.map((e) => e.name).join(', ')}`);
  return example;
};

const newPage = async (width, height, prepare = async () => {}) => {
  const context = await browser.newContext({ viewport: { width, height } });
  await prepare(context);
  const created = await context.newPage();
  created.on('pageerror', (error) => { created.errors.push(error.message); });
  created.errors = [];
  await created.goto(base.href);
  await created.locator('#examples button').first().waitFor();
  return created;
};

// Polls read() until done(state) holds, failing with the last state the page showed.
const waitForState = async (target, read, done, what, timeoutMs = FeedTimeoutMs) => {
  const deadline = Date.now() + timeoutMs;
  let state = await read();
  while (!done(state)) {
    if (Date.now() > deadline) assert.fail(`${what} within ${timeoutMs / 1000} s; the page showed ${JSON.stringify(state)}`);
    await target.waitForTimeout(250);
    state = await read();
  }
  return state;
};

// The feed entries the page shows for one service, read in one go so count and entries agree.
const feedEntriesOf = (target, service) => target.locator('#feed .incident').evaluateAll((items, name) => items
  .filter((item) => item.querySelector('.incident-where')?.textContent.startsWith(`service ${name} `))
  .map((item) => ({ count: Number(item.querySelector('.count')?.textContent), title: item.querySelector('.incident-title')?.textContent ?? '' })), service);

const totalCount = (entries) => entries.reduce((sum, entry) => sum + entry.count, 0);

// Enter submits only while the Diagnose button is enabled (it is disabled until the previous answer has ended), as for a user.
const composerReady = (target) => target.waitForFunction(() => !document.getElementById('send').disabled, null, { timeout: DiagnosisTimeoutMs });

const send = async (text) => {
  await composerReady(page);
  await page.locator('#message').fill(text);
  await page.locator('#message').press('Enter');
};

const assertVerdictShown = async (card, report) => {
  const verdict = report.verdicts[0];
  await card.waitFor({ timeout: DiagnosisTimeoutMs });
  assert.equal(await card.locator('.root-cause').textContent(), verdict.rootCause);
  assert.ok(verdict.confirm, `the verdict of playbook ${verdict.playbook} has no confirm command`);
  assert.equal(await card.locator('code.confirm-command').textContent(), verdict.confirm);
  assert.ok(await card.locator('button.copy').isVisible(), 'the confirm command has a Copy button');
};

before(async () => {
  examples = await (await fetch(api('/webchat/api/examples'))).json();
  assert.ok(examples.length > 0, 'GET /webchat/api/examples is empty: is the bot on its sandbox?');
  // launch() gives Chromium a fresh, empty profile of its own (it refuses --user-data-dir); the networking
  // flags keep Chromium from calling out of this closed network.
  browser = await chromium.launch({
    executablePath: chromiumPath,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync'],
  });
  mkdirSync(screenshots, { recursive: true });
  page = await newPage(1280, 900);
});

after(async () => {
  await browser?.close();
});

test('the page opens with the sandbox banner, the examples and the message box focused', async () => {
  assert.equal(await page.title(), 'DiagBot');
  // The banner comes from its own request (/webchat/api/info), which may answer after the examples.
  await page.locator('#banner').waitFor();
  assert.match(await page.locator('#banner').textContent(), /sandbox/i);
  assert.equal(await page.locator('#examples button').count(), examples.length);
  // autofocus takes effect at a rendering update, not when the element is parsed.
  await page.waitForFunction(() => document.activeElement?.id === 'message');
});

test('typing /diagnose <subject> shows the verdict card with its root cause and confirm command', async () => {
  const example = seeded('p07-task-oom');
  const report = await reportFor(example.command);
  await composerReady(page);
  await page.locator('#message').focus();
  await page.keyboard.type(example.command);
  await page.keyboard.press('Enter');
  await assertVerdictShown(page.locator(`.message.bot .card[data-playbook="${report.verdicts[0].playbook}"]`).first(), report);
  assert.equal(await page.locator('#error').textContent(), '');
});

test('clicking an example diagnoses that seeded incident', async () => {
  const example = examples.find((e) => e.name.startsWith('p05-')) ?? examples.find((e) => /^p\d+-/.test(e.name) && e.name !== 'p07-task-oom');
  const report = await reportFor(example.command);
  const before = await page.locator('.message.bot').count();
  await page.locator(`#examples button[data-name="${example.name}"]`).click();
  await page.locator('.message.bot').nth(before).waitFor({ timeout: DiagnosisTimeoutMs });
  await assertVerdictShown(page.locator('.message.bot').nth(before).locator('.card').first(), report);
});

test('bad input shows one clear error line', async () => {
  await send('/diagnose --loud x');
  await page.waitForFunction(() => document.getElementById('error').textContent !== '');
  assert.match(await page.locator('#error').textContent(), /Unknown option --loud/);

  await page.locator('#message').fill('');
  await page.locator('#send').click();
  assert.match(await page.locator('#error').textContent(), /Type a task ARN/);
});

test('markup typed by the user comes back in the error line as text, and no script runs', async () => {
  const typed = `/diagnose --${TypedMarkup}`;
  await send(typed);
  await page.waitForFunction(() => document.getElementById('error').textContent.includes('<script>'));
  assert.equal(await page.locator('#error').textContent(), `Unknown option --${TypedMarkup}. The only option is --share.`);
  assert.equal(await page.locator('.message.user pre').last().textContent(), typed);
  // Chart images are the page's own (figure.chart, drawn by the bot from the verdict's data); markup makes none.
  assert.equal(await page.locator('#error *, .conversation script, .conversation img:not(figure.chart > img)').count(), 0);
  assert.equal(await page.evaluate(() => window.__pwned), undefined);
});

test('a verdict whose evidence and root cause contain <script> renders them as text', async () => {
  // The seeded scenarios carry no markup, so a real report is served with markup written into it.
  const report = await reportFor(seeded('p07-task-oom').command);
  const verdict = report.verdicts[0];
  verdict.rootCause = `${verdict.rootCause} ${Markup}`;
  verdict.evidence = [{ fact: 'log line', value: Markup, source: 'logs:GetLogEvents' }, ...verdict.evidence];
  const crafted = page.context();
  await crafted.route('**/webchat/api/messages', (route) => route.fulfill({
    status: 200,
    contentType: 'application/x-ndjson; charset=utf-8',
    body: `${JSON.stringify({ type: 'progress', text: 'Reading the crafted report' })}\n${JSON.stringify({ type: 'verdict', report })}\n`,
  }));
  try {
    const before = await page.locator('.message.bot').count();
    await send('/diagnose crafted');
    const card = page.locator('.message.bot').nth(before).locator('.card').first();
    await card.waitFor();
    assert.equal(await card.locator('.root-cause').textContent(), verdict.rootCause);
    assert.ok((await card.locator('ul').first().textContent()).includes(Markup));
    assert.equal(await card.locator('script, img:not(figure.chart > img)').count(), 0);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
  } finally {
    await crafted.unroute('**/webchat/api/messages');
  }
});

test('starting an incident shows one grouped feed entry whose count grows with every burst', async () => {
  const probe = await fetch(api('/webchat/api/feed'));
  assert.equal(probe.status, 200, `GET /webchat/api/feed answered ${probe.status}`);

  const start = page.locator('#start-incident');
  await start.waitFor();
  const startBurst = async () => {
    const [response] = await Promise.all([page.waitForResponse((r) => r.url().endsWith('/webchat/api/incidents/start')), start.click()]);
    assert.equal(response.status(), 202);
    return response.json();
  };

  // The entry appears once the first event's queued diagnosis is done, which may be after the whole burst has
  // arrived; so the first burst is awaited in full and a second burst, into the entry already shown, is what grows it.
  const first = await startBurst();
  const shown = () => feedEntriesOf(page, first.service);
  const afterFirst = await waitForState(page, shown, (entries) => totalCount(entries) >= first.events, `the feed did not count the ${first.events} failing tasks of service ${first.service}`);
  assert.deepEqual(afterFirst.map((entry) => entry.count), [first.events], 'the burst of one service is one grouped feed entry counting every failing task');

  const second = await startBurst();
  assert.equal(second.service, first.service);
  const expected = first.events + second.events;
  const afterSecond = await waitForState(page, shown, (entries) => totalCount(entries) >= expected, `the feed entry's count did not grow from ${first.events} to ${expected}`);
  assert.deepEqual(afterSecond.map((entry) => entry.count), [expected], 'the second burst grows the same feed entry');
  assert.ok(afterSecond[0].title.length > 0, 'the feed entry has a title');
  assert.equal(await page.locator('#feed script, #feed img').count(), 0);
});

test('feed entries and their thread lines render what the infrastructure said as text', async () => {
  const at = new Date().toISOString();
  const feed = [{
    incidentKey: 'crafted', title: `Crafted ${Markup}`, playbook: 'task-out-of-memory', status: 'open', service: 'svc', cluster: 'prod',
    count: 3, firstSeen: at, lastSeen: at, recovered: false, rootCause: Markup,
    thread: [{ at, text: `3 failures so far. Latest: ${Markup}` }, { at, text: 'Recovered: the service is steady.' }],
  }];
  const crafted = await newPage(390, 844, (context) => context.route('**/webchat/api/feed', (route) => route.fulfill({ json: feed })));
  try {
    const entry = crafted.locator('#feed .incident');
    await entry.waitFor({ timeout: FeedTimeoutMs });
    assert.equal(await entry.locator('.incident-title').textContent(), `Crafted ${Markup}`);
    assert.equal(await entry.locator('.incident-root-cause').textContent(), Markup);
    assert.deepEqual(await entry.locator('.thread .thread-text').allTextContents(), [`3 failures so far. Latest: ${Markup}`, 'Recovered: the service is steady.']);
    assert.equal(await crafted.locator('#feed script, #feed img').count(), 0);
    assert.equal(await crafted.evaluate(() => window.__pwned), undefined);
    assert.equal(await crafted.locator('#feed-empty').isVisible(), false);
  } finally {
    await crafted.context().close();
  }
});

test('screenshots at 1280 and 390 px, with nothing wider than the phone screen', async () => {
  await page.screenshot({ path: join(screenshots, 'webchat-1280.png'), fullPage: true });
  await page.screenshot({ path: join(screenshots, 'webchat-1280-viewport.png') });

  const phone = await newPage(390, 844);
  try {
    const example = seeded('p07-task-oom');
    await phone.locator(`#examples button[data-name="${example.name}"]`).click();
    await phone.locator('.message.bot .card').first().waitFor({ timeout: DiagnosisTimeoutMs });
    // Measured with the feed as the bot has it (the incident above), not before the page's first feed poll.
    const incidents = (await (await fetch(api('/webchat/api/feed'))).json()).length;
    await waitForState(phone, () => phone.locator('#feed .incident').count(), (count) => count >= incidents, `the phone page did not show the ${incidents} feed entries`);
    const overflow = await phone.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await phone.screenshot({ path: join(screenshots, 'webchat-390.png'), fullPage: true });
    await phone.screenshot({ path: join(screenshots, 'webchat-390-viewport.png') });
    await phone.locator('.feed-pane').screenshot({ path: join(screenshots, 'webchat-390-feed.png') });
    assert.ok(overflow <= 0, `the page is ${overflow} px wider than a 390 px screen`);
    assert.deepEqual(phone.errors, []);
  } finally {
    await phone.context().close();
  }
  assert.deepEqual(page.errors, []);
});
