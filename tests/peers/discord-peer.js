// Discord's own Node helper (discord-interactions) verifying the same signed interaction POSTs as
// LmcBot's /discord/interactions and answering one fixed CHANNEL_MESSAGE_WITH_SOURCE message with
// an embed. Benchmark-only (docs/PERFORMANCE.md, "Under load against the Node peers"); not run by CI.
//
//   node discord-peer.js --port 0 --public-key <hex> [--style express|http]
//
// --style express (default): express 5 with verifyKeyMiddleware, as the package's README shows.
// --style http: node:http reading the body itself and calling verifyKey, no framework at all.
// Prints "listening <port>" on stdout once it accepts connections.
'use strict';
const http = require('node:http');
const { verifyKey, verifyKeyMiddleware, InteractionType, InteractionResponseType } = require('discord-interactions');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const publicKey = option('--public-key', '');
const port = Number(option('--port', '0'));
const style = option('--style', 'express');
if (!/^[0-9a-f]{64}$/.test(publicKey)) {
  console.error('--public-key must be 64 hex digits');
  process.exit(2);
}

// A cited answer of about the size LmcBot renders: text, one embed with a source field, one button.
const fixed = JSON.stringify({
  type: InteractionResponseType.CHANNEL_MESSAGE_WITH_SOURCE,
  data: {
    content: 'The StarExpress train, launched in 2024, connects Kunming to Vientiane via Luang Prabang.',
    embeds: [{
      title: 'Sources',
      color: 0x2b6cb0,
      fields: [{
        name: 'China and the Mekong countries deepen cooperation under the LMC framework',
        value: 'The StarExpress train, launched in 2024, connects Kunming to Vientiane via Luang Prabang',
      }],
    }],
    components: [{ type: 1, components: [{ type: 2, style: 2, label: 'Tell me about Kunming', custom_id: 'ask:Tell me about Kunming' }] }],
    allowed_mentions: { parse: [] },
  },
});

function answer(res, body) {
  res.setHeader('Content-Type', 'application/json');
  if (body.type === InteractionType.APPLICATION_COMMAND) {
    res.end(fixed);
  } else {
    res.statusCode = 400;
    res.end('{"error":"unexpected interaction type"}');
  }
}

let server;
if (style === 'express') {
  const express = require('express');
  const app = express();
  app.post('/discord/interactions', verifyKeyMiddleware(publicKey), (req, res) => answer(res, req.body));
  server = http.createServer(app);
} else if (style === 'http') {
  server = http.createServer((req, res) => {
    if (req.method !== 'POST' || req.url !== '/discord/interactions') {
      res.statusCode = 404;
      res.end();
      return;
    }
    const chunks = [];
    req.on('data', chunk => chunks.push(chunk));
    req.on('end', async () => {
      const raw = Buffer.concat(chunks);
      const valid = await verifyKey(raw, req.headers['x-signature-ed25519'] || '', req.headers['x-signature-timestamp'] || '', publicKey);
      if (!valid) {
        res.statusCode = 401;
        res.end('invalid request signature');
        return;
      }
      let body;
      try {
        body = JSON.parse(raw.toString('utf-8'));
      } catch {
        res.statusCode = 400;
        res.end();
        return;
      }
      if (body.type === InteractionType.PING) {
        res.setHeader('Content-Type', 'application/json');
        res.end('{"type":1}');
        return;
      }
      answer(res, body);
    });
  });
} else {
  console.error('--style express|http');
  process.exit(2);
}
server.keepAliveTimeout = 60_000;
server.listen(port, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
// The load tool ends the peer by closing its stdin (so a --cpu-prof profile is written on the way out).
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
