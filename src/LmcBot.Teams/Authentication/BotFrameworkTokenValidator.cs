using System.Collections.Concurrent;
using System.Text.Json;
using LmcBot.Teams.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;
using Microsoft.IdentityModel.JsonWebTokens;
using Microsoft.IdentityModel.Protocols;
using Microsoft.IdentityModel.Protocols.OpenIdConnect;
using Microsoft.IdentityModel.Tokens;

namespace LmcBot.Teams.Authentication;

/// <summary>
/// Validates the bearer token on each inbound request (docs/PROTOCOLS.md B.2): RS256/384/512 signature
/// by a key from the issuer's OpenID metadata (cached and refreshed by
/// <see cref="ConfigurationManager{T}"/>, refetched once on an unknown key), issuer, audience equal to
/// the app id, and lifetime with 5 minutes of skew on the injected clock. Bot Framework tokens
/// also yield the signing key's endorsements; the caller matches them and the
/// <c>serviceurl</c> claim against the activity, on every request. A success is remembered for
/// the same token string until it expires or for five minutes, whichever is sooner.
/// </summary>
internal sealed class BotFrameworkTokenValidator
{
    public const string BotFrameworkIssuer = "https://api.botframework.com";
    public static readonly TimeSpan ClockSkew = TimeSpan.FromMinutes(5);
    internal const string MetadataClientName = "LmcBot.Teams.OpenId";

    /// <summary>The least time between two fetches forced by unknown key ids.</summary>
    public static readonly TimeSpan KeyRefetchInterval = TimeSpan.FromMinutes(5);

    /// <summary>The longest a successful validation is reused for the same token string.</summary>
    public static readonly TimeSpan ValidationCacheLifetime = TimeSpan.FromMinutes(5);

    private const int MaxCachedValidations = 1024;

    private static readonly string[] Algorithms =
        [SecurityAlgorithms.RsaSha256, SecurityAlgorithms.RsaSha384, SecurityAlgorithms.RsaSha512];

    private readonly JsonWebTokenHandler _handler = new();
    private readonly string _appId;
    private readonly TimeProvider _time;
    private readonly ILogger<BotFrameworkTokenValidator> _logger;
    private readonly TrustedIssuer _botFramework;
    private readonly TrustedIssuer? _entra;

    // The channel reuses one token for many activities (up to an hour), so a signature checked
    // once need not be checked again for every message. Only successes are kept.
    private readonly ConcurrentDictionary<string, CachedValidation> _validated = new(StringComparer.Ordinal);

    public BotFrameworkTokenValidator(
        IOptions<TeamsOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time,
        ILogger<BotFrameworkTokenValidator> logger)
    {
        var settings = options.Value;
        _appId = settings.AppId ?? "";
        _time = time;
        _logger = logger;
        _botFramework = Trust([BotFrameworkIssuer], settings.OpenIdMetadataUrl, httpClientFactory, endorsed: true);
        if (settings.AppType == TeamsAppType.SingleTenant && settings.TenantId is { Length: > 0 } tenant)
        {
            // Entra ID keys carry no endorsements; these tokens prove the app registration instead.
            _entra = Trust(
                [$"https://login.microsoftonline.com/{tenant}/v2.0", $"https://sts.windows.net/{tenant}/"],
                settings.EffectiveEntraOpenIdMetadataUrl, httpClientFactory, endorsed: false);
        }
    }

    public async Task<TokenValidation> ValidateAsync(string? authorization, CancellationToken cancellationToken)
    {
        const string scheme = "Bearer ";
        if (authorization is null || !authorization.StartsWith(scheme, StringComparison.OrdinalIgnoreCase))
            return TokenValidation.Refuse("no bearer token");
        var token = authorization[scheme.Length..].Trim();
        if (_validated.TryGetValue(token, out var cached) && _time.GetUtcNow() < cached.Until)
            return TokenValidation.Accept(cached.Identity);

        string issuer;
        try
        {
            issuer = new JsonWebToken(token).Issuer;
        }
        catch (Exception exception) when (exception is ArgumentException or SecurityTokenMalformedException)
        {
            return TokenValidation.Refuse("malformed token");
        }

        var trusted = _botFramework.Issues(issuer) ? _botFramework
            : _entra is not null && _entra.Issues(issuer) ? _entra
            : null;
        if (trusted is null)
            return TokenValidation.Refuse("untrusted issuer");

        OpenIdConnectConfiguration configuration;
        try
        {
            configuration = await trusted.Keys.GetConfigurationAsync(cancellationToken);
        }
        catch (InvalidOperationException exception)
        {
            _logger.LogError(exception, "Teams: the OpenID metadata could not be read, so no request can be authenticated.");
            return TokenValidation.Refuse("signing keys unavailable");
        }

        var result = await _handler.ValidateTokenAsync(token, Parameters(trusted, configuration));
        if (!result.IsValid && result.Exception is SecurityTokenSignatureKeyNotFoundException
            && await RefetchAsync(trusted, cancellationToken) is { } refetched && refetched != configuration)
        {
            configuration = refetched;
            result = await _handler.ValidateTokenAsync(token, Parameters(trusted, configuration));
        }
        if (!result.IsValid)
            return TokenValidation.Refuse(result.Exception?.GetType().Name ?? "invalid token");

        var validated = (JsonWebToken)result.SecurityToken;
        var serviceUrl = result.Claims.TryGetValue("serviceurl", out var claim) ? claim as string : null;
        var identity = trusted.Endorsed
            ? InboundIdentity.BotFramework(serviceUrl, EndorsementsOf(configuration, validated.SigningKey?.KeyId))
            : InboundIdentity.Entra(serviceUrl);
        Remember(token, identity, validated.ValidTo);
        return TokenValidation.Accept(identity);
    }

    /// <summary>Keeps a success until the token expires (with skew) or for five minutes, whichever is sooner.</summary>
    private void Remember(string token, InboundIdentity identity, DateTime validTo)
    {
        var now = _time.GetUtcNow();
        var expires = new DateTimeOffset(DateTime.SpecifyKind(validTo, DateTimeKind.Utc)) + ClockSkew;
        var until = expires < now + ValidationCacheLifetime ? expires : now + ValidationCacheLifetime;
        if (_validated.Count >= MaxCachedValidations)
        {
            foreach (var entry in _validated)
            {
                if (entry.Value.Until <= now)
                    _validated.TryRemove(entry);
            }
            if (_validated.Count >= MaxCachedValidations)
                _validated.Clear();
        }
        _validated[token] = new CachedValidation(identity, until);
    }

    private TokenValidationParameters Parameters(TrustedIssuer trusted, OpenIdConnectConfiguration configuration) => new()
    {
        ValidIssuers = trusted.Issuers,
        ValidAudience = _appId,
        IssuerSigningKeys = configuration.SigningKeys,
        ValidAlgorithms = Algorithms,
        RequireSignedTokens = true,
        RequireExpirationTime = true,
        ClockSkew = ClockSkew,
        LifetimeValidator = IsWithinLifetime,
    };

    /// <summary>
    /// The metadata fetched anew because a token named a key we do not have: the channel may have
    /// rotated its keys. <see cref="ConfigurationManager{T}.RequestRefresh"/> alone refreshes in the
    /// background and would refuse this request, so the fetch happens here, at most once per
    /// <see cref="KeyRefetchInterval"/> (unknown key ids cannot make us hammer the metadata host);
    /// the manager is asked to catch up too.
    /// </summary>
    private async Task<OpenIdConnectConfiguration?> RefetchAsync(TrustedIssuer trusted, CancellationToken cancellationToken)
    {
        await trusted.RefetchLock.WaitAsync(cancellationToken);
        try
        {
            var now = _time.GetUtcNow();
            if (now - trusted.RefetchedAt < KeyRefetchInterval)
                return trusted.Refetched;
            trusted.RefetchedAt = now;
            trusted.Refetched = await OpenIdConnectConfigurationRetriever.GetAsync(trusted.MetadataUrl, trusted.Documents, cancellationToken);
            trusted.Keys.RequestRefresh();
            return trusted.Refetched;
        }
        catch (Exception exception) when (exception is IOException or InvalidOperationException or HttpRequestException)
        {
            _logger.LogWarning(exception, "Teams: refetching the OpenID metadata {Url} after an unknown signing key failed.", trusted.MetadataUrl);
            return null;
        }
        finally
        {
            trusted.RefetchLock.Release();
        }
    }

    /// <summary>Lifetime against the injected clock (the library reads the system clock).</summary>
    private bool IsWithinLifetime(DateTime? notBefore, DateTime? expires, SecurityToken token, TokenValidationParameters parameters)
    {
        var now = _time.GetUtcNow().UtcDateTime;
        return expires is { } exp
            && now <= exp.ToUniversalTime() + ClockSkew
            && (notBefore is not { } nbf || now >= nbf.ToUniversalTime() - ClockSkew);
    }

    /// <summary>The <c>endorsements</c> of the JWKS key that signed the token (empty when it has none).</summary>
    private static IReadOnlyList<string> EndorsementsOf(OpenIdConnectConfiguration configuration, string? keyId)
    {
        var key = configuration.JsonWebKeySet?.Keys.FirstOrDefault(k => k.Kid == keyId);
        if (key is null || !key.AdditionalData.TryGetValue("endorsements", out var value))
            return [];
        return value switch
        {
            JsonElement { ValueKind: JsonValueKind.Array } array =>
                [.. array.EnumerateArray().Where(e => e.ValueKind == JsonValueKind.String).Select(e => e.GetString()!)],
            IEnumerable<object> items => [.. items.OfType<string>()],
            _ => [],
        };
    }

    private static TrustedIssuer Trust(IReadOnlyList<string> issuers, string metadataUrl, IHttpClientFactory httpClientFactory, bool endorsed)
    {
        var documents = new HttpDocumentRetriever(httpClientFactory.CreateClient(MetadataClientName))
        {
            RequireHttps = !Loopback.IsLoopbackHost(new Uri(metadataUrl).Host),
        };
        var keys = new ConfigurationManager<OpenIdConnectConfiguration>(metadataUrl, new OpenIdConnectConfigurationRetriever(), documents);
        return new TrustedIssuer(issuers, metadataUrl, documents, keys, endorsed);
    }

    private sealed record CachedValidation(InboundIdentity Identity, DateTimeOffset Until);

    /// <summary>One issuer we accept tokens from, with the metadata its keys come from.</summary>
    private sealed class TrustedIssuer(
        IReadOnlyList<string> issuers, string metadataUrl, IDocumentRetriever documents,
        ConfigurationManager<OpenIdConnectConfiguration> keys, bool endorsed)
    {
        public IReadOnlyList<string> Issuers { get; } = issuers;

        public string MetadataUrl { get; } = metadataUrl;

        public IDocumentRetriever Documents { get; } = documents;

        public ConfigurationManager<OpenIdConnectConfiguration> Keys { get; } = keys;

        /// <summary>Bot Framework keys carry endorsements that must name the channel; Entra keys carry none.</summary>
        public bool Endorsed { get; } = endorsed;

        public SemaphoreSlim RefetchLock { get; } = new(1, 1);

        public OpenIdConnectConfiguration? Refetched { get; set; }

        public DateTimeOffset RefetchedAt { get; set; } = DateTimeOffset.MinValue;

        public bool Issues(string issuer) => Issuers.Contains(issuer, StringComparer.Ordinal);
    }
}
