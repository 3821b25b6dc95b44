using System.Net;
using System.Net.Http.Headers;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Admin;

/// <summary>The CLI's side of the admin endpoint: sends an <see cref="AdminCall"/> to the host that holds the database.</summary>
public sealed class AdminEndpointClient : IDisposable
{
    /// <summary>An import of a 1 MB document re-indexes the knowledge base; minutes would mean something is wrong.</summary>
    private static readonly TimeSpan RequestTimeout = TimeSpan.FromMinutes(5);

    private readonly HttpClient _http;
    private readonly DatabaseLockHolder _host;

    private AdminEndpointClient(HttpClient http, DatabaseLockHolder host)
    {
        _http = http;
        _host = host;
    }

    /// <summary>For the host named in <paramref name="locked"/>; fails with what to do when its token cannot be read.</summary>
    public static AdminEndpointClient For(DatabaseLockedException locked)
    {
        var host = locked.Holder!;
        var tokenPath = AdminToken.PathFor(locked.DatabasePath);
        string token;
        try
        {
            token = File.ReadAllText(tokenPath).Trim();
        }
        catch (Exception ex) when (ex is IOException or UnauthorizedAccessException)
        {
            throw new InvalidOperationException(
                $"{locked.Message} Its admin token {tokenPath} cannot be read by {Environment.UserName} ({ex.Message}): run this as the user the host runs as.", ex);
        }
        var http = new HttpClient { BaseAddress = new Uri(host.AdminEndpoint!), Timeout = RequestTimeout };
        http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", token);
        return new AdminEndpointClient(http, host);
    }

    public async Task<Answer> RunAsync(AdminCall call, CancellationToken cancellationToken)
    {
        HttpResponseMessage response;
        try
        {
            response = await _http.PostAsJsonAsync(AdminEndpoint.RunPath.TrimStart('/'), call, AdminEndpoint.Json, cancellationToken);
        }
        catch (HttpRequestException ex)
        {
            throw new InvalidOperationException(
                $"{_host.Describe()} holds the database but its admin endpoint {_host.AdminEndpoint} did not answer ({ex.Message}). If it is shutting down, try again once it has stopped.", ex);
        }
        using (response)
        {
            if (response.StatusCode == HttpStatusCode.OK
                && await response.Content.ReadFromJsonAsync<Answer>(AdminEndpoint.Json, cancellationToken) is { } answer)
                return answer;
            var detail = await response.Content.ReadAsStringAsync(cancellationToken);
            throw new InvalidOperationException(response.StatusCode == HttpStatusCode.Unauthorized
                ? $"{_host.Describe()} refused its admin token (the token file changed: was the host restarted?). Try again."
                : $"{_host.Describe()} answered the admin call with {(int)response.StatusCode} {response.ReasonPhrase}{(detail.Length > 0 ? ": " + detail : "")}.");
        }
    }

    public void Dispose() => _http.Dispose();
}
