using System.Net.Http.Headers;
using System.Text.Json;
using LmcBot.Teams.Configuration;
using LmcBot.Teams.Diagnostics;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LmcBot.Teams.Connector;

/// <summary>
/// Posts activities to the Bot Connector at <c>{serviceUrl}/v3/conversations/{id}/activities[/{replyToId}]</c>.
/// Only service URLs the <see cref="ServiceUrlPolicy"/> allows are called, and only they receive
/// the bot's token. Retries live in the named HttpClient's resilience handler.
/// </summary>
internal sealed class BotConnectorClient(
    IHttpClientFactory httpClientFactory,
    BotTokenProvider tokens,
    ServiceUrlPolicy policy,
    IOptions<TeamsOptions> options,
    TeamsMetrics metrics,
    ILogger<BotConnectorClient> logger)
{
    internal const string ClientName = "LmcBot.Teams.Connector";

    private static readonly MediaTypeHeaderValue Json = new("application/json") { CharSet = "utf-8" };

    private readonly bool _authenticated = !options.Value.IsDevelopmentMode;

    public async Task<ConnectorResult> SendAsync(ReplyAddress address, byte[] activityJson, CancellationToken cancellationToken)
    {
        if (policy.Allow(address.ServiceUrl) is not { } serviceUrl)
        {
            logger.LogWarning("Teams: refused to post to {ServiceUrl}: not an allowed service URL (Teams:AllowedServiceUrlHosts).", address.ServiceUrl);
            return ConnectorResult.Failed(null, "service URL not allowed");
        }

        using var request = new HttpRequestMessage(HttpMethod.Post, ActivitiesUri(serviceUrl, address))
        {
            Content = new ByteArrayContent(activityJson) { Headers = { ContentType = Json } },
        };
        string? token = null;
        if (_authenticated)
        {
            try
            {
                token = await tokens.GetTokenAsync(cancellationToken);
            }
            catch (Exception exception) when (exception is BotTokenException or HttpRequestException)
            {
                logger.LogError(exception, "Teams: no connector token, so the reply to {ConversationId} is lost.", address.ConversationId);
                metrics.ConnectorFailed(null);
                return ConnectorResult.Failed(null, "no token");
            }
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        HttpResponseMessage response;
        try
        {
            response = await httpClientFactory.CreateClient(ClientName).SendAsync(request, cancellationToken);
        }
        catch (HttpRequestException exception)
        {
            logger.LogWarning(exception, "Teams: could not reach the connector for {ConversationId}.", address.ConversationId);
            metrics.ConnectorFailed(null);
            return ConnectorResult.Failed(null, exception.Message);
        }

        using (response)
        {
            var status = (int)response.StatusCode;
            if (response.IsSuccessStatusCode)
                return ConnectorResult.Ok(status);

            var error = await ErrorCodeAsync(response, cancellationToken);
            if (status == 401 && token is not null)
                tokens.Invalidate(token);
            logger.LogWarning("Teams: the connector answered {Status} {Error} for {ConversationId}; the activity was not delivered.",
                status, error, address.ConversationId);
            metrics.ConnectorFailed(status);
            return ConnectorResult.Failed(status, error);
        }
    }

    internal static Uri ActivitiesUri(Uri serviceUrl, ReplyAddress address)
    {
        var path = $"{serviceUrl.AbsoluteUri.TrimEnd('/')}/v3/conversations/{Uri.EscapeDataString(address.ConversationId)}/activities";
        return new Uri(address.ReplyToId is { Length: > 0 } replyToId ? $"{path}/{Uri.EscapeDataString(replyToId)}" : path);
    }

    /// <summary>The connector's <c>{"error":{"code"}}</c>, e.g. ConversationBlockedByUser.</summary>
    private static async Task<string> ErrorCodeAsync(HttpResponseMessage response, CancellationToken cancellationToken)
    {
        try
        {
            var body = await response.Content.ReadAsStringAsync(cancellationToken);
            using var document = JsonDocument.Parse(body);
            return document.RootElement.TryGetProperty("error", out var error)
                && error.TryGetProperty("code", out var code) && code.ValueKind == JsonValueKind.String
                ? code.GetString()!
                : response.ReasonPhrase ?? "";
        }
        catch (JsonException)
        {
            return response.ReasonPhrase ?? "";
        }
    }
}
