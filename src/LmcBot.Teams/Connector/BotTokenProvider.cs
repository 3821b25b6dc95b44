using System.Net.Http.Json;
using LmcBot.Teams.Activities;
using LmcBot.Teams.Configuration;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LmcBot.Teams.Connector;

/// <summary>
/// The bot's outbound access token, by client credentials from the multi-tenant
/// (<c>botframework.com</c>) or the configured single-tenant authority. Cached until shortly
/// before it expires; one refresh at a time however many replies wait for it.
/// </summary>
internal sealed class BotTokenProvider : IDisposable
{
    internal const string ClientName = "LmcBot.Teams.Token";
    internal const string Scope = "https://api.botframework.com/.default";

    /// <summary>Refresh this long before expiry, or at half the lifetime for short-lived tokens.</summary>
    private static readonly TimeSpan RefreshMargin = TimeSpan.FromMinutes(5);

    private readonly IHttpClientFactory _httpClientFactory;
    private readonly TimeProvider _time;
    private readonly ILogger<BotTokenProvider> _logger;
    private readonly Uri _tokenEndpoint;
    private readonly string _appId;
    private readonly string _appPassword;
    private readonly SemaphoreSlim _refresh = new(1, 1);
    private volatile CachedToken? _cached;

    public BotTokenProvider(
        IOptions<TeamsOptions> options, IHttpClientFactory httpClientFactory, TimeProvider time, ILogger<BotTokenProvider> logger)
    {
        var settings = options.Value;
        _httpClientFactory = httpClientFactory;
        _time = time;
        _logger = logger;
        _appId = settings.AppId ?? "";
        _appPassword = settings.AppPassword ?? "";
        _tokenEndpoint = new Uri($"{settings.AuthorityHost.TrimEnd('/')}/{Uri.EscapeDataString(settings.TokenTenant)}/oauth2/v2.0/token");
    }

    public async ValueTask<string> GetTokenAsync(CancellationToken cancellationToken)
    {
        if (_cached is { } cached && _time.GetUtcNow() < cached.RefreshAt)
            return cached.Value;

        await _refresh.WaitAsync(cancellationToken);
        try
        {
            // Another caller may have refreshed while this one waited.
            if (_cached is { } fresh && _time.GetUtcNow() < fresh.RefreshAt)
                return fresh.Value;
            _cached = await FetchAsync(cancellationToken);
            return _cached.Value;
        }
        finally
        {
            _refresh.Release();
        }
    }

    /// <summary>Drops the cached token after the connector refused it, so the next call fetches anew.</summary>
    public void Invalidate(string token)
    {
        if (_cached?.Value == token)
            _cached = null;
    }

    private async Task<CachedToken> FetchAsync(CancellationToken cancellationToken)
    {
        var requestedAt = _time.GetUtcNow();
        using var content = new FormUrlEncodedContent(
        [
            new("grant_type", "client_credentials"),
            new("client_id", _appId),
            new("client_secret", _appPassword),
            new("scope", Scope),
        ]);
        using var response = await _httpClientFactory.CreateClient(ClientName).PostAsync(_tokenEndpoint, content, cancellationToken);
        if (!response.IsSuccessStatusCode)
        {
            // The body names the error (invalid_client, unauthorized_client…) and holds no secret.
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new BotTokenException(
                $"The token endpoint {_tokenEndpoint} answered {(int)response.StatusCode}: {Shorten(detail)}. Check Teams:AppId, Teams:AppPassword, Teams:AppType and Teams:TenantId.");
        }
        var token = await response.Content.ReadFromJsonAsync(TeamsJson.Context.TokenResponse, cancellationToken);
        if (token?.AccessToken is not { Length: > 0 } value || token.ExpiresIn <= 0)
            throw new BotTokenException($"The token endpoint {_tokenEndpoint} answered without access_token or expires_in.");

        var lifetime = TimeSpan.FromSeconds(token.ExpiresIn);
        var margin = lifetime / 2 < RefreshMargin ? lifetime / 2 : RefreshMargin;
        _logger.LogDebug("Teams: fetched a connector token valid for {Lifetime}.", lifetime);
        return new CachedToken(value, requestedAt + lifetime - margin);
    }

    private static string Shorten(string text) => text.Length <= 300 ? text : text[..300] + "…";

    public void Dispose() => _refresh.Dispose();

    private sealed record CachedToken(string Value, DateTimeOffset RefreshAt);
}
