/*
 * Herald chat widget: one <script src=".../widget.js" defer> tag puts a news question-answering chat on a page.
 * Plain JavaScript, no build step. Everything lives in a Shadow DOM so the host page's CSS and ours never meet.
 * Answer and passage text only ever reach the DOM as text nodes: an article or answer carrying HTML shows it.
 */
(function () {
  'use strict';

  const script = document.currentScript || document.querySelector('script[src*="widget.js"]');
  if (!script || document.querySelector('herald-widget')) {
    return;
  }

  const data = script.dataset;
  const options = {
    title: data.title || 'Ask Herald',
    greeting: data.greeting || 'Ask me about the news. I answer from our articles and cite them.',
    color: data.color && CSS.supports('color', data.color) ? data.color : '#1d4f91',
    left: data.position === 'left',
    open: data.open === 'true' || data.open === '',
    page: data.mode === 'page',
    // the API sits next to the script unless the site owner says otherwise
    baseUrl: (data.baseUrl || new URL(script.src, location.href).origin).replace(/\/+$/, ''),
  };
  const storageKey = 'herald-widget:' + options.baseUrl;
  const MAX_KEPT_MESSAGES = 40;

  const STYLE = `
:host { all: initial; }
* { box-sizing: border-box; }
.herald { font: 15px/1.5 system-ui, -apple-system, "Segoe UI", Roboto, "Helvetica Neue", Arial, sans-serif;
  color: #1b1f24; -webkit-font-smoothing: antialiased; --primary: #1d4f91; }
button { font: inherit; color: inherit; }
button:focus-visible, textarea:focus-visible { outline: 2px solid var(--primary); outline-offset: 2px; }
.launcher { position: fixed; bottom: 20px; right: 20px; z-index: 2147483000; display: flex; align-items: center;
  gap: 8px; height: 52px; padding: 0 20px 0 16px; border: 0; border-radius: 26px; background: var(--primary);
  color: #fff; font-weight: 600; font-size: 15px; cursor: pointer; box-shadow: 0 6px 20px rgba(15, 23, 42, .28);
 }
.launcher:focus-visible { outline-color: #1b1f24; }
.launcher svg { width: 22px; height: 22px; }
.left .launcher, .left .panel { right: auto; left: 20px; }
.panel { position: fixed; bottom: 20px; right: 20px; z-index: 2147483001; width: 390px;
  height: min(640px, calc(100vh - 40px)); display: flex; flex-direction: column; background: #fff;
  border-radius: 14px; overflow: hidden; box-shadow: 0 16px 48px rgba(15, 23, 42, .28), 0 0 0 1px rgba(15, 23, 42, .06); }
[hidden] { display: none !important; }
header { display: flex; align-items: center; gap: 8px; padding: 12px 10px 12px 18px; background: var(--primary); color: #fff; }
header h2 { flex: 1; margin: 0; font-size: 16px; font-weight: 650; letter-spacing: .01em; overflow: hidden;
  text-overflow: ellipsis; white-space: nowrap; }
header button { display: inline-flex; align-items: center; gap: 6px; height: 32px; padding: 0 10px; border: 1px solid rgba(255, 255, 255, .45);
  border-radius: 8px; background: transparent; color: #fff; font-size: 13px; cursor: pointer; }
header button:hover { background: rgba(255, 255, 255, .14); }
header button:focus-visible { outline-color: #fff; }
header .close { width: 32px; padding: 0; justify-content: center; border-color: transparent; }
header svg { width: 18px; height: 18px; }
.body { position: relative; flex: 1; min-height: 0; display: flex; flex-direction: column; }
.log { flex: 1; overflow-y: auto; padding: 16px; display: flex; flex-direction: column; gap: 12px; background: #f5f6f8; }
.msg { max-width: 88%; padding: 10px 14px; border-radius: 16px; overflow-wrap: anywhere; }
.msg.user { align-self: flex-end; background: var(--primary); color: #fff; border-bottom-right-radius: 4px; white-space: pre-wrap; }
.msg.bot { align-self: flex-start; background: #fff; border: 1px solid #e1e5ea; border-bottom-left-radius: 4px; }
.msg p { margin: 0 0 8px; } .msg p:last-child { margin-bottom: 0; }
.msg ul, .msg ol { margin: 0 0 8px; padding-left: 20px; } .msg li { margin: 2px 0; }
.cite { display: inline-block; min-width: 20px; height: 19px; margin: 0 2px; padding: 0 5px; border: 0; border-radius: 5px;
  background: #e6edf7; background: color-mix(in srgb, var(--primary) 13%, #fff); color: var(--primary);
  font-size: 12px; font-weight: 700; line-height: 19px; vertical-align: 1px; cursor: pointer; }
.cite:hover { background: var(--primary); color: #fff; }
.mode-label { display: inline-block; margin-bottom: 8px; padding: 2px 10px; border-radius: 999px; background: #fff5db;
  border: 1px solid #f0d48a; color: #6f4a00; font-size: 12px; font-weight: 600; }
.queued { color: #5b6470; font-size: 14px; }
.note { margin-top: 6px; font-size: 13px; color: #5b6470; font-style: italic; }
.rate { display: flex; align-items: center; gap: 6px; margin-top: 8px; font-size: 12.5px; color: #5b6470; }
.rate button { padding: 1px 8px; border: 1px solid #d5dbe1; border-radius: 999px; background: #fff; cursor: pointer; }
.rate button[aria-pressed=true] { background: var(--primary); border-color: var(--primary); }
.rate input { flex: 1; min-width: 0; padding: 3px 8px; border: 1px solid #c9d0d8; border-radius: 8px; font: inherit; }
.msg .sources { margin: 10px 0 0; padding: 8px 0 0; border-top: 1px solid #eceff2; list-style: none; }
.source-link { display: flex; gap: 8px; width: 100%; padding: 3px 0; border: 0; background: none; text-align: left;
  font-size: 13px; line-height: 1.35; color: #3d4652; cursor: pointer; }
.source-link:hover .source-title { text-decoration: underline; }
.source-link .num { flex: none; color: var(--primary); font-weight: 700; }
.source-link .when { flex: none; color: #7a838e; }
.source-title { flex: 1; min-width: 0; overflow: hidden; text-overflow: ellipsis; white-space: nowrap; }
.error { align-self: stretch; padding: 10px 14px; border: 1px solid #f1c0c0; border-radius: 12px; background: #fdeeee;
  color: #8b1d1d; font-size: 14px; }
.typing { display: inline-flex; gap: 4px; padding: 4px 0; }
.typing span { width: 7px; height: 7px; border-radius: 50%; background: #9aa3ad; animation: blink 1.2s infinite ease-in-out; }
.typing span:nth-child(2) { animation-delay: .2s; } .typing span:nth-child(3) { animation-delay: .4s; }
@keyframes blink { 0%, 80%, 100% { opacity: .25; } 40% { opacity: 1; } }
form { display: flex; align-items: flex-end; gap: 8px; padding: 10px 12px; border-top: 1px solid #e1e5ea; background: #fff; }
textarea { flex: 1; min-width: 0; height: 42px; max-height: 128px; padding: 10px 12px; border: 1px solid #c9d0d8;
  border-radius: 10px; resize: none; font: inherit; font-size: 15px; line-height: 20px; color: #1b1f24; background: #fff; }
textarea:focus { border-color: var(--primary); outline: none; box-shadow: 0 0 0 3px color-mix(in srgb, var(--primary) 20%, transparent); }
form button { flex: none; display: inline-flex; align-items: center; justify-content: center; gap: 6px; height: 42px;
  padding: 0 14px; border-radius: 10px; font-size: 14px; font-weight: 600; cursor: pointer; }
.send { width: 46px; padding: 0; border: 0; background: var(--primary); color: #fff; }
.send:disabled { opacity: .4; cursor: not-allowed; }
.send svg, .stop svg { width: 18px; height: 18px; }
.stop { border: 1px solid #c9d0d8; background: #fff; color: #1b1f24; }
.stop:hover { background: #f1f3f5; }
.footnote { margin: 0; padding: 0 12px 8px; background: #fff; color: #6b7480; font-size: 11.5px; text-align: center; }
.source-view { position: absolute; inset: 0; overflow-y: auto; padding: 14px 18px 20px; background: #fff; }
.back { display: inline-flex; align-items: center; gap: 4px; margin: 0 0 12px -6px; padding: 4px 8px; border: 0;
  border-radius: 6px; background: none; color: var(--primary); font-size: 14px; font-weight: 600; cursor: pointer; }
.back:hover { background: #eef2f7; }
.back svg { width: 16px; height: 16px; }
.kicker { margin: 0 0 4px; color: var(--primary); font-size: 12px; font-weight: 700; letter-spacing: .06em; text-transform: uppercase; }
.source-view h3 { margin: 0 0 6px; font-size: 18px; line-height: 1.3; font-family: Georgia, "Times New Roman", serif; outline: none; }
.meta { margin: 0 0 14px; color: #5b6470; font-size: 13px; }
blockquote { margin: 0; padding: 2px 0 2px 14px; border-left: 3px solid var(--primary); font-family: Georgia, "Times New Roman", serif;
  font-size: 15.5px; line-height: 1.6; color: #2b3138; white-space: pre-wrap; overflow-wrap: anywhere; }
mark { background: #fff1a8; color: inherit; padding: 1px 0; border-radius: 2px; box-shadow: 0 0 0 2px #fff1a8; }
.hint { margin: 12px 0 0; color: #6b7480; font-size: 12.5px; }
.page .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; box-shadow: none; }
.page .log, .page form, .page .footnote, .page header, .page .source-view { padding-inline: max(16px, calc((100% - 760px) / 2)); }
@media (max-width: 480px) {
  .panel, .left .panel { inset: 0; width: 100%; height: 100%; border-radius: 0; }
  .msg { max-width: 94%; }
  textarea { font-size: 16px; }
}
@media (prefers-reduced-motion: reduce) { .typing span { animation: none; } }
`;

  const ICONS = {
    chat: 'M4 4h16a2 2 0 0 1 2 2v10a2 2 0 0 1-2 2H9l-5 4v-4H4a2 2 0 0 1-2-2V6a2 2 0 0 1 2-2z',
    close: 'M6 6l12 12M18 6L6 18',
    send: 'M4 12l16-8-6 16-3-7-7-1z',
    stop: 'M7 7h10v10H7z',
    back: 'M15 5l-7 7 7 7',
    plus: 'M12 5v14M5 12h14',
  };

  // --- small DOM helpers: every string goes in as a text node

  function el(tag, props, ...children) {
    const node = document.createElement(tag);
    for (const [key, value] of Object.entries(props || {})) {
      if (key === 'class') {
        node.className = value;
      } else if (key === 'text') {
        node.textContent = value;
      } else if (key.startsWith('on')) {
        node.addEventListener(key.slice(2), value);
      } else if (value !== false && value != null) {
        node.setAttribute(key, value === true ? '' : value);
      }
    }
    node.append(...children.filter((c) => c != null));
    return node;
  }

  function icon(name) {
    const ns = 'http://www.w3.org/2000/svg';
    const svg = document.createElementNS(ns, 'svg');
    const path = document.createElementNS(ns, 'path');
    const attributes = { viewBox: '0 0 24 24', 'aria-hidden': 'true', fill: 'none', stroke: 'currentColor',
      'stroke-width': '2', 'stroke-linecap': 'round', 'stroke-linejoin': 'round' };
    Object.entries(attributes).forEach(([key, value]) => svg.setAttribute(key, value));
    path.setAttribute('d', ICONS[name]);
    svg.append(path);
    return svg;
  }

  function formatDate(iso) {
    const m = /^(\d{4})-(\d{2})-(\d{2})/.exec(iso || '');
    if (!m) {
      return '';
    }
    return new Date(Date.UTC(+m[1], +m[2] - 1, +m[3]))
      .toLocaleDateString(undefined, { year: 'numeric', month: 'long', day: 'numeric', timeZone: 'UTC' });
  }

  // --- light formatting: paragraphs, lists, **bold** and [n] citations, nothing else

  function renderRich(container, text, sources, onCite) {
    container.replaceChildren();
    for (const block of text.replace(/\r\n?/g, '\n').split(/\n{2,}/)) {
      let list = null;
      let paragraph = null;
      for (const line of block.split('\n')) {
        if (!line.trim()) {
          continue;
        }
        const item = /^\s*(?:[-*•]|(\d+)[.)])\s+(.*)$/.exec(line);
        if (item) {
          const tag = item[1] ? 'OL' : 'UL';
          if (!list || list.tagName !== tag) {
            list = el(tag.toLowerCase());
            container.append(list);
          }
          paragraph = null;
          const li = el('li');
          renderInline(li, item[2], sources, onCite);
          list.append(li);
        } else {
          list = null;
          if (paragraph) {
            paragraph.append(el('br'));
          } else {
            paragraph = el('p');
            container.append(paragraph);
          }
          renderInline(paragraph, line.trim(), sources, onCite);
        }
      }
    }
  }

  function renderInline(parent, text, sources, onCite) {
    const pattern = /\[(\d+(?:\s*,\s*\d+)*)\]|\*\*([^*]+)\*\*/g;
    let last = 0;
    let match;
    while ((match = pattern.exec(text))) {
      parent.append(text.slice(last, match.index));
      if (match[1]) {
        const numbers = match[1].split(',').map((n) => parseInt(n, 10));
        if (numbers.every((n) => n >= 1 && n <= sources.length)) {
          numbers.forEach((n) => parent.append(citeButton(n, sources[n - 1], onCite)));
        } else {
          parent.append(match[0]);
        }
      } else {
        parent.append(el('strong', { text: match[2] }));
      }
      last = pattern.lastIndex;
    }
    parent.append(text.slice(last));
  }

  function citeButton(n, source, onCite) {
    return el('button', {
      type: 'button', class: 'cite', text: String(n),
      'aria-label': 'Source ' + n + ': ' + (source.title || 'untitled'),
      onclick: (event) => onCite(n, event.currentTarget),
    });
  }

  // --- which sentence of a passage supports the answer

  const STOP_WORDS = new Set(('a an and are as at be been but by did do does for from had has have he her his how in into is it '
    + 'its of on or she so than that the their them then there they this to was were what when where which who will with '
    + 'would according said says').split(' '));

  function words(text) {
    return new Set((text.toLowerCase().match(/[\p{L}\p{N}]+/gu) || []).filter((w) => w.length > 1 && !STOP_WORDS.has(w)));
  }

  /** The passage cut into sentences that, joined, give back the passage exactly. */
  function sentences(text) {
    const out = [];
    const boundary = /[.!?]["'”’)]*\s+(?=["'“‘(]?[\p{Lu}\p{N}])/gu;
    let start = 0;
    let match;
    while ((match = boundary.exec(text))) {
      out.push(text.slice(start, match.index + match[0].length));
      start = match.index + match[0].length;
    }
    out.push(text.slice(start));
    return out.filter((s) => s.length);
  }

  function citedNumbers(answer) {
    const numbers = new Set();
    for (const match of answer.matchAll(/\[(\d+(?:\s*,\s*\d+)*)\]/g)) {
      match[1].split(',').forEach((x) => numbers.add(parseInt(x, 10)));
    }
    return numbers;
  }

  /** What the answer says right before each [n]: the claim the passage is cited for. */
  function claimsFor(answer, n) {
    const claims = [];
    const marker = /\[(\d+(?:\s*,\s*\d+)*)\]/g;
    let previousEnd = 0;
    let match;
    while ((match = marker.exec(answer))) {
      if (match[1].split(',').map((x) => parseInt(x, 10)).includes(n)) {
        const before = answer.slice(previousEnd, match.index);
        const ends = [...before.matchAll(/[.!?]["”']?\s+(?=\S)/g)];
        claims.push(ends.length ? before.slice(ends[ends.length - 1].index + ends[ends.length - 1][0].length) : before);
      }
      previousEnd = match.index + match[0].length;
    }
    return claims.join(' ');
  }

  function supportingSentence(passage, answer, n) {
    const claim = words(claimsFor(answer, n) || answer);
    let best = -1;
    let bestScore = 0;
    sentences(passage).forEach((sentence, i) => {
      const own = words(sentence);
      let shared = 0;
      own.forEach((w) => { shared += claim.has(w) ? 1 : 0; });
      // most shared words wins; on a tie, the denser (shorter) sentence
      const score = shared + shared / (own.size + 1);
      if (shared >= Math.min(2, claim.size) && score > bestScore) {
        best = i;
        bestScore = score;
      }
    });
    return best;
  }

  // --- the conversation kept in sessionStorage, so it survives a reload

  function load() {
    try {
      const saved = JSON.parse(sessionStorage.getItem(storageKey) || 'null');
      if (saved && Array.isArray(saved.messages)) {
        return saved;
      }
    } catch (ignored) {
      // storage off or corrupted: start over
    }
    return { conversationId: null, messages: [], open: false };
  }

  function save() {
    try {
      state.messages = state.messages.slice(-MAX_KEPT_MESSAGES);
      sessionStorage.setItem(storageKey, JSON.stringify(state));
    } catch (ignored) {
      // storage full or off: the chat still works, it just won't survive a reload
    }
  }

  // --- building the widget

  const state = load();
  let current = null; // the AbortController of the answer being streamed
  let chat = 0; // bumped by "New chat", so an answer stopped by it is not saved into the new conversation
  let returnFocusTo = null;

  const host = document.createElement('herald-widget');
  const root = host.attachShadow({ mode: 'open' });
  const wrapper = el('div', { class: 'herald' + (options.left ? ' left' : '') + (options.page ? ' page' : '') });
  wrapper.style.setProperty('--primary', options.color);

  const launcher = el('button', {
    type: 'button', class: 'launcher', 'aria-haspopup': 'dialog', 'aria-expanded': 'false',
    onclick: () => setOpen(true),
  }, icon('chat'), el('span', { text: options.title }));

  const log = el('div', { class: 'log', role: 'log', 'aria-live': 'polite', 'aria-label': 'Conversation' });
  const textarea = el('textarea', {
    rows: '1', placeholder: 'Ask a question about the news…', 'aria-label': 'Your question', maxlength: '2000',
  });
  const sendButton = el('button', { type: 'submit', class: 'send', 'aria-label': 'Send', title: 'Send (Enter)' }, icon('send'));
  const stopButton = el('button', { type: 'button', class: 'stop', hidden: true, onclick: () => current && current.abort() },
    icon('stop'), el('span', { text: 'Stop' }));
  const form = el('form', { onsubmit: submit }, textarea, stopButton, sendButton);
  const sourceView = el('section', { class: 'source-view', hidden: true, 'aria-label': 'Source' });
  const titleId = 'herald-title';
  const panel = el('section', { class: 'panel', role: options.page ? 'main' : 'dialog', 'aria-labelledby': titleId, hidden: !options.page },
    el('header', null,
      el('h2', { id: titleId, text: options.title }),
      el('button', { type: 'button', class: 'new-chat', onclick: newChat, title: 'Start a new conversation' }, icon('plus'), el('span', { text: 'New chat' })),
      options.page ? null : el('button', { type: 'button', class: 'close', 'aria-label': 'Close chat', onclick: () => setOpen(false) }, icon('close'))),
    el('div', { class: 'body' },
      log,
      form,
      el('p', { class: 'footnote', text: 'Answers come from our articles and can contain mistakes: check the sources.' }),
      sourceView));

  wrapper.append(...(options.page ? [panel] : [launcher, panel]));
  root.append(el('style', { text: STYLE }), wrapper);

  textarea.addEventListener('keydown', (event) => {
    if (event.key === 'Enter' && !event.shiftKey && !event.isComposing) {
      event.preventDefault();
      form.requestSubmit();
    }
  });
  textarea.addEventListener('input', autoGrow);
  panel.addEventListener('keydown', (event) => {
    if (event.key !== 'Escape') {
      return;
    }
    if (!sourceView.hidden) {
      closeSource();
    } else if (!options.page) {
      setOpen(false);
    }
  });

  function autoGrow() {
    textarea.style.height = 'auto';
    textarea.style.height = Math.min(textarea.scrollHeight + 2, 128) + 'px';
  }

  function setOpen(open, moveFocus = true) {
    if (options.page) {
      return;
    }
    panel.hidden = !open;
    launcher.hidden = open;
    launcher.setAttribute('aria-expanded', String(open));
    state.open = open;
    save();
    if (open) {
      scrollToEnd(true);
      if (moveFocus) {
        textarea.focus();
      }
    } else {
      closeSource();
      launcher.focus();
    }
  }

  function scrollToEnd(force) {
    const nearEnd = log.scrollHeight - log.scrollTop - log.clientHeight < 80;
    if (force || nearEnd) {
      log.scrollTop = log.scrollHeight;
    }
  }

  // --- messages

  function renderAll() {
    log.replaceChildren(el('div', { class: 'msg bot greeting', text: options.greeting }));
    for (const message of state.messages) {
      if (message.role === 'user') {
        log.append(userBubble(message.text));
      } else {
        const bubble = el('div', { class: 'msg bot' });
        log.append(bubble);
        renderAnswer(bubble, message);
      }
    }
  }

  function userBubble(text) {
    return el('div', { class: 'msg user', text });
  }

  /** An answer: mode label, formatted text with citations, a note, and its sources. */
  function renderAnswer(bubble, message) {
    const onCite = (n, button) => openSource(message, n, button);
    const text = el('div', { class: 'answer-text' });
    if (message.text) {
      renderRich(text, message.text, message.sources || [], onCite);
    } else if (message.pending && message.queue) {
      const wait = message.queue.estimatedWaitSeconds > 0 ? ' (about ' + message.queue.estimatedWaitSeconds + ' s)' : '';
      text.append(el('span', { class: 'queued', text: 'Many readers are asking right now: you are number '
        + message.queue.position + ' in line for the AI' + wait + '.' }));
    } else if (message.pending) {
      text.append(el('span', { class: 'typing', 'aria-label': 'Herald is writing' }, el('span'), el('span'), el('span')));
    }
    const numbers = citedNumbers(message.text || '');
    const cited = (message.sources || []).map((source, i) => ({ source, n: i + 1 })).filter(({ n }) => numbers.has(n));
    bubble.replaceChildren(...[
      message.mode === 'retrieval-only'
        ? (message.reason === 'unsupported'
          ? el('div', { class: 'mode-label', title: 'The AI model stated something the articles do not say, so Herald quotes the articles instead.', text: 'Quoted from the articles · the AI answer did not match them' })
          : message.reason === 'busy'
            ? el('div', { class: 'mode-label', title: 'The AI is busy, so this answer quotes the articles. Ask again in a moment for the AI\'s own answer.', text: 'The AI is busy, so this answer quotes the articles' })
            : el('div', { class: 'mode-label', title: 'The AI model is offline, so Herald quotes the articles that answer your question.', text: 'Quoted from the articles · AI offline' }))
        : null,
      text,
      message.note ? el('div', { class: 'note', text: message.note }) : null,
      !message.pending && cited.length ? sourceList(cited, onCite) : null,
      !message.pending && message.answerId ? rating(bubble, message) : null,
    ].filter(Boolean));
  }

  /** Thumbs up or down under an answer; a thumbs-down offers a one-line comment. */
  function rating(bubble, message) {
    const thumb = (value, label, glyph) => el('button', { type: 'button', class: 'thumb-' + value, title: label, 'aria-label': label,
      'aria-pressed': String(message.rating === value), text: glyph, onclick: () => rate(bubble, message, value) });
    const box = el('div', { class: 'rate', role: 'group', 'aria-label': 'Rate this answer' },
      message.rating ? null : 'Helpful?', thumb('up', 'Good answer', '\u{1F44D}'), thumb('down', 'Bad answer', '\u{1F44E}'));
    if (message.rating === 'down' && !message.commented) {
      const input = el('input', { maxlength: '1000', placeholder: 'What was wrong? (optional)', 'aria-label': 'What was wrong? (optional)' });
      const send = (comment) => rate(bubble, message, 'down', comment);
      input.addEventListener('keydown', (event) => {
        if (event.key === 'Enter' || event.key === 'Escape') {
          event.preventDefault();
          event.stopPropagation();
          send(event.key === 'Enter' ? input.value.trim() : '');
        }
      });
      box.append(input, el('button', { type: 'button', class: 'send-comment', text: 'Send', onclick: () => send(input.value.trim()) }));
    } else if (message.rating) {
      box.append(el('span', { role: 'status', text: 'Thanks for your feedback.' }));
    }
    return box;
  }

  /** Sends a rating (the thumbs-down at once, then again with its comment: the second replaces the first). */
  async function rate(bubble, message, value, comment) {
    const first = comment === undefined;
    message.commented = value === 'up' || !first;
    message.rating = value;
    save();
    renderAnswer(bubble, message);
    bubble.querySelector(first && value === 'down' ? '.rate input' : '.thumb-' + value).focus();
    if (first || comment) {
      try {
        const response = await fetch(options.baseUrl + '/api/feedback', { method: 'POST', headers: { 'Content-Type': 'application/json' },
          body: JSON.stringify({ answerId: message.answerId, rating: value, comment: comment || undefined }) });
        if (!response.ok) {
          throw new Refusal(await problemDetail(response));
        }
      } catch (error) {
        showError('Your rating was not sent. ' + (error instanceof Refusal ? error.message : 'Please try again.'));
      }
    }
  }

  /** The passages the answer cites, in order. */
  function sourceList(cited, onCite) {
    const list = el('ol', { class: 'sources', 'aria-label': 'Sources' });
    cited.forEach(({ source, n }) => {
      list.append(el('li', null, el('button', { type: 'button', class: 'source-link', onclick: (e) => onCite(n, e.currentTarget) },
        el('span', { class: 'num', text: '[' + n + ']' }),
        el('span', { class: 'source-title', text: source.title || 'Untitled' }),
        el('span', { class: 'when', text: formatDate(source.publishedAt) }))));
    });
    return list;
  }

  function showError(text) {
    log.append(el('div', { class: 'error', role: 'alert', text }));
    scrollToEnd(true);
  }

  // --- the source view: title, date and the passage with its supporting sentence highlighted

  function openSource(message, n, opener) {
    const source = message.sources[n - 1];
    if (!source) {
      return;
    }
    returnFocusTo = opener;
    const heading = el('h3', { tabindex: '-1', text: source.title || 'Untitled' });
    const passage = el('blockquote', { class: 'passage' });
    const highlighted = supportingSentence(source.text || '', message.text || '', n);
    sentences(source.text || '').forEach((sentence, i) => {
      passage.append(i === highlighted ? el('mark', { text: sentence }) : sentence);
    });
    const meta = [source.source, formatDate(source.publishedAt),
      source.updatedAt ? 'updated ' + formatDate(source.updatedAt.slice(0, 10)) : null].filter(Boolean).join(' · ');
    // only http(s) addresses become links: a javascript: URL from a feed must not run in the host page
    const articleLink = /^https?:\/\//i.test(source.url || '')
      ? el('p', { class: 'article-link' }, el('a', { href: source.url, target: '_blank', rel: 'noopener noreferrer', text: 'Read the article' }))
      : null;
    sourceView.replaceChildren(
      el('button', { type: 'button', class: 'back', onclick: closeSource }, icon('back'), el('span', { text: 'Back to the answer' })),
      el('p', { class: 'kicker', text: 'Source [' + n + ']' }),
      heading,
      meta ? el('p', { class: 'meta', text: meta }) : null,
      articleLink,
      passage,
      highlighted >= 0 ? el('p', { class: 'hint', text: 'Highlighted: the sentence the answer rests on.' }) : null);
    sourceView.hidden = false;
    sourceView.scrollTop = 0;
    heading.focus();
  }

  function closeSource() {
    if (sourceView.hidden) {
      return;
    }
    sourceView.hidden = true;
    if (returnFocusTo && returnFocusTo.isConnected) {
      returnFocusTo.focus();
    } else {
      textarea.focus();
    }
    returnFocusTo = null;
  }

  // --- asking

  function newChat() {
    if (current) {
      current.abort();
    }
    chat += 1;
    state.conversationId = null;
    state.messages = [];
    save();
    closeSource();
    renderAll();
    textarea.focus();
  }

  function setBusy(busy) {
    sendButton.disabled = busy;
    stopButton.hidden = !busy;
    log.setAttribute('aria-busy', String(busy));
  }

  function submit(event) {
    event.preventDefault();
    const question = textarea.value.trim();
    if (!question || current) {
      return;
    }
    textarea.value = '';
    autoGrow();
    ask(question);
  }

  async function ask(question) {
    const controller = new AbortController();
    const asked = chat;
    current = controller;
    setBusy(true);
    state.messages.push({ role: 'user', text: question });
    log.append(userBubble(question));
    const message = { role: 'bot', text: '', sources: [], mode: null, pending: true };
    const bubble = el('div', { class: 'msg bot' });
    log.append(bubble);
    renderAnswer(bubble, message);
    scrollToEnd(true);

    let frame = 0;
    const redraw = () => {
      if (!frame) {
        frame = requestAnimationFrame(() => {
          frame = 0;
          renderAnswer(bubble, message);
          scrollToEnd(false);
        });
      }
    };
    let finished = false;
    try {
      const response = await fetch(options.baseUrl + '/api/ask/stream', {
        method: 'POST',
        headers: { 'Content-Type': 'application/json', Accept: 'text/event-stream' },
        body: JSON.stringify({ question, conversationId: state.conversationId || undefined, channel: 'widget' }),
        signal: controller.signal,
      });
      if (response.status === 429) {
        const seconds = parseInt(response.headers.get('Retry-After'), 10);
        throw new Refusal('You are asking faster than Herald can answer. Please wait '
          + (seconds > 0 ? seconds + ' second' + (seconds === 1 ? '' : 's') : 'a moment') + ' and ask again.');
      }
      if (!response.ok) {
        throw new Refusal(await problemDetail(response));
      }
      await readEvents(response.body, (name, payload) => {
        const value = JSON.parse(payload);
        if (name === 'sources') {
          message.sources = value;
        } else if (name === 'queued') {
          message.queue = value;
        } else if (name === 'token') {
          message.text += value.text;
        } else if (name === 'done') {
          // the done event is authoritative: on a fallback, or when the answer check removed what the
          // articles do not support, its answer and sources replace what streamed
          message.text = value.answer;
          message.sources = value.sources || [];
          message.mode = value.mode;
          message.reason = value.reason || null;
          message.answerId = value.answerId;
          state.conversationId = value.conversationId || state.conversationId;
          finished = true;
        }
        message.pending = !message.text && !finished;
        redraw();
      });
      if (!finished) {
        message.note = 'The answer was cut off before it finished. Please try again.';
      }
    } catch (error) {
      if (error.name === 'AbortError') {
        message.note = message.text ? 'Stopped.' : 'Stopped before an answer came.';
      } else {
        message.failed = true;
        showError(error instanceof Refusal ? error.message
          : 'Herald cannot be reached right now. Please check your connection and try again in a moment.');
      }
    } finally {
      if (frame) {
        cancelAnimationFrame(frame);
      }
      message.pending = false;
      delete message.queue;
      if (message.failed || asked !== chat) {
        bubble.remove();
      } else {
        renderAnswer(bubble, message);
        state.messages.push(message);
      }
      current = null;
      setBusy(false);
      save();
      scrollToEnd(false);
      if (!panel.hidden && sourceView.hidden) {
        textarea.focus();
      }
    }
  }

  /** A refusal by the service (4xx/5xx), with the reason it gave. */
  class Refusal extends Error {}

  async function problemDetail(response) {
    try {
      const problem = await response.json();
      if (problem && (problem.detail || problem.title)) {
        return 'Herald could not answer: ' + (problem.detail || problem.title);
      }
    } catch (ignored) {
      // not a problem+json body
    }
    return 'Herald could not answer (HTTP ' + response.status + '). Please try again later.';
  }

  /** Server-Sent Events over fetch(): EventSource cannot POST a JSON body. */
  async function readEvents(body, onEvent) {
    const reader = body.getReader();
    const decoder = new TextDecoder();
    let buffer = '';
    for (;;) {
      const { value, done } = await reader.read();
      buffer += decoder.decode(value || new Uint8Array(0), { stream: !done }).replace(/\r\n/g, '\n');
      let end;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        dispatch(buffer.slice(0, end), onEvent);
        buffer = buffer.slice(end + 2);
      }
      if (done) {
        dispatch(buffer, onEvent);
        return;
      }
    }
  }

  function dispatch(block, onEvent) {
    let name = 'message';
    const lines = [];
    for (const line of block.split('\n')) {
      if (!line || line.startsWith(':')) {
        continue;
      }
      const colon = line.indexOf(':');
      const field = colon < 0 ? line : line.slice(0, colon);
      const value = colon < 0 ? '' : line.slice(colon + 1).replace(/^ /, '');
      if (field === 'event') {
        name = value;
      } else if (field === 'data') {
        lines.push(value);
      }
    }
    if (lines.length) {
      onEvent(name, lines.join('\n'));
    }
  }

  function mount() {
    document.body.append(host);
    renderAll();
    if (!options.page && (options.open || state.open)) {
      setOpen(true, false); // opening on load must not steal the reader's focus from the page
    } else if (options.page) {
      textarea.focus();
      scrollToEnd(true);
    }
  }

  if (document.body) {
    mount();
  } else {
    document.addEventListener('DOMContentLoaded', mount);
  }
})();
