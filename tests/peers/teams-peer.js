// Microsoft's botbuilder JS CloudAdapter doing the same round trip as LmcBot's /api/messages:
// authenticate the channel's Bot Framework JWT (botbuilder's own JwtTokenExtractor: OpenID
// metadata, JWKS, RS256 signature, issuer, audience, endorsement, serviceurl claim), run the turn,
// and send one fixed reply to the activity's serviceUrl with a bot token fetched from the token
// endpoint (cached by botbuilder's AppCredentials, as in production). Benchmark-only
// (docs/PERFORMANCE.md, "Under load against the Node peers"); not run by CI.
//
//   node teams-peer.js --port 0 --app-id <id> --app-password <secret>
//        --openid-metadata <url> --login-url <url>/botframework.com
//
// Prints "listening <port>" on stdout once it accepts connections.
//
// One difference from a stock CloudAdapter bot, and why: botbuilder fetches its own token through
// MSAL, and MSAL refuses an authority that is not https (authorityUriInsecure), so it cannot reach
// the load tool's loopback token endpoint. LoopbackAppCredentials is botbuilder's AppCredentials
// (the base of MicrosoftAppCredentials) with only refreshToken, the once-an-hour call, written as a
// plain client-credentials POST to the same endpoint LmcBot uses; botbuilder's token cache, request
// signing and connector client are unchanged.
'use strict';
const express = require('express');
const {
  CardFactory,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  ConfigurationServiceClientCredentialFactory,
  MessageFactory,
} = require('botbuilder');
const { AppCredentials } = require('botframework-connector');

const args = process.argv.slice(2);
const option = (name, fallback) => {
  const at = args.indexOf(name);
  return at >= 0 && at + 1 < args.length ? args[at + 1] : fallback;
};
const port = Number(option('--port', '0'));
const appId = option('--app-id', '');
const appPassword = option('--app-password', '');
const openIdMetadata = option('--openid-metadata', '');
const loginUrl = option('--login-url', '');
if (!appId || !appPassword || !openIdMetadata || !loginUrl) {
  console.error('--app-id, --app-password, --openid-metadata and --login-url are required');
  process.exit(2);
}

class LoopbackAppCredentials extends AppCredentials {
  async refreshToken() {
    const response = await fetch(`${loginUrl}/oauth2/v2.0/token`, {
      method: 'POST',
      headers: { 'Content-Type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({
        grant_type: 'client_credentials',
        client_id: this.appId,
        client_secret: appPassword,
        scope: `${this.oAuthScope}/.default`,
      }),
    });
    if (!response.ok) throw new Error(`token endpoint answered ${response.status}`);
    const token = await response.json();
    return { accessToken: token.access_token, expiresOn: new Date(Date.now() + token.expires_in * 1000) };
  }
}

class LoopbackCredentialFactory extends ConfigurationServiceClientCredentialFactory {
  async createCredentials(id, audience) {
    if (id !== appId) throw new Error('Invalid appId.');
    return new LoopbackAppCredentials(id, undefined, audience);
  }
}

// The public cloud's settings, with the two URLs that lead off the machine pointed at the load tool.
const settings = {
  MicrosoftAppId: appId,
  MicrosoftAppPassword: appPassword,
  MicrosoftAppType: 'MultiTenant',
  ValidateAuthority: true,
  ToChannelFromBotLoginUrl: loginUrl,
  ToChannelFromBotOAuthScope: 'https://api.botframework.com',
  ToBotFromChannelTokenIssuer: 'https://api.botframework.com',
  ToBotFromChannelOpenIdMetadataUrl: openIdMetadata,
  ToBotFromEmulatorOpenIdMetadataUrl: openIdMetadata,
  OAuthUrl: 'https://api.botframework.com',
  CallerId: 'urn:botframework:azure',
};
const auth = new ConfigurationBotFrameworkAuthentication(settings, new LoopbackCredentialFactory(settings));
const adapter = new CloudAdapter(auth);
let failures = 0;
adapter.onTurnError = async (_context, error) => {
  if (failures++ < 5) console.error('turn error:', error && error.message);
};

// A cited answer of about the size LmcBot sends: an Adaptive Card 1.5 with the answer, one source
// and one follow-up button, built once.
const text = 'The StarExpress train, launched in 2024, connects Kunming to Vientiane via Luang Prabang.';
const card = CardFactory.adaptiveCard({
  type: 'AdaptiveCard',
  $schema: 'http://adaptivecards.io/schemas/adaptive-card.json',
  version: '1.5',
  body: [
    { type: 'TextBlock', text, wrap: true },
    { type: 'TextBlock', text: 'Sources', weight: 'Bolder', spacing: 'Medium' },
    { type: 'TextBlock', text: '1. China and the Mekong countries deepen cooperation under the LMC framework (article)', wrap: true, isSubtle: true },
  ],
  actions: [{ type: 'Action.Submit', title: 'Tell me about Kunming', data: { msteams: { type: 'imBack', value: 'Tell me about Kunming' } } }],
});
async function logic(context) {
  if (context.activity.type === 'message') await context.sendActivity(MessageFactory.attachment(card, text));
}

const app = express();
app.use(express.json({ limit: '256kb' }));
app.post('/api/messages', (req, res) => adapter.process(req, res, logic));
const server = app.listen(port, '127.0.0.1', () => console.log(`listening ${server.address().port}`));
server.keepAliveTimeout = 60_000;
// The load tool ends the peer by closing its stdin (so a --cpu-prof profile is written on the way out).
process.stdin.on('end', () => process.exit(0));
process.stdin.resume();
