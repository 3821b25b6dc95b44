using System.Security.Cryptography;
using System.Text;
using System.Text.Json.Nodes;
using LmcBot.Teams.Authentication;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Tokens;

namespace LmcBot.Testing.Teams;

/// <summary>
/// Stands in for login.botframework.com (and an Entra tenant's metadata): RSA test keys published
/// as OpenID metadata and a JWKS whose keys carry <c>endorsements</c>, and tokens minted with them.
/// </summary>
public sealed class FakeBotFrameworkIssuer : IAsyncDisposable
{
    public const string EndorsedKeyId = "bf-msteams";
    public const string UnendorsedKeyId = "bf-skype-only";
    public const string EntraKeyId = "entra-1";

    // RSA key generation takes a third of a second per key, so every issuer shares the same test keys.
    private static readonly SigningKey Endorsed = SigningKey.Create(EndorsedKeyId, ["msteams"]);
    private static readonly SigningKey Unendorsed = SigningKey.Create(UnendorsedKeyId, ["skype"]);
    private static readonly SigningKey EntraKey = SigningKey.Create(EntraKeyId, []);
    private static readonly Lazy<RSA> Stranger = new(() => RSA.Create(2048));
    private static readonly Lazy<RSA> Rotated = new(() => RSA.Create(2048));

    private readonly object _gate = new();
    private readonly List<SigningKey> _keys = [Endorsed, Unendorsed];
    private readonly SigningKey _entraKey = EntraKey;
    private LoopbackServer _server = null!;
    private int _keySetFetches;

    private FakeBotFrameworkIssuer()
    {
    }

    public string OpenIdMetadataUrl => $"{_server.BaseUrl}/v1/.well-known/openidconfiguration";

    /// <summary>Entra metadata for <paramref name="tenantId"/> (issuer <c>https://login.microsoftonline.com/{tenant}/v2.0</c>).</summary>
    public string EntraMetadataUrl(string tenantId) => $"{_server.BaseUrl}/{tenantId}/v2.0/.well-known/openid-configuration";

    /// <summary>How often the Bot Framework JWKS was fetched.</summary>
    public int KeySetFetches => Volatile.Read(ref _keySetFetches);

    public static async Task<FakeBotFrameworkIssuer> StartAsync()
    {
        var issuer = new FakeBotFrameworkIssuer();
        issuer._server = await LoopbackServer.StartAsync(app =>
        {
            app.MapGet("/v1/.well-known/openidconfiguration", () => Json(Metadata(BotFrameworkTokenValidator.BotFrameworkIssuer, $"{issuer._server.BaseUrl}/v1/.well-known/keys")));
            app.MapGet("/v1/.well-known/keys", () =>
            {
                Interlocked.Increment(ref issuer._keySetFetches);
                SigningKey[] keys;
                lock (issuer._gate)
                    keys = [.. issuer._keys];
                return Json(KeySet(keys));
            });
            app.MapGet("/{tenant}/v2.0/.well-known/openid-configuration", (string tenant) =>
                Json(Metadata($"https://login.microsoftonline.com/{tenant}/v2.0", $"{issuer._server.BaseUrl}/{tenant}/discovery/v2.0/keys")));
            app.MapGet("/{tenant}/discovery/v2.0/keys", () => Json(KeySet([issuer._entraKey])));
        });
        return issuer;
    }

    /// <summary>Publishes a new endorsed key, as a key rotation does; tokens can then be signed with it.</summary>
    public void RotateIn(string keyId)
    {
        lock (_gate)
            _keys.Add(new SigningKey(keyId, Rotated.Value, ["msteams"]));
    }

    /// <summary>A token as the Bot Framework channel sends it, varied by <paramref name="spec"/>.</summary>
    public string CreateToken(TokenSpec spec)
    {
        var claims = new Dictionary<string, object>();
        if (spec.ServiceUrl is not null)
            claims["serviceurl"] = spec.ServiceUrl;
        var descriptor = new SecurityTokenDescriptor
        {
            Issuer = spec.Issuer,
            Audience = spec.Audience,
            IssuedAt = spec.NotBefore.UtcDateTime,
            NotBefore = spec.NotBefore.UtcDateTime,
            Expires = spec.Expires.UtcDateTime,
            Claims = claims,
        };

        switch (spec.Signing)
        {
            case TokenSigning.None:
                return Unsigned(descriptor, spec);
            case TokenSigning.Hs256WithPublicKey:
                // The classic key-confusion attack: HMAC keyed with bytes of the published RSA key.
                descriptor.SigningCredentials = new SigningCredentials(
                    new SymmetricSecurityKey(Key(EndorsedKeyId).Rsa.ExportParameters(false).Modulus) { KeyId = EndorsedKeyId },
                    SecurityAlgorithms.HmacSha256);
                break;
            case TokenSigning.UnknownKey:
                descriptor.SigningCredentials = new SigningCredentials(
                    new RsaSecurityKey(Stranger.Value) { KeyId = "not-published" }, SecurityAlgorithms.RsaSha256);
                break;
            default:
                var key = spec.KeyId == EntraKeyId ? _entraKey : Key(spec.KeyId);
                descriptor.SigningCredentials = new SigningCredentials(
                    new RsaSecurityKey(key.Rsa) { KeyId = key.Id }, SecurityAlgorithms.RsaSha256);
                break;
        }
        return new JsonWebTokenHandler().CreateToken(descriptor);
    }

    private SigningKey Key(string keyId)
    {
        lock (_gate)
            return _keys.Single(k => k.Id == keyId);
    }

    private static string Unsigned(SecurityTokenDescriptor descriptor, TokenSpec spec)
    {
        var payload = new JsonObject
        {
            ["iss"] = descriptor.Issuer,
            ["aud"] = descriptor.Audience,
            ["nbf"] = spec.NotBefore.ToUnixTimeSeconds(),
            ["exp"] = spec.Expires.ToUnixTimeSeconds(),
        };
        if (spec.ServiceUrl is not null)
            payload["serviceurl"] = spec.ServiceUrl;
        return $"{Base64Url("""{"alg":"none","typ":"JWT"}""")}.{Base64Url(payload.ToJsonString())}.";
    }

    private static string Base64Url(string json) => Base64UrlEncoder.Encode(Encoding.UTF8.GetBytes(json));

    private static JsonObject Metadata(string issuer, string jwksUri) => new()
    {
        ["issuer"] = issuer,
        ["authorization_endpoint"] = "https://invalid.example/authorize",
        ["jwks_uri"] = jwksUri,
        ["id_token_signing_alg_values_supported"] = new JsonArray("RS256"),
        ["token_endpoint_auth_methods_supported"] = new JsonArray("private_key_jwt"),
    };

    private static JsonObject KeySet(IEnumerable<SigningKey> keys) =>
        new() { ["keys"] = new JsonArray([.. keys.Select(k => (JsonNode)k.Jwk())]) };

    private static IResult Json(JsonNode node) =>
        Results.Text(node.ToJsonString(), "application/json");

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed record SigningKey(string Id, RSA Rsa, string[] Endorsements)
    {
        public static SigningKey Create(string id, string[] endorsements) => new(id, RSA.Create(2048), endorsements);

        public JsonObject Jwk()
        {
            var parameters = Rsa.ExportParameters(false);
            var jwk = new JsonObject
            {
                ["kty"] = "RSA",
                ["use"] = "sig",
                ["kid"] = Id,
                ["n"] = Base64UrlEncoder.Encode(parameters.Modulus),
                ["e"] = Base64UrlEncoder.Encode(parameters.Exponent),
            };
            if (Endorsements.Length > 0)
                jwk["endorsements"] = new JsonArray([.. Endorsements.Select(e => (JsonNode)e)]);
            return jwk;
        }
    }
}

/// <summary>How a test token is signed.</summary>
public enum TokenSigning
{
    Rs256,
    None,
    Hs256WithPublicKey,
    UnknownKey,
}

/// <summary>The parts of a test token; the defaults make a valid one for <see cref="Audience"/> and <see cref="ServiceUrl"/>.</summary>
public sealed record TokenSpec(string Audience, string? ServiceUrl, DateTimeOffset Now)
{
    public string Issuer { get; init; } = BotFrameworkTokenValidator.BotFrameworkIssuer;

    public string KeyId { get; init; } = FakeBotFrameworkIssuer.EndorsedKeyId;

    public TokenSigning Signing { get; init; } = TokenSigning.Rs256;

    public DateTimeOffset NotBefore { get; init; } = Now.AddMinutes(-5);

    public DateTimeOffset Expires { get; init; } = Now.AddMinutes(55);
}
