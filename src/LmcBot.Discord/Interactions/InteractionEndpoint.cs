using System.Buffers;
using System.Text;
using System.Text.Json;
using LmcBot.Discord.Security;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Features;
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
    PendingInteractions pending,
    ILogger<InteractionEndpoint> logger)
{
    /// <summary>
    /// The largest interaction accepted; the server is told to stop reading one byte after it. Discord documents no
    /// maximum interaction size, so this is derived from the limits it does document: the largest interaction our
    /// commands produce is a button click, which carries our own message back, at most 2,000 characters of content,
    /// 6,000 of embeds and 25 buttons with 80-character labels and 100-character ids, ≤ 4 UTF-8 bytes a character:
    /// about 50 KB, plus the member, channel and guild objects (a few KB). 64 KiB holds that; a bigger body is not Discord.
    /// </summary>
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

        // Chunked bodies have no Content-Length: the server itself stops at the limit plus the one byte that shows it was exceeded.
        if (context.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } limit)
            limit.MaxRequestBodySize = MaxBodyBytes + 1;

        var signature = request.Headers["X-Signature-Ed25519"].ToString();
        var timestamp = request.Headers["X-Signature-Timestamp"].ToString();
        if (timestamp.Length is 0 or > MaxTimestampBytes || !Ascii.IsValid(timestamp))
        {
            context.Response.StatusCode = StatusCodes.Status401Unauthorized;
            return;
        }

        // The signed message is timestamp || body: read the body straight after the timestamp bytes, into a buffer of
        // the body's own size. Renting the largest possible size for every request took a 128 KiB array from the pool,
        // whose per-core stocks hold a few dozen: under load every other request allocated one on the large object
        // heap, and those made most collections full ones (docs/PERFORMANCE.md, issue 11 item 10).
        var stampLength = Encoding.ASCII.GetByteCount(timestamp);
        var buffer = ArrayPool<byte>.Shared.Rent(stampLength + InitialBodyBuffer(request.ContentLength));
        Interaction? interaction;
        try
        {
            Encoding.ASCII.GetBytes(timestamp, buffer);
            var bodyLength = 0;
            try
            {
                while (true)
                {
                    if (stampLength + bodyLength == buffer.Length)
                    {
                        // Chunked, or longer than announced: grow, up to one byte past the limit.
                        if (bodyLength > MaxBodyBytes)
                            break;
                        var larger = ArrayPool<byte>.Shared.Rent(Math.Min(buffer.Length * 2, stampLength + MaxBodyBytes + 1));
                        buffer.AsSpan(0, stampLength + bodyLength).CopyTo(larger);
                        ArrayPool<byte>.Shared.Return(buffer);
                        buffer = larger;
                    }
                    var room = Math.Min(buffer.Length - stampLength, MaxBodyBytes + 1) - bodyLength;
                    var read = await request.Body.ReadAsync(buffer.AsMemory(stampLength + bodyLength, room), context.RequestAborted)
                        .ConfigureAwait(false);
                    if (read == 0)
                        break;
                    bodyLength += read;
                    if (bodyLength > MaxBodyBytes)
                        break;
                }
            }
            catch (BadHttpRequestException tooLarge) when (tooLarge.StatusCode == StatusCodes.Status413PayloadTooLarge)
            {
                // The server read ahead past the limit (chunked): the same refusal as reading it ourselves.
                bodyLength = MaxBodyBytes + 1;
            }
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

            if (!InteractionParser.TryParse(buffer.AsSpan(stampLength, bodyLength), out interaction, out var error))
            {
                context.Response.StatusCode = StatusCodes.Status400BadRequest;
                context.Response.ContentType = "text/plain";
                await context.Response.WriteAsync(error ?? "Bad interaction.", context.RequestAborted).ConfigureAwait(false);
                return;
            }
        }
        finally
        {
            // The parsed interaction holds copies, not the bytes: the buffer goes back before the answer is worked out.
            ArrayPool<byte>.Shared.Return(buffer);
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

    /// <summary>
    /// Room for the announced body plus one byte (so a body longer than announced shows), or, without a
    /// Content-Length, <see cref="ChunkedStartBytes"/> to grow from; never more than the limit plus one.
    /// </summary>
    private static int InitialBodyBuffer(long? contentLength) =>
        contentLength is { } announced ? (int)Math.Min(announced + 1, MaxBodyBytes + 1) : ChunkedStartBytes;

    /// <summary>
    /// Where a chunked body's buffer starts: 4 KiB holds a slash command (about 1 KB with its member object) and
    /// doubles up to the limit otherwise. A chosen round size, not measured: Discord sends Content-Length.
    /// </summary>
    private const int ChunkedStartBytes = 4 * 1024;

    private async Task RespondAsync(HttpContext context, Interaction interaction)
    {
        // The request waits on its own abort token; the work runs until done (or the shutdown timeout), so a
        // request in flight at SIGTERM is answered, and a deferred one is still completed.
        var reply = await dispatcher.DispatchAsync(interaction, context.RequestAborted).ConfigureAwait(false);

        if (reply.HasFile)
        {
            // A file cannot ride in the inline JSON body: send it through the callback and acknowledge with 202.
            var sent = await responder.CallbackAsync(interaction, reply, pending.Abandoned).ConfigureAwait(false);
            context.Response.StatusCode = sent ? StatusCodes.Status202Accepted : StatusCodes.Status502BadGateway;
            return;
        }

        if (reply.Pending is not null)
            context.Response.OnCompleted(() =>
            {
                // Tracked from here, while the server still counts this request as in flight, so shutdown waits for the edit.
                responder.CompleteInBackground(interaction, reply);
                return Task.CompletedTask;
            });

        context.Response.StatusCode = StatusCodes.Status200OK;
        context.Response.ContentType = "application/json";
        await using var writer = new Utf8JsonWriter(context.Response.BodyWriter);
        JsonSerializer.Serialize(writer, reply.Response, DiscordJsonContext.Default.InteractionResponse);
        await writer.FlushAsync(context.RequestAborted).ConfigureAwait(false);
    }

    [LoggerMessage(Level = LogLevel.Information, Message = "Rejected a Discord interaction with a bad or stale signature from {Remote}")]
    private partial void LogRejected(string remote);
}
