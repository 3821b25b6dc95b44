using System.Text.Json;
using LmcBot.Teams.Activities;
using LmcBot.Teams.Authentication;
using LmcBot.Teams.Configuration;
using LmcBot.Teams.Connector;
using LmcBot.Teams.Diagnostics;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LmcBot.Teams.Messaging;

/// <summary>
/// The Bot Framework messaging endpoint. Order of checks: POST (else 405); the bearer token, or a
/// loopback caller in development mode (else 401); a body of at most 256 KB (else 413) holding a
/// JSON activity with a type (else 400); the activity matches the token (serviceurl, endorsement)
/// and its serviceUrl is allowed (else 401).
/// Only then is anything acted on: messages and installs become turns, invokes are answered in
/// the response, everything else gets 200.
/// </summary>
internal sealed class TeamsMessagingEndpoint(
    BotFrameworkTokenValidator validator,
    ServiceUrlPolicy serviceUrls,
    TeamsActivityHandler handler,
    TurnRunner turns,
    IOptions<TeamsOptions> options,
    TeamsMetrics metrics,
    ILogger<TeamsMessagingEndpoint> logger)
{
    /// <summary>Activities are a few kilobytes; anything this big is not from Teams.</summary>
    public const int MaxBodyBytes = 256 * 1024;

    private readonly bool _development = options.Value.IsDevelopmentMode;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        var response = context.Response;
        if (!HttpMethods.IsPost(request.Method))
        {
            response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            response.Headers.Allow = HttpMethods.Post;
            return;
        }

        InboundIdentity identity;
        if (_development)
        {
            if (!Loopback.IsLoopbackAddress(context.Connection.RemoteIpAddress))
            {
                Reject(response, "not_loopback", "development mode accepts loopback callers only");
                return;
            }
            identity = InboundIdentity.Development;
        }
        else
        {
            var token = await validator.ValidateAsync(request.Headers.Authorization.ToString(), context.RequestAborted);
            if (!token.Succeeded)
            {
                Reject(response, "token", token.Failure!);
                return;
            }
            identity = token.Identity!;
        }

        if (request.ContentLength > MaxBodyBytes)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        // Without a Content-Length (chunked), the server stops reading at the limit.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;

        InboundActivity? activity;
        try
        {
            activity = await JsonSerializer.DeserializeAsync(request.Body, TeamsJson.Context.InboundActivity, context.RequestAborted);
        }
        catch (JsonException malformed)
        {
            // Wrong JSON types and text that is not valid UTF-8/UTF-16 both end here; the path says where.
            await BadRequestAsync(response, $"The activity is not valid JSON of the expected shape (at {malformed.Path ?? "$"}).", context.RequestAborted);
            return;
        }
        catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }
        if (activity is null || string.IsNullOrWhiteSpace(activity.Type))
        {
            await BadRequestAsync(response, "The activity has no type.", context.RequestAborted);
            return;
        }
        if (ActivityTranslator.Malformed(activity) is { } problem)
        {
            await BadRequestAsync(response, problem, context.RequestAborted);
            return;
        }
        if (identity.Mismatch(activity.ServiceUrl, activity.ChannelId) is { } mismatch)
        {
            Reject(response, "activity_mismatch", mismatch);
            return;
        }
        if (serviceUrls.Allow(activity.ServiceUrl) is null)
        {
            Reject(response, "service_url", $"serviceUrl {activity.ServiceUrl} is not allowed (Teams:AllowedServiceUrlHosts)");
            return;
        }

        switch (activity.Type)
        {
            case ActivityTypes.Message or ActivityTypes.ConversationUpdate when string.IsNullOrEmpty(activity.Conversation?.Id):
                // Nothing could be addressed back to it.
                await BadRequestAsync(response, "The activity has no conversation.id to reply to.", context.RequestAborted);
                return;
            case ActivityTypes.Message:
                if (ActivityTranslator.ToChatRequest(activity) is { } chatRequest)
                    await turns.RunAsync(ct => handler.AnswerAsync(activity, chatRequest, ct));
                break;
            case ActivityTypes.ConversationUpdate when ActivityTranslator.BotWasAdded(activity):
                await turns.RunAsync(ct => handler.WelcomeAsync(activity, ct));
                break;
            case ActivityTypes.Invoke:
                await InvokeAsync(activity, response, context.RequestAborted);
                return;
        }
        response.StatusCode = StatusCodes.Status200OK;
    }

    /// <summary>Only the health check is handled; other invoke names get 501, as the SDK does.</summary>
    private static async Task InvokeAsync(InboundActivity activity, HttpResponse response, CancellationToken cancellationToken)
    {
        if (!string.Equals(activity.Name, "healthCheck", StringComparison.Ordinal))
        {
            response.StatusCode = StatusCodes.Status501NotImplemented;
            return;
        }
        response.StatusCode = StatusCodes.Status200OK;
        await response.WriteAsJsonAsync(
            new HealthCheckResponse(new HealthResults(true, ["Health check succeeded."])),
            TeamsJson.Context.HealthCheckResponse, contentType: "application/json; charset=utf-8", cancellationToken);
    }

    /// <summary>400 with a one-line reason for the sender; the activity's content is never echoed.</summary>
    private static Task BadRequestAsync(HttpResponse response, string reason, CancellationToken cancellationToken)
    {
        response.StatusCode = StatusCodes.Status400BadRequest;
        response.ContentType = "text/plain; charset=utf-8";
        return response.WriteAsync(reason, cancellationToken);
    }

    /// <param name="category">A fixed name for the metric tag; <paramref name="detail"/> goes to the log only.</param>
    private void Reject(HttpResponse response, string category, string detail)
    {
        logger.LogInformation("Teams: refused a request with 401 ({Category}): {Detail}.", category, detail);
        metrics.RequestRejected(category);
        response.StatusCode = StatusCodes.Status401Unauthorized;
        if (!_development)
            response.Headers.WWWAuthenticate = "Bearer";
    }
}
