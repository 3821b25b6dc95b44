using System.Buffers;
using System.Text;
using System.Text.Json;
using LmcBot.Discord.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace LmcBot.Discord.Interactions;

/// <summary>
/// The HTTP interactions endpoint: size limit, then the Ed25519 check over the raw bytes, and only then parsing.
/// Answers inline (200 + JSON), or by callback + 202 when the answer carries a file, or defers (type 5) and
/// completes by webhook edit once the response has gone out.
/// </summary>
internal sealed partial class InteractionEndpoint(
    DiscordSignatureVerifier verifier,
    InteractionReplayGuard replays,
    InteractionDispatcher dispatcher,
    InteractionResponder responder,
    IHostApplicationLifetime lifetime,
    ILogger<InteractionEndpoint> logger)
{
    internal const int MaxBodyBytes = 64 * 1024;
    private const int MaxTimestampBytes = 64;

    public async Task HandleAsync(HttpContext context)
    {
        var request = context.Request;
        if (request.ContentLength > MaxBodyBytes)
        {
            context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
            return;
        }

        var signature = request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = request.Headers["X-Signature-Timestamp"].ToString();
        if (timestamp.Length is 0 or > MaxTimestampBytes || !Ascii.IsValid(timestamp))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // The signed message is timestamp || body: read the body straight after the timestamp bytes.
        var buffer = ArrayPool<byte>.Shared.Rent(MaxTimestampBytes + MaxBodyBytes + 1);
        try
        {
            var stampLength = Encoding.ASCII.GetBytes(timestamp, buffer);
            var bodyLength = 0;
            int read;
            while (bodyLength <= MaxBodyBytes
                   && (read = await request.Body.ReadAsync(buffer.AsMemory(stampLength + bodyLength, MaxBodyBytes + 1 - bodyLength),
                       context.RequestAborted).ConfigureAwait(false)) > 0)
                bodyLength += read;
            if (bodyLength > MaxBodyBytes)
            {
                context.Response.StatusCode = StatusCodes.Status413PayloadTooLarge;
                return;
            }

            if (!verifier.VerifySignedMessage(signature, timestamp, buffer.AsSpan(0, stampLength + bodyLength)))
            {
                LogRejected(context.Connection.RemoteIpAddress?.ToString() ?? "unknown");
                context.Response.StatusCode = StatusCodes.Status401Unauthorized;
                return;
            }

            if (!InteractionParser.TryParse(buffer.AsSpan(stampLength, bodyLength), out var interaction, out var error))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(error ?? "Bad interaction.", context.RequestAborted).ConfigureAwait(false);
                return;
            }

            if (interaction!.Type != InteractionType.Ping && !replays.TryAccept(interaction.Id))
            {
                // The signature is valid, so this is a real interaction delivered twice: answer it once only.
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync("This interaction was already received; a replay changes nothing.",
                    context.RequestAborted).ConfigureAwait(false);
                return;
            }

            await RespondAsync(context, interaction).ConfigureAwait(false);
        }
        finally
        {
            ArrayPool<byte>.Shared.Return(buffer);
        }
    }

    private async Task RespondAsync(HttpContext context, Interaction interaction)
    {
        var stopping = lifetime.ApplicationStopping;
        var reply = await dispatcher.DispatchAsync(interaction, stopping).ConfigureAwait(false);

        if (reply.HasFile)
        {
            // A file cannot ride in the inline JSON body: send it through the callback and acknowledge with 202.
            var sent = await responder.CallbackAsync(interaction, reply, stopping).ConfigureAwait(false);
            context.Response.StatusCode = sent ? StatusCodes.Status202Accepted : StatusCodes.Status502BadGateway;
            return;
        }

        if (reply.Pending is not null)
            context.Response.OnCompleted(() =>
            {
                responder.CompleteInBackground(interaction, reply, stopping);
                return Task.CompletedTask;
            });

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        reply.Response.WriteTo(writer);
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected a Discord interaction with a bad or stale signature from {Remote}")]
    private partial void LogRejected(string remote);
}
