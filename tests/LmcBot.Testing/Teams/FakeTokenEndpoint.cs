using System.Collections.Concurrent;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LmcBot.Testing.Teams;

/// <summary>
/// Stands in for the Entra token endpoint (<c>/{tenant}/oauth2/v2.0/token</c>): checks the client
/// credentials form, the scope and the tenant, issues numbered tokens and counts the calls.
/// </summary>
public sealed class FakeTokenEndpoint : IAsyncDisposable
{
    public const string Scope = "https://api.botframework.com/.default";

    private readonly ConcurrentDictionary<string, bool> _issued = new();
    private LoopbackServer _server = null!;
    private int _calls;

    private FakeTokenEndpoint(string appId, string secret, string tenant)
    {
        AppId = appId;
        Secret = secret;
        Tenant = tenant;
    }

    public string AppId { get; }

    public string Secret { get; }

    /// <summary><c>botframework.com</c> for multi-tenant bots, else the bot's tenant id.</summary>
    public string Tenant { get; }

    public int ExpiresInSeconds { get; set; } = 3600;

    /// <summary>How long each token request takes, to let concurrent callers pile up.</summary>
    public TimeSpan Latency { get; set; }

    public string AuthorityHost => _server.BaseUrl;

    public int Calls => Volatile.Read(ref _calls);

    public bool Issued(string? token) => token is not null && _issued.ContainsKey(token);

    public static async Task<FakeTokenEndpoint> StartAsync(string appId, string secret, string tenant = "botframework.com")
    {
        var endpoint = new FakeTokenEndpoint(appId, secret, tenant);
        endpoint._server = await LoopbackServer.StartAsync(app => app.MapPost("/{tenant}/oauth2/v2.0/token", endpoint.HandleAsync));
        return endpoint;
    }

    private async Task<IResult> HandleAsync(HttpContext context, string tenant)
    {
        var call = Interlocked.Increment(ref _calls);
        if (Latency > TimeSpan.Zero)
            await Task.Delay(Latency);
        if (!context.Request.HasFormContentType)
            return Error("invalid_request", "not a form");
        var form = await context.Request.ReadFormAsync();
        if (tenant != Tenant)
            return Error("invalid_tenant", $"expected tenant {Tenant}, got {tenant}");
        if (form["grant_type"] != "client_credentials" || form["scope"] != Scope)
            return Error("invalid_request", "grant_type or scope");
        if (form["client_id"] != AppId || form["client_secret"] != Secret)
            return Error("invalid_client", "wrong client id or secret");

        var token = $"fake-token-{call}";
        _issued[token] = true;
        return Results.Json(new Dictionary<string, object>
        {
            ["token_type"] = "Bearer",
            ["expires_in"] = ExpiresInSeconds,
            ["ext_expires_in"] = ExpiresInSeconds,
            ["access_token"] = token,
        });
    }

    private static IResult Error(string code, string description) =>
        Results.Json(new Dictionary<string, string> { ["error"] = code, ["error_description"] = description }, statusCode: 400);

    public ValueTask DisposeAsync() => _server.DisposeAsync();
}
