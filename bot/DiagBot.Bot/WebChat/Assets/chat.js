// The web chat: every value from the infrastructure is written with textContent, never as HTML.
(() => {
  const conversation = document.getElementById('conversation');
  const progress = document.getElementById('progress');
  const error = document.getElementById('error');
  const form = document.getElementById('composer');
  const input = document.getElementById('message');
  const send = document.getElementById('send');

  const el = (tag, className, text) => {
    const node = document.createElement(tag);
    if (className) node.className = className;
    if (text !== undefined && text !== null) node.textContent = String(text);
    return node;
  };

  const addMessage = (node, who) => {
    document.getElementById('welcome').hidden = true;
    const item = el('li', `message ${who}`);
    item.appendChild(node);
    conversation.appendChild(item);
    item.scrollIntoView({ block: 'end' });
    return item;
  };

  // Text with `inline code` spans: the code becomes <code>, everything still written with textContent.
  const withCode = (tag, className, text) => {
    const node = el(tag, className);
    String(text ?? '').split('`').forEach((part, i, parts) => {
      if (!part) return;
      // An unmatched last backtick is shown as it was typed.
      if (i % 2 === 1 && i < parts.length - 1) node.appendChild(el('code', null, part));
      else node.appendChild(document.createTextNode(i % 2 === 1 ? '`' + part : part));
    });
    return node;
  };

  // A chart: the PNG the bot drew, its words as the alt text and, visible, under it.
  const chartFigure = (chart) => {
    const figure = el('figure', 'chart');
    figure.dataset.kind = chart.kind;
    const image = el('img');
    image.src = chart.image;
    image.alt = chart.alt;
    image.loading = 'lazy';
    figure.appendChild(image);
    figure.appendChild(el('figcaption', null, chart.alt));
    return figure;
  };

  const list = (tag, items, render) => {
    const node = el(tag);
    for (const item of items) node.appendChild(render(item));
    return node;
  };

  const verdictCard = (verdict) => {
    const card = el('article', `card ${verdict.status}`);
    card.dataset.playbook = verdict.playbook;
    card.appendChild(el('div', 'status', `${verdict.status.replace('_', ' ')} · playbook ${verdict.playbook} ${verdict.name}${verdict.subCause ? ' · ' + verdict.subCause : ''}`));
    card.appendChild(el('h3', null, verdict.title));
    card.appendChild(el('p', 'root-cause', verdict.rootCause));
    for (const chart of (verdict.charts ?? []).filter((c) => typeof c.image === 'string' && c.image.startsWith('data:image/png;base64,'))) {
      card.appendChild(chartFigure(chart));
    }
    if (verdict.evidence.length) {
      card.appendChild(el('h4', null, 'Evidence'));
      card.appendChild(list('ul', verdict.evidence, (item) => {
        const li = el('li', null, `${item.fact}: ${item.value} `);
        li.appendChild(el('span', 'evidence-source', `(${item.source})`));
        return li;
      }));
    }
    if (verdict.fix.length) {
      card.appendChild(el('h4', null, 'Fix'));
      card.appendChild(list('ol', verdict.fix, (step) => withCode('li', null, step)));
    }
    if (verdict.confirm) {
      card.appendChild(el('h4', null, 'Confirm'));
      const row = el('div', 'confirm');
      const code = el('pre');
      code.appendChild(el('code', 'confirm-command', verdict.confirm));
      const copy = el('button', 'copy', 'Copy');
      copy.type = 'button';
      copy.addEventListener('click', async () => {
        try { await navigator.clipboard.writeText(verdict.confirm); copy.textContent = 'Copied'; }
        catch { copy.textContent = 'Select and copy'; }
      });
      row.append(code, copy);
      card.appendChild(row);
    }
    if (verdict.missing.length) {
      card.appendChild(el('h4', null, 'Could not read'));
      card.appendChild(list('ul', verdict.missing, (gap) => el('li', 'gap', `${gap.source}:${gap.operation} (${gap.reason}): ${gap.detail}`)));
    }
    return card;
  };

  const reportNode = (report) => {
    const wrap = el('div', 'report');
    if (report.verdicts.length === 0) {
      const lines = report.ranking.length
        ? ['Likely failure modes (from the words alone; give the task ARN, service or pod to confirm one):', ...report.ranking.map((r) => `playbook ${r.playbook} ${r.name}: ${r.why}`)]
        : ['No known failure mode matches. Give a task id or ARN, `service <name> in <cluster>`, `target group <name>`, `pod <namespace>/<name> [in <cluster>]`, `deployment <namespace>/<name> [in <cluster>]` or `deployment ecs-svc/<id>` (service and target group ARNs work too) so DiagBot can read the evidence.'];
      wrap.appendChild(el('pre', null, lines.join('\n')));
    }
    for (const verdict of report.verdicts) wrap.appendChild(verdictCard(verdict));
    if (report.missing.length) {
      wrap.appendChild(list('ul', report.missing, (gap) => el('li', 'gap', `Could not read ${gap.source}:${gap.operation} (${gap.reason}): ${gap.detail}`)));
    }
    return wrap;
  };

  const handleLine = (line) => {
    switch (line.type) {
      case 'progress': progress.textContent = `${line.text}…`; break;
      case 'help': addMessage(el('pre', null, line.text), 'bot'); break;
      case 'error': error.textContent = line.text; break;
      case 'verdict': addMessage(reportNode(line.report), 'bot'); break;
    }
  };

  const ask = async (text) => {
    error.textContent = '';
    progress.textContent = 'Sending…';
    addMessage(el('pre', null, text), 'user');
    send.disabled = true;
    try {
      const response = await fetch('/webchat/api/messages', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ text }) });
      if (!response.body) { handleLine(await response.json()); return; }
      const reader = response.body.getReader();
      const decoder = new TextDecoder();
      let buffered = '';
      for (;;) {
        const { value, done } = await reader.read();
        if (done) break;
        buffered += decoder.decode(value, { stream: true });
        let newline;
        while ((newline = buffered.indexOf('\n')) >= 0) {
          const raw = buffered.slice(0, newline).trim();
          buffered = buffered.slice(newline + 1);
          if (raw) handleLine(JSON.parse(raw));
        }
      }
      if (buffered.trim()) handleLine(JSON.parse(buffered));
    } catch (e) {
      error.textContent = `The bot did not answer (${e.message}). Is it still running?`;
    } finally {
      progress.textContent = '';
      send.disabled = false;
      input.focus();
    }
  };

  form.addEventListener('submit', (event) => {
    event.preventDefault();
    const text = input.value.trim();
    if (!text) { error.textContent = 'Type a task ARN, a service, a pod or the symptom first; `help` shows how.'; return; }
    input.value = '';
    ask(text);
  });

  const loadInfo = async () => {
    const info = await (await fetch('/webchat/api/info')).json();
    const banner = document.getElementById('banner');
    if (info.sandbox) { banner.textContent = info.origin; banner.hidden = false; }
    return info.sandbox;
  };

  // The empty conversation greets a newcomer with what to try: two seeded incidents (sandbox), the forms, and help.
  const welcome = (examples) => {
    const tries = document.getElementById('welcome-tries');
    const commands = examples.length
      ? examples.filter((e) => !e.name.startsWith('healthy-')).slice(0, 2).map((e) => ({ label: e.title, command: e.command }))
      : [{ label: 'a service', command: '/diagnose service <name> in <cluster>' }];
    for (const { label, command } of [...commands, { label: 'everything DiagBot understands', command: 'help' }]) {
      const button = el('button', 'try', command);
      button.type = 'button';
      button.title = label;
      button.addEventListener('click', () => (command.includes('<') ? (input.value = command, input.focus()) : ask(command)));
      const item = el('li');
      item.append(button, el('span', 'try-label', label));
      tries.appendChild(item);
    }
  };

  const loadExamples = async () => {
    const examples = await (await fetch('/webchat/api/examples')).json();
    welcome(examples);
    const target = document.getElementById('examples');
    for (const example of examples) {
      const button = el('button', 'example', example.title);
      button.type = 'button';
      button.dataset.name = example.name;
      button.title = example.summary;
      button.appendChild(el('small', null, example.name));
      button.addEventListener('click', () => ask(example.command));
      const item = el('li');
      item.appendChild(button);
      target.appendChild(item);
    }
  };

  // The incident feed: what the bot would post in the incident channel, polled every two seconds.
  const FeedPollMs = 2000;
  const feed = document.getElementById('feed');
  const feedStatus = document.getElementById('feed-status');
  const feedEmpty = document.getElementById('feed-empty');
  const startIncident = document.getElementById('start-incident');
  const shownEntries = new Map();
  let feedTimer;

  const timeOf = (value) => {
    const date = new Date(value);
    return Number.isNaN(date.getTime()) ? String(value ?? '') : date.toLocaleTimeString([], { hour12: false });
  };

  const feedEntry = (entry) => {
    const item = el('li', `incident ${entry.recovered ? 'recovered' : 'open'}`);
    item.dataset.incidentKey = entry.incidentKey;
    const head = el('div', 'incident-head');
    head.appendChild(el('span', 'badge', entry.recovered ? 'Recovered' : 'Open'));
    head.appendChild(el('h3', 'incident-title', entry.title));
    item.appendChild(head);
    item.appendChild(el('p', 'incident-where', `${entry.scopeKind ?? 'service'} ${entry.service} · cluster ${entry.cluster} · playbook ${entry.playbook}`));
    const count = el('p', 'incident-count');
    count.appendChild(el('strong', 'count', entry.count));
    count.appendChild(document.createTextNode(` failing event${entry.count === 1 ? '' : 's'} · first ${timeOf(entry.firstSeen)} · last ${timeOf(entry.lastSeen)}`));
    item.appendChild(count);
    if (entry.rootCause) {
      const cause = el('p', 'incident-root');
      cause.appendChild(el('span', 'label', 'Root cause: '));
      cause.appendChild(el('span', 'incident-root-cause', entry.rootCause));
      item.appendChild(cause);
    }
    // The first diagnosis' charts, drawn by the bot at its own feed's chart URL (fetched once, then cached).
    for (const chart of (entry.charts ?? []).filter((c) => typeof c.image === 'string' && c.image.startsWith('/webchat/api/feed/chart?'))) {
      item.appendChild(chartFigure(chart));
    }
    if (entry.thread && entry.thread.length) {
      const thread = list('ol', entry.thread, (line) => {
        const li = el('li');
        li.appendChild(el('time', null, timeOf(line.at)));
        li.appendChild(el('span', 'thread-text', line.text));
        return li;
      });
      thread.className = 'thread';
      thread.setAttribute('aria-label', 'Thread');
      item.appendChild(thread);
    }
    return item;
  };

  const renderFeed = (entries) => {
    feedEmpty.hidden = entries.length > 0;
    const seen = new Set();
    let previous = null;
    for (const entry of entries) {
      const key = String(entry.incidentKey);
      seen.add(key);
      const signature = JSON.stringify(entry);
      let shown = shownEntries.get(key);
      if (!shown || shown.signature !== signature) {
        const node = feedEntry(entry);
        if (shown) shown.node.replaceWith(node);
        shown = { node, signature };
        shownEntries.set(key, shown);
      }
      const expected = previous ? previous.nextSibling : feed.firstChild;
      if (expected !== shown.node) feed.insertBefore(shown.node, expected);
      previous = shown.node;
    }
    for (const [key, shown] of shownEntries) {
      if (!seen.has(key)) { shown.node.remove(); shownEntries.delete(key); }
    }
  };

  const pollFeed = async () => {
    clearTimeout(feedTimer);
    const failed = (why) => { feedStatus.textContent = `The feed did not answer (${why}). Is the bot still running?`; feedStatus.dataset.failed = 'true'; };
    try {
      const response = await fetch('/webchat/api/feed', { cache: 'no-store' });
      if (response.ok || response.status === 404) {
        // 404: a bot without the incident feed has nothing to show yet.
        renderFeed(response.ok ? await response.json() : []);
        if (feedStatus.dataset.failed) { feedStatus.textContent = ''; delete feedStatus.dataset.failed; }
      } else {
        failed(`HTTP ${response.status}`);
      }
    } catch (e) {
      failed(e.message);
    } finally {
      // A poll started by the button may overlap the timed one; whichever ends last sets the one next timer.
      clearTimeout(feedTimer);
      feedTimer = setTimeout(pollFeed, FeedPollMs);
    }
  };

  startIncident.addEventListener('click', async () => {
    startIncident.disabled = true;
    feedStatus.textContent = 'Starting an incident…';
    delete feedStatus.dataset.failed;
    try {
      const response = await fetch('/webchat/api/incidents/start', { method: 'POST' });
      if (response.status === 202) {
        const started = await response.json();
        feedStatus.textContent = `Started: ${started.events} failing tasks of service ${started.service} arrive over the next seconds.`;
      } else if (response.status === 404) {
        feedStatus.textContent = 'Only the sandbox can start an incident.';
      } else {
        feedStatus.textContent = `The incident did not start (HTTP ${response.status}).`;
      }
    } catch (e) {
      feedStatus.textContent = `The incident did not start (${e.message}).`;
    } finally {
      startIncident.disabled = false;
      pollFeed();
    }
  });

  loadInfo().then((sandbox) => { startIncident.hidden = !sandbox; }).catch(() => {});
  loadExamples();
  pollFeed();
})();
