using System.Net;
using System.Text.Json;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using Microsoft.AspNetCore.Http.Features;

namespace LmcBot.Admin;

/// <summary>
/// <c>POST /v1/run</c> on the admin listener: loopback connections only (403), then the bearer token (401), then
/// an <see cref="AdminCall"/> run as the local admin, answered with the <see cref="Answer"/> as JSON.
/// </summary>
public sealed partial class AdminEndpoint(ChatBot bot, AdminToken token, ILogger<AdminEndpoint> logger)
{
    public const string RunPath = "/v1/run";

    /// <summary>A 1 MB document (the import limit) JSON-escaped at worst about doubles; the rest is a few options.</summary>
    public const long MaxBodyBytes = 4L * 1024 * 1024;

    internal static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Encoder = System.Text.Encodings.Web.JavaScriptEncoder.UnsafeRelaxedJsonEscaping,
    };

    public async Task HandleAsync(HttpContext context)
    {
        // The local address is the socket's own, which no forwarded header can change: a connection that reached
        // a loopback address came from this machine. The remote address is checked as well, for completeness.
        if (!IsLoopback(context.Connection.LocalIpAddress) || !IsLoopback(context.Connection.RemoteIpAddress))
        {
            LogRefused("not a loopback connection", context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
            context.Response.StatusCode = StatusCodes.Status403Forbidden;
            return;
        }
        var authorization = context.Request.Headers.Authorization.ToString();
        var presented = authorization.StartsWith("Bearer ", StringComparison.Ordinal) ? authorization["Bearer ".Length..] : null;
        if (!token.Matches(presented))
        {
            LogRefused(presented is null ? "no bearer token" : "a wrong token", context.Connection.RemoteIpAddress!.ToString());
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            context.Response.Headers.WWWAuthenticate = "Bearer";
            return;
        }
        if (context.Request.Path != RunPath)
        {
            context.Response.StatusCode = StatusCodes.Status404NotFound;
            return;
        }
        if (!HttpMethods.IsPost(context.Request.Method))
        {
            context.Response.StatusCode = StatusCodes.Status405MethodNotAllowed;
            context.Response.Headers.Allow = HttpMethods.Post;
            return;
        }
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes;

        AdminCall? call;
        try
        {
            call = await JsonSerializer.DeserializeAsync<AdminCall>(context.Request.Body, Json, context.RequestAborted);
        }
        catch (JsonException ex)
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, $"The body is not an admin call: {ex.Message}");
            return;
        }
        if (call is not { IsWellFormed: true })
        {
            await PlainAsync(context, StatusCodes.Status400BadRequest, "An admin call names either a command or a question.");
            return;
        }
        var answer = await call.RunAsync(bot, context.RequestAborted);
        context.Response.StatusCode = StatusCodes.Status200OK;
        await context.Response.WriteAsJsonAsync(answer, Json, context.RequestAborted);
    }

    internal static bool IsLoopback(IPAddress? address) =>
        address is not null && IPAddress.IsLoopback(address.IsIPv4MappedToIPv6 ? address.MapToIPv4() : address);

    private static async Task PlainAsync(HttpContext context, int status, string text)
    {
        context.Response.StatusCode = status;
        context.Response.ContentType = "text/plain; charset=utf-8";
        await context.Response.WriteAsync(text, context.RequestAborted);
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The admin endpoint refused a request from {Remote}: {Reason}")]
    private partial void LogRefused(string reason, string remote);
}
