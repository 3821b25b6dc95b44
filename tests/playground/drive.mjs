#!/usr/bin/env node
// Drives LmcBot's Teams endpoint through Microsoft 365 Agents Playground, end to end, from a scripted
// conversation: start the bot host (from the Release build output) and the playground, then act as the
// playground's web UI would: post the user's messages and card clicks to the playground's own HTTP API and read
// the bot's replies from the WebSocket the UI listens on. The playground is the Bot Framework connector here: it
// POSTs activities to the bot's /api/messages and takes the bot's replies on its /_connector serviceUrl.
// See README.md beside this file. Plain Node 20, one dependency (ws; Node 20 has no WebSocket client by default).
//
//   node drive.mjs [options] [conversation.json ...]       (default: conversation.json)

import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import WebSocket from 'ws';

const here = path.dirname(fileURLToPath(import.meta.url));
const repo = path.resolve(here, '..', '..');
const playgroundCli = path.join(here, 'node_modules', '@microsoft', 'm365agentsplayground', 'cli.js');

const usage = `usage: node drive.mjs [options] [conversation.json ...]

Runs each conversation file (a name not found from the working folder is looked for beside drive.mjs) in a fresh playground chat against one LmcBot host, and exits 0 only if every
expectation holds (1 when one fails, 2 when the host or the playground could not be started or a file is invalid).

options:
  --host-url URL     use a host already running there (its Teams endpoint in development mode) instead of starting one
  --host-dll PATH    the host to start (default: src/LmcBot/bin/Release/net10.0/LmcBot.dll; build it first with
                     'dotnet build LmcBot.sln -c Release')
  --reply-timeout S  seconds to wait for the first reply of a turn (default 20)
  --timeout S        seconds the whole run may take before it is stopped as failed (default 300)
  --verbose          print replies in full, the playground's activity log and the host's log lines
  --keep             keep the temporary folder (host database, logs, playground config)
  --serve            start the host and the playground, print the playground's address for a browser, and wait
                     for Ctrl+C (no conversation is run)
  -h, --help         this text`;

// ---------------------------------------------------------------------------------------------------------------
// Arguments

function parseArgs(argv) {
  const options = { files: [], replyTimeout: 20, timeout: 300, verbose: false, keep: false, serve: false };
  for (let i = 0; i < argv.length; i++) {
    const arg = argv[i];
    const value = () => {
      if (i + 1 >= argv.length) throw new UsageError(`${arg} needs a value`);
      return argv[++i];
    };
    const seconds = () => {
      const n = Number(value());
      if (!Number.isFinite(n) || n <= 0) throw new UsageError(`${arg} needs a positive number of seconds`);
      return n;
    };
    switch (arg) {
      case '--host-url': options.hostUrl = value().replace(/\/+$/, ''); break;
      case '--host-dll': options.hostDll = path.resolve(value()); break;
      case '--reply-timeout': options.replyTimeout = seconds(); break;
      case '--timeout': options.timeout = seconds(); break;
      case '--verbose': options.verbose = true; break;
      case '--keep': options.keep = true; break;
      case '--serve': options.serve = true; break;
      case '-h': case '--help': options.help = true; break;
      default:
        if (arg.startsWith('-')) throw new UsageError(`unknown option ${arg}`);
        // A file name given from elsewhere may be one of the conversations beside this script.
        options.files.push(!fs.existsSync(path.resolve(arg)) && fs.existsSync(path.join(here, arg)) ? path.join(here, arg) : path.resolve(arg));
    }
  }
  if (options.files.length === 0 && !options.serve) options.files.push(path.join(here, 'conversation.json'));
  options.hostDll ??= path.join(repo, 'src', 'LmcBot', 'bin', 'Release', 'net10.0', 'LmcBot.dll');
  return options;
}

class UsageError extends Error {}
class SetupError extends Error {}

// ---------------------------------------------------------------------------------------------------------------
// Conversation files

const expectationKeys = new Set(['match', 'notMatch', 'card', 'actions', 'action', 'choices', 'replies']);

/** Reads and checks a conversation file, so a typo fails before anything is started. */
function loadConversation(file) {
  let doc;
  try {
    doc = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (e) {
    throw new UsageError(`${file}: ${e.code === 'ENOENT' ? 'no such file' : e.message}`);
  }
  const where = (i, what) => `${path.basename(file)}: turn ${i + 1}: ${what}`;
  if (!doc || !Array.isArray(doc.turns) || doc.turns.length === 0) throw new UsageError(`${file}: needs a non-empty "turns" list`);
  doc.scope ??= 'personal';
  if (!['personal', 'group'].includes(doc.scope)) throw new UsageError(`${file}: "scope" is "personal" or "group"`);
  doc.turns.forEach((turn, i) => {
    const kinds = ['text', 'click', 'install'].filter(k => k in turn);
    if (kinds.length !== 1) throw new UsageError(where(i, 'needs exactly one of "text", "click" or "install"'));
    if ('text' in turn && typeof turn.text !== 'string') throw new UsageError(where(i, '"text" is a string'));
    if ('click' in turn) {
      const c = turn.click;
      const ok = Number.isInteger(c) && c >= 0 || typeof c === 'string'
        || (c && typeof c === 'object' && Object.keys(c).length === 1 && Number.isInteger(c.choice) && c.choice >= 0);
      if (!ok) throw new UsageError(where(i, '"click" is an action index (0 = first), a regular expression on its title, or {"choice": index}'));
    }
    if ('install' in turn && turn.install !== true) throw new UsageError(where(i, '"install" is true'));
    const expect = turn.expect ?? {};
    for (const key of Object.keys(expect)) {
      if (!expectationKeys.has(key)) throw new UsageError(where(i, `unknown expectation "${key}" (known: ${[...expectationKeys].join(', ')})`));
    }
    for (const key of ['match', 'notMatch', 'action']) {
      for (const pattern of list(expect[key])) {
        try { new RegExp(pattern, 'iu'); } catch (e) { throw new UsageError(where(i, `${key}: ${e.message}`)); }
      }
    }
    if ('click' in turn && typeof turn.click === 'string') {
      try { new RegExp(turn.click, 'iu'); } catch (e) { throw new UsageError(where(i, `click: ${e.message}`)); }
    }
  });
  return { file, name: doc.name ?? path.basename(file), ...doc };
}

const list = value => (value === undefined ? [] : Array.isArray(value) ? value : [value]);

// ---------------------------------------------------------------------------------------------------------------
// Child processes: started here, always stopped here

const children = new Set();

function startChild(name, command, args, { env, cwd, logFile }) {
  const child = spawn(command, args, { env, cwd, stdio: ['ignore', 'pipe', 'pipe'] });
  const log = fs.createWriteStream(logFile);
  const lines = [];
  const waiters = [];
  let buffered = '';
  const onData = chunk => {
    log.write(chunk);
    buffered += chunk.toString('utf8');
    let newline;
    while ((newline = buffered.indexOf('\n')) >= 0) {
      const line = buffered.slice(0, newline).replace(/\r$/, '');
      buffered = buffered.slice(newline + 1);
      lines.push(line);
      for (const w of [...waiters]) w(line);
    }
  };
  child.stdout.on('data', onData);
  child.stderr.on('data', onData);
  const exited = new Promise(resolve => child.on('exit', (code, signal) => { children.delete(handle); log.end(); resolve({ code, signal }); }));
  child.on('error', e => onData(Buffer.from(`${name}: ${e.message}\n`)));
  const handle = {
    name, child, lines, exited, logFile,
    running: () => child.exitCode === null && child.signalCode === null,
    /** The first output line matching `pattern` (earlier lines included), or an error when the process ends first or time is up. */
    waitForLine(pattern, ms) {
      const seen = lines.find(l => pattern.test(l));
      if (seen) return Promise.resolve(seen);
      return new Promise((resolve, reject) => {
        const done = (fn, v) => { clearTimeout(timer); waiters.splice(waiters.indexOf(listener), 1); fn(v); };
        const listener = line => { if (pattern.test(line)) done(resolve, line); };
        const timer = setTimeout(() => done(reject, new SetupError(`${name} printed no line matching ${pattern} within ${ms / 1000} s`)), ms);
        waiters.push(listener);
        exited.then(({ code, signal }) => { if (waiters.includes(listener)) done(reject, new SetupError(`${name} exited (${signal ?? `code ${code}`}) before it was ready`)); });
      });
    },
    /** SIGTERM, then SIGKILL after `graceMs`; resolves with how it ended. */
    async stop(graceMs) {
      if (handle.running()) {
        child.kill('SIGTERM');
        const timer = setTimeout(() => { if (handle.running()) child.kill('SIGKILL'); }, graceMs);
        const result = await exited;
        clearTimeout(timer);
        return result;
      }
      return exited;
    },
  };
  children.add(handle);
  return handle;
}

async function stopAll() {
  // The playground first (it only serves us), then the host, which finishes its turns and checkpoints the database.
  const order = [...children].sort((a, b) => (a.name === 'playground' ? -1 : 0) - (b.name === 'playground' ? -1 : 0));
  for (const c of order) await c.stop(c.name === 'host' ? 20_000 : 5_000);
}

// ---------------------------------------------------------------------------------------------------------------
// The host

async function startHost(options, work, adminObjectId) {
  if (!fs.existsSync(options.hostDll)) {
    throw new SetupError(`no host at ${options.hostDll}: build it first with 'dotnet build LmcBot.sln -c Release' (from ${repo}), or pass --host-dll or --host-url`);
  }
  const env = {
    ...process.env,
    // Development mode: the Teams endpoint unauthenticated, loopback callers and loopback service URLs only.
    Teams__Enabled: 'true',
    Teams__AppId: '',
    Teams__AppPassword: '',
    // Only Teams: nothing here must reach Discord.
    Discord__Mode: 'Off',
    // A database of its own, built from knowledge/ on first use; nothing of the operator's is read or changed.
    Knowledge__DatabasePath: path.join(work, 'lmcbot.db'),
    // The playground's mock user may run the admin (kb …) commands, as a listed Teams admin would.
    Admin__TeamsUserIds__0: adminObjectId,
    Logging__Console__FormatterName: 'simple',
    // The connector client's per-request lines (HttpClient, Polly) would bury the turns in the host's log.
    'Logging__LogLevel__System.Net.Http.HttpClient': 'Warning',
    Logging__LogLevel__Polly: 'Warning',
    DOTNET_CLI_TELEMETRY_OPTOUT: '1',
    DOTNET_NOLOGO: '1',
  };
  for (const key of Object.keys(env)) {
    // Settings of the operator's own that would change what is tested (another admin list, a real app id).
    if (/^(Admin__TeamsUserIds__[1-9]|ASPNETCORE_URLS|URLS)/i.test(key)) delete env[key];
  }
  const host = startChild('host', 'dotnet', [options.hostDll, '--urls', 'http://127.0.0.1:0'], { env, cwd: work, logFile: path.join(work, 'host.log') });
  const line = await host.waitForLine(/Now listening on: http:\/\/127\.0\.0\.1:\d+/, 120_000);
  const url = line.match(/http:\/\/127\.0\.0\.1:\d+/)[0];
  await waitReady(url, host);
  return { host, url };
}

/** /health/ready answers 200 once the knowledge base is open and the sentence model loaded. */
async function waitReady(url, host, ms = 120_000) {
  const deadline = Date.now() + ms;
  let last = 'no answer';
  while (Date.now() < deadline) {
    if (host && !host.running()) throw new SetupError(`the host exited before it was ready (log: ${host.logFile})`);
    try {
      const res = await fetch(`${url}/health/ready`, { signal: AbortSignal.timeout(5_000) });
      if (res.ok) return;
      last = `HTTP ${res.status}`;
    } catch (e) {
      last = e.cause?.code ?? e.cause?.errors?.[0]?.code ?? e.cause?.message ?? e.message;
    }
    await sleep(500);
  }
  throw new SetupError(`the host at ${url} was not ready within ${ms / 1000} s (/health/ready: ${last})`);
}

// ---------------------------------------------------------------------------------------------------------------
// The playground

const botName = 'LmcBot';

async function startPlayground(hostUrl, work, index) {
  const dir = path.join(work, `playground-${index}`);
  fs.mkdirSync(dir, { recursive: true });
  if (!fs.existsSync(playgroundCli)) {
    throw new SetupError(`the playground is not installed: run 'npm ci' in ${here}`);
  }
  // A fresh chat id per conversation, so nothing the bot remembers about one chat carries into the next.
  const config = fs.readFileSync(path.join(here, 'playground.yml'), 'utf8')
    .replace(/^(\s*id:\s*)__PERSONAL_CHAT_ID__[ \t]*$/m, `$1${randomUUID()}`)
    .replace(/^(\s*id:\s*)__GROUP_CHAT_ID__[ \t]*$/m, `$1${randomUUID()}`);
  const configPath = path.join(dir, 'playground.yml');
  fs.writeFileSync(configPath, config);
  const env = {
    ...process.env,
    TEAMSAPPTESTER_BROWSER: 'none', // otherwise it runs xdg-open, and dies where there is none
    M365_AGENTS_PLAYGROUND_LOGFILE: path.join(dir, 'playground.log'),
    M365_AGENTS_PLAYGROUND_CONFIG_PATH: configPath,
  };
  const args = [playgroundCli, '--app-endpoint', `${hostUrl}/api/messages`, '--channel-id', 'msteams', '--port', '0', '--disable-telemetry'];
  const playground = startChild('playground', process.execPath, args, { env, cwd: dir, logFile: path.join(dir, 'stdout.log') });
  let line;
  try {
    line = await playground.waitForLine(/^Listening on \d+/, 30_000);
  } catch (e) {
    await playground.exited.catch(() => {});
    throw new SetupError(`${e.message}; its log:\n${tail(path.join(dir, 'playground.log'), 15)}`);
  }
  const url = `http://127.0.0.1:${line.match(/\d+/)[0]}`;
  // The UI's first call: it waits (15 s at most) until the bot's endpoint answers, and returns the mock context.
  const { config: context } = await getJson(`${url}/_internal/v1/config`, 30_000);
  return { playground, url, context, logFile: path.join(dir, 'playground.log') };
}

/** What the UI's WebSocket streams say: the chat's messages, and the log panel's lines. */
async function connectStreams(url, verbose) {
  const ws = (p) => new Promise((resolve, reject) => {
    const socket = new WebSocket(url.replace(/^http/, 'ws') + p);
    socket.once('open', () => resolve(socket));
    socket.once('error', reject);
  });
  const events = [];
  const warnings = [];
  const listeners = new Set();
  const conversation = await ws('/_ws_conversation/v1/conversations/stream');
  conversation.on('message', data => {
    const event = JSON.parse(data.toString('utf8'));
    events.push(event);
    for (const l of [...listeners]) l(event);
  });
  const log = await ws('/_ws/log/stream');
  log.on('message', data => {
    const { log: item } = JSON.parse(data.toString('utf8'));
    if (!item) return;
    if (item.level === 'warning' || item.level === 'error') warnings.push(item);
    if (verbose) {
      // Text lines of the log panel, or an activity the playground passed between the user and the bot.
      const what = item.activityName
        ? `${item.activityName}: ${item.from ?? '?'} → ${item.to ?? '?'}${item.response?.statusCode ? `, HTTP ${item.response.statusCode}` : ''}`
        : item.displayText;
      console.log(`      [playground log] ${item.level && item.level !== 'default' ? `${item.level}: ` : ''}${what}`);
    }
  });
  return {
    events, warnings,
    onEvent(l) { listeners.add(l); return () => listeners.delete(l); },
    close() { conversation.close(); log.close(); },
  };
}

// ---------------------------------------------------------------------------------------------------------------
// Talking through the playground, as its UI does

async function getJson(url, ms = 10_000) {
  const res = await fetch(url, { signal: AbortSignal.timeout(ms) });
  if (!res.ok) throw new SetupError(`GET ${url}: HTTP ${res.status} ${await res.text()}`);
  return res.json();
}

async function postJson(url, body) {
  const res = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(body),
    signal: AbortSignal.timeout(10_000),
  });
  const text = await res.text();
  if (!res.ok) throw new TurnError(`the playground refused POST ${new URL(url).pathname}: HTTP ${res.status} ${text}`);
  return text ? JSON.parse(text) : undefined;
}

class TurnError extends Error {}

/**
 * Sends one turn and collects the bot's messages: everything the bot posts to the chat from the moment the turn is
 * sent until `settleMs` pass without another (the first must come within `replyMs`).
 */
async function runTurn(session, turn, previous, { replyMs, settleMs = 1_000 }) {
  const { url, context, streams, chatId } = session;
  const me = context.currentUser.id;
  const bot = context.bot.id;
  const replies = [];
  let typing = 0;
  let resolveFirst;
  let lastAt = 0;
  const first = new Promise(r => { resolveFirst = r; });
  const unsubscribe = streams.onEvent(event => {
    if (event.actionConversationId !== chatId) return;
    if (event.action === 'typing') { typing++; return; }
    if (event.action !== 'createMessage' && event.action !== 'updateMessage') return;
    if (event.message?.from?.id !== bot) return;
    replies.push({ update: event.action === 'updateMessage', ...event.message });
    lastAt = Date.now();
    resolveFirst();
  });
  const warningsBefore = streams.warnings.length;
  let sent;
  try {
    if ('install' in turn) {
      // What the UI does when the chat opens: installationUpdate and conversationUpdate (bot added) to the bot.
      await postJson(`${url}/_debug/conversation/${chatId}/installation`, {});
      sent = 'install (the bot is added to the chat)';
    } else if ('text' in turn) {
      const body = { from: { id: me }, text: turn.text, textFormat: 'plain' };
      if (session.scope === 'group') {
        // Teams delivers a group chat message to a bot only when it @mentions the bot.
        const mention = `<at>${botName}</at>`;
        body.text = `${mention} ${turn.text}`;
        body.mentions = [{ mentioned: { id: bot }, text: mention }];
      }
      await postJson(`${url}/_conversation/v1/conversations/${chatId}/messages`, body);
      sent = `you: ${body.text}`;
    } else {
      const { action, index } = pickAction(previous, turn.click);
      // An Action.Submit click: a message activity with the action's data as its value, and no text.
      await postJson(`${url}/_conversation/v1/submit`, {
        conversation: { id: chatId },
        from: { id: me },
        replyToId: action.messageId,
        value: typeof action.data === 'object' && action.data !== null ? action.data : {},
      });
      sent = `click [${index}] "${action.title}" → ${JSON.stringify(action.data)}`;
    }
  } finally {
    if (sent === undefined) unsubscribe();
  }
  const timedOut = await Promise.race([first.then(() => false), sleep(replyMs).then(() => true)]);
  if (!timedOut) {
    while (Date.now() - lastAt < settleMs) await sleep(100);
  }
  unsubscribe();
  return { sent, replies, typing, warnings: streams.warnings.slice(warningsBefore), timedOut };
}

/** The action a click turn names, from the previous turn's reply. */
function pickAction(previous, click) {
  const actions = previous ? previous.actions : [];
  if (actions.length === 0) throw new TurnError('nothing to click: the previous reply has no card actions');
  const described = () => actions.map((a, i) => `[${i}] ${a.title}`).join(' | ');
  if (Number.isInteger(click)) {
    if (click >= actions.length) throw new TurnError(`no action ${click} on the previous reply (it has ${actions.length}: ${described()})`);
    return { action: actions[click], index: click };
  }
  if (typeof click === 'string') {
    const pattern = new RegExp(click, 'iu');
    const index = actions.findIndex(a => pattern.test(a.title ?? ''));
    if (index < 0) throw new TurnError(`no action of the previous reply has a title matching /${click}/ (${described()})`);
    return { action: actions[index], index };
  }
  const choices = actions.map((a, i) => ({ a, i })).filter(({ a }) => isChoice(a));
  if (click.choice >= choices.length) throw new TurnError(`no choice ${click.choice} on the previous reply (it offers ${choices.length}; actions: ${described()})`);
  return { action: choices[click.choice].a, index: choices[click.choice].i };
}

/** A "did you mean" choice: LmcBot's choice buttons submit the catalog's choose action ({"cmd": "choose token:…"}). */
const isChoice = action => typeof action.data?.cmd === 'string' && /^choose\b/i.test(action.data.cmd);

// ---------------------------------------------------------------------------------------------------------------
// Reading replies

/** The text of a reply as a reader sees it (message text, card text blocks, facts, inputs), and its buttons. */
function readReplies(replies) {
  const texts = [];
  const actions = [];
  let cards = 0;
  for (const reply of replies) {
    if (reply.text) texts.push(reply.text);
    for (const attachment of reply.attachments ?? []) {
      if (attachment.contentType === 'application/vnd.microsoft.card.adaptive' && attachment.content) {
        cards++;
        walkCard(attachment.content, texts, actions, reply.messageId);
      } else {
        texts.push(`[attachment ${attachment.contentType}]`);
      }
    }
    for (const a of reply.suggestedActions?.actions ?? []) actions.push({ title: a.title, data: a.value, type: a.type, messageId: reply.messageId });
  }
  return { text: texts.join('\n'), actions, cards };
}

function walkCard(node, texts, actions, messageId) {
  if (Array.isArray(node)) { for (const n of node) walkCard(n, texts, actions, messageId); return; }
  if (!node || typeof node !== 'object') return;
  switch (node.type) {
    case 'TextBlock': if (node.text) texts.push(node.text); break;
    case 'RichTextBlock': texts.push((node.inlines ?? []).map(i => (typeof i === 'string' ? i : i.text ?? '')).join('')); break;
    case 'FactSet': for (const f of node.facts ?? []) texts.push(`${f.title}: ${f.value}`); break;
    case 'Action.Submit': case 'Action.Execute': case 'Action.OpenUrl':
      actions.push({ title: node.title, data: node.data ?? node.url, type: node.type, messageId });
      return;
  }
  // Body before actions, in document order (a help card's buttons sit in ActionSets inside its body).
  for (const key of ['body', 'items', 'columns', 'actions', 'card']) if (node[key]) walkCard(node[key], texts, actions, messageId);
}

/** Every expectation of a turn that does not hold, as a sentence. */
function check(expect, read, result) {
  const failures = [];
  if (result.replies.length === 0) {
    failures.push('no reply' + (result.timedOut ? ' within the reply timeout' : ''));
    return failures;
  }
  for (const pattern of list(expect.match)) {
    if (!new RegExp(pattern, 'iu').test(read.text)) failures.push(`the reply does not match /${pattern}/`);
  }
  for (const pattern of list(expect.notMatch)) {
    if (new RegExp(pattern, 'iu').test(read.text)) failures.push(`the reply matches /${pattern}/, which it must not`);
  }
  if (expect.card === true && read.cards === 0) failures.push('the reply has no Adaptive Card');
  if (expect.card === false && read.cards > 0) failures.push('the reply has an Adaptive Card, and should be plain text');
  if (Number.isInteger(expect.actions) && read.actions.length < expect.actions) {
    failures.push(`the reply has ${read.actions.length} action(s), fewer than ${expect.actions}`);
  }
  for (const pattern of list(expect.action)) {
    const re = new RegExp(pattern, 'iu');
    if (!read.actions.some(a => re.test(a.title ?? ''))) failures.push(`no action's title matches /${pattern}/`);
  }
  if (expect.choices !== undefined) {
    const want = expect.choices === true ? 2 : expect.choices === false ? 0 : expect.choices;
    const have = read.actions.filter(isChoice).length;
    if (expect.choices === false ? have > 0 : have < want) {
      failures.push(expect.choices === false ? `the reply offers ${have} choice(s), and should offer none`
        : `the reply offers ${have} "did you mean" choice(s) (choose actions), fewer than ${want}`);
    }
  }
  if (Number.isInteger(expect.replies) && result.replies.length !== expect.replies) {
    failures.push(`${result.replies.length} message(s) came back, not ${expect.replies}`);
  }
  return failures;
}

// ---------------------------------------------------------------------------------------------------------------
// Printing

const indent = (text, prefix) => text.split('\n').map(l => prefix + l).join('\n');

function clip(text, max) {
  if (text.length <= max) return text;
  return `${text.slice(0, max)}… (${text.length - max} more characters; --verbose prints all)`;
}

/** The last `n` lines of a log; the playground's debug lines (its WebSocket buffering, telemetry) are left out. */
function tail(file, n) {
  try {
    const lines = fs.readFileSync(file, 'utf8').trimEnd().split('\n').filter(l => !l.startsWith('debug '));
    return indent(lines.slice(-n).join('\n'), '    | ');
  } catch {
    return `    (no log at ${file})`;
  }
}

/** A path relative to the working folder when it is inside it, else absolute. */
function shortPath(p) {
  const rel = path.relative(process.cwd(), p);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel : p;
}

// ---------------------------------------------------------------------------------------------------------------
// A conversation

async function runConversation(conversation, session, options) {
  console.log(`\n== ${conversation.name} (${shortPath(conversation.file)}; ${session.scope} chat ${session.chatId})`);
  if (conversation.description) console.log(indent(conversation.description, '   '));
  let previous;
  let passed = 0;
  let failed = 0;
  let silent = 0;
  const total = conversation.turns.length;
  for (const [i, turn] of conversation.turns.entries()) {
    const label = `[${i + 1}/${total}]`;
    let result;
    let failures;
    let read = { text: '', actions: [], cards: 0 };
    const hostLinesBefore = session.host?.lines.length ?? 0;
    try {
      result = await runTurn(session, turn, previous, { replyMs: options.replyTimeout * 1000 });
      read = readReplies(result.replies);
      failures = check(turn.expect ?? {}, read, result);
      for (const w of result.warnings) failures.push(`the playground warned: ${w.displayText}`);
    } catch (e) {
      if (!(e instanceof TurnError)) throw e;
      result = { sent: 'click ' + JSON.stringify(turn.click), replies: [], typing: 0, warnings: [] };
      failures = [e.message];
    }
    if (result.timedOut) silent++;
    console.log(`${label} ${result.sent}${turn.note ? `   (${turn.note})` : ''}`);
    if (result.replies.length > 0) {
      const shown = options.verbose ? read.text : clip(read.text, 700);
      const what = `${result.replies.length} message(s)${read.cards ? `, ${read.cards} card(s)` : ''}${result.typing ? `, after a typing indicator` : ''}`;
      console.log(`      bot (${what}):`);
      console.log(indent(shown, '      | '));
      if (read.actions.length > 0) {
        console.log(`      buttons: ${read.actions.map((a, n) => `[${n}] ${a.title}${isChoice(a) ? ' (choice)' : ''}`).join(' | ')}`);
      }
    }
    if (options.verbose && session.host) {
      for (const line of session.host.lines.slice(hostLinesBefore)) console.log(`      [host] ${line}`);
    }
    if (failures.length === 0) {
      passed++;
      const said = describeExpect(turn.expect ?? {});
      console.log(`      ok${said ? `: ${said}` : ''}`);
    } else {
      failed++;
      for (const f of failures) console.log(`      FAIL: ${f}`);
    }
    // A click names an action of the latest reply that had any; a turn without buttons (an error) leaves the last ones.
    if (read.actions.length > 0 || result.replies.length > 0) previous = read;
  }
  return { passed, failed, silent };
}

function describeExpect(expect) {
  const parts = [];
  for (const p of list(expect.match)) parts.push(`matches /${p}/`);
  for (const p of list(expect.notMatch)) parts.push(`does not match /${p}/`);
  if (expect.card === true) parts.push('is a card');
  if (expect.card === false) parts.push('is not a card');
  if (Number.isInteger(expect.actions)) parts.push(`has ≥ ${expect.actions} action(s)`);
  for (const p of list(expect.action)) parts.push(`has an action /${p}/`);
  if (expect.choices === true) parts.push('offers choices');
  else if (expect.choices === false) parts.push('offers no choices');
  else if (Number.isInteger(expect.choices)) parts.push(`offers ≥ ${expect.choices} choices`);
  if (Number.isInteger(expect.replies)) parts.push(`${expect.replies} message(s)`);
  return parts.join(', ');
}

// ---------------------------------------------------------------------------------------------------------------
// Main

const sleep = ms => new Promise(r => setTimeout(r, ms));

function adminObjectIdFromConfig() {
  const yaml = fs.readFileSync(path.join(here, 'playground.yml'), 'utf8');
  const m = yaml.match(/^currentUser:\s*\n(?:[ \t]+.*\n)*?[ \t]+aadObjectId:\s*([0-9a-fA-F-]{36})\s*$/m);
  if (!m) throw new SetupError('playground.yml: currentUser has no aadObjectId GUID');
  return m[1];
}

async function main() {
  let options;
  try {
    options = parseArgs(process.argv.slice(2));
  } catch (e) {
    if (e instanceof UsageError) { console.error(`drive: ${e.message}\n\n${usage}`); return 2; }
    throw e;
  }
  if (options.help) { console.log(usage); return 0; }
  let conversations;
  try {
    conversations = options.files.map(loadConversation);
  } catch (e) {
    if (e instanceof UsageError) { console.error(`drive: ${e.message}`); return 2; }
    throw e;
  }

  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'lmcbot-playground-'));
  let passed = 0;
  let failed = 0;
  const stopRun = async (why, code) => {
    console.error(`\ndrive: ${why}; stopping the host and the playground`);
    await stopAll();
    console.log(`logs and database: ${work}`);
    // Turns of the conversation under way are not counted; the run as a whole is one failure more.
    if (!options.serve) console.log(`playground: ${passed} passed, ${failed + 1} failed`);
    process.exit(code);
  };
  process.once('SIGINT', () => stopRun('interrupted', 130));
  process.once('SIGTERM', () => stopRun('terminated', 143));
  const deadline = setTimeout(() => stopRun(`the run took longer than --timeout ${options.timeout} s`, 1), options.timeout * 1000);
  if (options.serve) clearTimeout(deadline);

  let host;
  let hostUrl = options.hostUrl;
  try {
    const adminObjectId = adminObjectIdFromConfig();
    if (hostUrl) {
      console.log(`host: using ${hostUrl} (started elsewhere; its Teams endpoint must be in development mode)`);
      await waitReady(hostUrl, undefined, 30_000);
    } else {
      console.log(`host: starting ${shortPath(options.hostDll)} (Teams development mode, database in ${work})`);
      const started = Date.now();
      ({ host, url: hostUrl } = await startHost(options, work, adminObjectId));
      console.log(`host: ready on ${hostUrl} in ${((Date.now() - started) / 1000).toFixed(1)} s`);
    }

    if (options.serve) {
      const pg = await startPlayground(hostUrl, work, 0);
      console.log(`playground: ${pg.url.replace('127.0.0.1', 'localhost')} (open it in a browser; Ctrl+C stops both)`);
      await new Promise(() => {});
    }

    for (const [index, conversation] of conversations.entries()) {
      const pg = await startPlayground(hostUrl, work, index + 1);
      const streams = await connectStreams(pg.url, options.verbose);
      const chat = conversation.scope === 'group' ? pg.context.groupChats[0] : pg.context.personalChat;
      console.log(`playground: ${pg.url} (Agents Playground ${playgroundVersion()}, channel msteams, serviceUrl ${pg.url.replace('127.0.0.1', 'localhost')}/_connector)`);
      const session = { url: pg.url, context: pg.context, streams, chatId: chat.id, scope: conversation.scope, host };
      const result = await runConversation(conversation, session, options);
      passed += result.passed;
      failed += result.failed;
      streams.close();
      await pg.playground.stop(5_000);
      if (result.silent > 0) {
        console.log(`   playground log (${pg.logFile}), last lines:\n${tail(pg.logFile, 8)}`);
      }
    }
    if (failed > 0 && host) console.log(`\nhost log (${host.logFile}), last lines:\n${tail(host.logFile, 25)}`);
  } catch (e) {
    clearTimeout(deadline);
    await stopAll();
    if (e instanceof SetupError || e instanceof UsageError) {
      console.error(`\ndrive: ${e.message}`);
      if (host) console.error(`host log (${host.logFile}), last lines:\n${tail(host.logFile, 25)}`);
      if (fs.readdirSync(work).length > 0) console.log(`logs and database: ${work}`);
      else fs.rmSync(work, { recursive: true, force: true });
      console.log(`playground: ${passed} passed, ${failed + 1} failed`);
      return 2;
    }
    throw e;
  } finally {
    clearTimeout(deadline);
    await stopAll();
  }
  if (host) {
    const { code, signal } = await host.exited;
    if (code !== 0) {
      console.log(`host: exited ${signal ?? `with code ${code}`} after SIGTERM (log: ${host.logFile})`);
      failed++;
    } else {
      console.log('host: stopped cleanly');
    }
  }
  if (options.keep || failed > 0) console.log(`logs and database: ${work}`);
  else fs.rmSync(work, { recursive: true, force: true });
  console.log(`playground: ${passed} passed, ${failed} failed`);
  return failed === 0 ? 0 : 1;
}

function playgroundVersion() {
  try {
    return JSON.parse(fs.readFileSync(path.join(path.dirname(playgroundCli), 'package.json'), 'utf8')).version;
  } catch {
    return '?';
  }
}

main().then(
  code => process.exit(code),
  async e => {
    console.error(`drive: unexpected error: ${e.stack ?? e}`);
    await stopAll();
    process.exit(2);
  },
);
