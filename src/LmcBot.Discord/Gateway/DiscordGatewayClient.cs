using System.Buffers;
using System.Net.WebSockets;
using System.Text.Json;
using System.Text.Json.Serialization.Metadata;
using LmcBot.Discord.Configuration;
using LmcBot.Discord.Interactions;
using LmcBot.Discord.Rest;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace LmcBot.Discord.Gateway;

/// <summary>
/// One shard's gateway connection: Hello, jittered heartbeats with zombie detection, Identify or Resume, dispatch,
/// and the reconnect rules (resume after a drop or op 7, identify after op 9 false, stop on fatal close codes).
/// </summary>
internal sealed partial class DiscordGatewayClient(
    DiscordRestClient rest,
    GatewayEventHandler events,
    DiscordGatewayStatus status,
    IOptions<DiscordOptions> options,
    TimeProvider time,
    DiscordMetrics metrics,
    ILogger<DiscordGatewayClient> logger)
{
    private const int MaxFrameBytes = 4096;

    /// <summary>The close code we use when we mean to resume: any code but 1000 and 1001, which end the session.</summary>
    private const WebSocketCloseStatus ResumableClose = (WebSocketCloseStatus)4000;
    private const int MaxInboundBytes = 16 * 1024 * 1024;
    private static readonly TimeSpan HelloTimeout = TimeSpan.FromSeconds(20);
    private static readonly TimeSpan MaxReconnectDelay = TimeSpan.FromSeconds(60);

    /// <summary>The fraction of the interval before the first heartbeat (random by default, fixed in tests).</summary>
    internal Func<double> Jitter { get; set; } = Random.Shared.NextDouble;

    public async Task RunAsync(CancellationToken ct)
    {
        string? gatewayUrl = null;
        GatewaySession? session = null;
        var failures = 0;
        while (!ct.IsCancellationRequested)
        {
            if (gatewayUrl is null)
            {
                var (url, fatal) = await FetchGatewayUrlAsync(ct).ConfigureAwait(false);
                if (fatal is not null)
                {
                    Stop(fatal);
                    return;
                }
                gatewayUrl = url;
                if (gatewayUrl is null)
                {
                    failures++;
                    await DelayAsync(Backoff(failures), ct).ConfigureAwait(false);
                    continue;
                }
            }

            var resuming = session?.Sequence is not null;
            var end = await RunConnectionAsync(resuming ? session!.ResumeUrl ?? gatewayUrl : gatewayUrl, resuming ? session : null, ct)
                .ConfigureAwait(false);
            status.Disconnected();
            if (end.Session is not null)
                session = end.Session;

            switch (end.Action)
            {
                case GatewayCloseAction.Shutdown:
                    return;
                case GatewayCloseAction.Stop:
                    Stop(end.Reason);
                    return;
                case GatewayCloseAction.Identify:
                    session = null;
                    break;
            }

            failures = end.WasReady ? 0 : failures + 1;
            LogReconnecting(end.Action == GatewayCloseAction.Resume && session is not null ? "resume" : "identify", end.Reason);
            metrics.GatewayReconnect(end.Action == GatewayCloseAction.Resume && session is not null ? "resume" : "identify");
            await DelayAsync(failures == 0 ? options.Value.GatewayReconnectDelay : Backoff(failures), ct).ConfigureAwait(false);
        }
    }

    private async Task<ConnectionEnd> RunConnectionAsync(string baseUrl, GatewaySession? resume, CancellationToken ct)
    {
        using var socket = new ClientWebSocket();
        using var connection = CancellationTokenSource.CreateLinkedTokenSource(ct);
        var state = new ConnectionState(socket, resume?.Sequence);
        Task heartbeat = Task.CompletedTask;
        GatewaySession? session = resume;
        try
        {
            await socket.ConnectAsync(GatewayUri(baseUrl), ct).ConfigureAwait(false);

            using (var hello = await ReceiveWithTimeoutAsync(socket, HelloTimeout, ct).ConfigureAwait(false))
            {
                if (hello is null || Op(hello.RootElement) != GatewayOpcode.Hello)
                    return End(GatewayCloseAction.Resume, "no Hello from the gateway", socket, session, state);
                var interval = TimeSpan.FromMilliseconds(hello.RootElement.GetProperty("d").GetProperty("heartbeat_interval").GetDouble());
                heartbeat = HeartbeatLoopAsync(state, interval, connection.Token);
            }

            if (resume is not null)
                await SendAsync(state, new GatewayFrame<ResumeData>(GatewayOpcode.Resume, new ResumeData(Token, resume.SessionId, resume.Sequence)),
                    DiscordJsonContext.Default.GatewayFrameResumeData, ct).ConfigureAwait(false);
            else
                await SendAsync(state, Identify(), DiscordJsonContext.Default.GatewayFrameIdentifyData, ct).ConfigureAwait(false);

            while (true)
            {
                using var frame = await ReceiveAsync(socket, ct).ConfigureAwait(false);
                if (frame is null)
                {
                    var (action, meaning) = GatewayClosePolicy.ForCloseCode((int?)socket.CloseStatus);
                    return End(action, meaning, socket, session, state);
                }

                var root = frame.RootElement;
                switch (Op(root))
                {
                    case GatewayOpcode.Dispatch:
                        if (root.TryGetProperty("s", out var s) && s.ValueKind == JsonValueKind.Number && s.TryGetInt64(out var sequence))
                            state.Sequence = sequence;
                        if (session is not null)
                            session.Sequence = state.Sequence;
                        session = OnDispatch(root, state, session);
                        break;
                    case GatewayOpcode.Heartbeat:
                        await SendHeartbeatAsync(state, ct).ConfigureAwait(false);
                        break;
                    case GatewayOpcode.Reconnect:
                        await CloseAsync(socket, ResumableClose, "reconnect requested").ConfigureAwait(false);
                        return End(GatewayCloseAction.Resume, "Discord asked us to reconnect (op 7)", socket, session, state);
                    case GatewayOpcode.InvalidSession:
                        var resumable = root.TryGetProperty("d", out var d) && d.ValueKind == JsonValueKind.True;
                        await CloseAsync(socket, ResumableClose, "invalid session").ConfigureAwait(false);
                        return End(resumable ? GatewayCloseAction.Resume : GatewayCloseAction.Identify,
                            resumable ? "invalid session (resumable)" : "invalid session (not resumable)",
                            socket, resumable ? session : null, state);
                    case GatewayOpcode.HeartbeatAck:
                        state.AwaitingAck = false;
                        break;
                }
            }
        }
        catch (OperationCanceledException) when (ct.IsCancellationRequested)
        {
            await CloseAsync(socket, WebSocketCloseStatus.NormalClosure, "shutting down").ConfigureAwait(false);
            return new ConnectionEnd(GatewayCloseAction.Shutdown, "shutdown", session, state.Ready);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or JsonException
                                       or KeyNotFoundException or InvalidOperationException or HttpRequestException)
        {
            var reason = state.Zombied ? "no heartbeat ACK (zombied connection)" : $"connection failed: {ex.Message}";
            if (!state.Zombied && socket.CloseStatus is { } code)
            {
                var (action, meaning) = GatewayClosePolicy.ForCloseCode((int)code);
                return End(action, meaning, socket, session, state);
            }
            return End(GatewayCloseAction.Resume, reason, socket, session, state);
        }
        finally
        {
            await connection.CancelAsync().ConfigureAwait(false);
            try
            {
                await heartbeat.ConfigureAwait(false);
            }
            catch (Exception ex) when (ex is OperationCanceledException or WebSocketException or ObjectDisposedException)
            {
                // The heartbeat loop ends with the connection.
            }
        }
    }

    /// <summary>
    /// READY and RESUMED change the connection; other events go to the handler. A dispatch whose fields have the
    /// wrong type or invalid text is logged and skipped: it must not end a healthy connection.
    /// </summary>
    private GatewaySession? OnDispatch(JsonElement root, ConnectionState state, GatewaySession? session)
    {
        try
        {
            var name = DiscordJson.String(root, "t");
            var data = root.TryGetProperty("d", out var d) ? d : default;
            if (name == "READY")
            {
                var sessionId = DiscordJson.String(data, "session_id")
                    ?? throw new MalformedPayloadException("READY lacks 'session_id'.");
                session = new GatewaySession(sessionId, DiscordJson.String(data, "resume_gateway_url")) { Sequence = state.Sequence };
                var botId = DiscordJson.Object(data, "user") is { } user ? DiscordJson.String(user, "id") : null;
                state.Ready = true;
                status.Connected(botId);
                LogReady(botId ?? "unknown", options.Value.ShardId, options.Value.ShardCount);
            }
            else if (name == "RESUMED")
            {
                state.Ready = true;
                status.Connected(null);
                LogResumed();
            }
            else if (name is not null && data.ValueKind == JsonValueKind.Object)
            {
                events.Dispatch(name, data.Clone());
            }
        }
        catch (MalformedPayloadException ex)
        {
            LogMalformedDispatch(ex.Message);
        }
        return session;
    }

    private async Task HeartbeatLoopAsync(ConnectionState state, TimeSpan interval, CancellationToken ct)
    {
        await Task.Delay(interval * Math.Clamp(Jitter(), 0, 1), time, ct).ConfigureAwait(false);
        while (!ct.IsCancellationRequested)
        {
            if (state.AwaitingAck)
            {
                state.Zombied = true;
                LogZombie(interval.TotalMilliseconds);
                state.Socket.Abort();
                return;
            }
            state.AwaitingAck = true;
            await SendHeartbeatAsync(state, ct).ConfigureAwait(false);
            await Task.Delay(interval, time, ct).ConfigureAwait(false);
        }
    }

    private static Task SendHeartbeatAsync(ConnectionState state, CancellationToken ct) =>
        SendAsync(state, new GatewayFrame<long?>(GatewayOpcode.Heartbeat, state.Sequence), DiscordJsonContext.Default.GatewayFrameNullableInt64, ct);

    private GatewayFrame<IdentifyData> Identify()
    {
        var settings = options.Value;
        return new GatewayFrame<IdentifyData>(GatewayOpcode.Identify, new IdentifyData(
            Token,
            GatewayIntents.Default,
            new IdentifyProperties(Environment.OSVersion.Platform.ToString().ToLowerInvariant(), "lmcbot", "lmcbot"),
            [settings.ShardId, settings.ShardCount]));
    }

    private static async Task SendAsync<TFrame>(ConnectionState state, TFrame frame, JsonTypeInfo<TFrame> type, CancellationToken ct)
    {
        var bytes = JsonSerializer.SerializeToUtf8Bytes(frame, type);
        if (bytes.Length > MaxFrameBytes)
            throw new InvalidOperationException($"A gateway frame of {bytes.Length} bytes exceeds Discord's {MaxFrameBytes}.");
        await state.SendLock.WaitAsync(ct).ConfigureAwait(false);
        try
        {
            await state.Socket.SendAsync(bytes, WebSocketMessageType.Text, true, ct).ConfigureAwait(false);
        }
        finally
        {
            state.SendLock.Release();
        }
    }

    private async Task<JsonDocument?> ReceiveWithTimeoutAsync(ClientWebSocket socket, TimeSpan timeout, CancellationToken ct)
    {
        using var limit = new CancellationTokenSource(timeout, time);
        using var linked = CancellationTokenSource.CreateLinkedTokenSource(ct, limit.Token);
        return await ReceiveAsync(socket, linked.Token).ConfigureAwait(false);
    }

    /// <summary>The next whole text message as JSON, or null once the server has closed the socket.</summary>
    private static async Task<JsonDocument?> ReceiveAsync(ClientWebSocket socket, CancellationToken ct)
    {
        var buffer = new ArrayBufferWriter<byte>(8192);
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer.GetMemory(8192), ct).ConfigureAwait(false);
            if (result.MessageType == WebSocketMessageType.Close)
                return null;
            buffer.Advance(result.Count);
            if (buffer.WrittenCount > MaxInboundBytes)
                throw new InvalidOperationException("A gateway message exceeded 16 MB.");
            if (result.EndOfMessage)
                return JsonDocument.Parse(buffer.WrittenMemory);
        }
    }

    private static async Task CloseAsync(ClientWebSocket socket, WebSocketCloseStatus code, string reason)
    {
        if (socket.State is not (WebSocketState.Open or WebSocketState.CloseReceived))
            return;
        try
        {
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await socket.CloseOutputAsync(code, reason, timeout.Token).ConfigureAwait(false);
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException)
        {
            // Closing a broken socket: nothing more to do.
        }
    }

    private async Task<(string? Url, string? Fatal)> FetchGatewayUrlAsync(CancellationToken ct)
    {
        try
        {
            var response = await rest.SendAsync(HttpMethod.Get, "/gateway/bot", ct: ct).ConfigureAwait(false);
            if (response.StatusCode == System.Net.HttpStatusCode.Unauthorized)
                return (null, "GET /gateway/bot was refused (401): Discord:BotToken is wrong or was reset");
            if (response.IsSuccess && response.Body?["url"]?.GetValue<string>() is { Length: > 0 } url)
                return (url, null);
            LogGatewayUrlFailed(response.Describe());
        }
        catch (HttpRequestException ex)
        {
            LogGatewayUrlFailed(ex.Message);
        }
        return (null, null);
    }

    private ConnectionEnd End(GatewayCloseAction action, string reason, ClientWebSocket socket, GatewaySession? session, ConnectionState state)
    {
        LogConnectionEnded(reason, (int?)socket.CloseStatus);
        return new ConnectionEnd(action, reason, session, state.Ready);
    }

    private void Stop(string reason)
    {
        status.Stopped(reason);
        LogStopped(reason);
    }

    private async Task DelayAsync(TimeSpan delay, CancellationToken ct)
    {
        try
        {
            await Task.Delay(delay, time, ct).ConfigureAwait(false);
        }
        catch (OperationCanceledException)
        {
            // Shutting down.
        }
    }

    private TimeSpan Backoff(int failures)
    {
        var baseDelay = options.Value.GatewayReconnectDelay;
        var delay = baseDelay * Math.Pow(2, Math.Min(failures - 1, 6));
        return delay > MaxReconnectDelay ? MaxReconnectDelay : delay;
    }

    private string Token => options.Value.BotToken ?? string.Empty;

    /// <summary>The frame's opcode; an unknown or missing one is none of ours and is ignored.</summary>
    private static GatewayOpcode? Op(JsonElement root) =>
        root.TryGetProperty("op", out var op) && op.ValueKind == JsonValueKind.Number && op.TryGetInt32(out var n) ? (GatewayOpcode)n : null;

    private static Uri GatewayUri(string baseUrl) => new UriBuilder(baseUrl) { Query = "v=10&encoding=json" }.Uri;

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway ready as user {BotUserId} (shard {ShardId}/{ShardCount})")]
    private partial void LogReady(string botUserId, int shardId, int shardCount);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Skipped a malformed gateway dispatch: {Problem}")]
    private partial void LogMalformedDispatch(string problem);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway session resumed")]
    private partial void LogResumed();

    [LoggerMessage(Level = LogLevel.Warning, Message = "Discord gateway connection ended: {Reason} (close code {CloseCode})")]
    private partial void LogConnectionEnded(string reason, int? closeCode);

    [LoggerMessage(Level = LogLevel.Information, Message = "Discord gateway reconnecting ({Mode}) after: {Reason}")]
    private partial void LogReconnecting(string mode, string reason);

    [LoggerMessage(Level = LogLevel.Warning, Message = "No heartbeat ACK within {IntervalMs} ms: the gateway connection is zombied, reconnecting")]
    private partial void LogZombie(double intervalMs);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Could not get the gateway URL: {Problem}")]
    private partial void LogGatewayUrlFailed(string problem);

    [LoggerMessage(Level = LogLevel.Critical, Message = "Discord gateway stopped and will not reconnect: {Reason}. Fix the configuration and restart.")]
    private partial void LogStopped(string reason);

    /// <summary>A session that can be resumed.</summary>
    private sealed class GatewaySession(string sessionId, string? resumeUrl)
    {
        public string SessionId { get; } = sessionId;
        public string? ResumeUrl { get; } = resumeUrl;
        public long? Sequence { get; set; }
    }

    private sealed record ConnectionEnd(GatewayCloseAction Action, string Reason, GatewaySession? Session, bool WasReady);

    /// <summary>What the receive loop and the heartbeat loop of one connection share.</summary>
    private sealed class ConnectionState(ClientWebSocket socket, long? sequence)
    {
        private long _sequence = sequence ?? -1;
        private volatile bool _awaitingAck;
        private volatile bool _zombied;

        public ClientWebSocket Socket { get; } = socket;
        public SemaphoreSlim SendLock { get; } = new(1, 1);
        public bool Ready { get; set; }

        public long? Sequence
        {
            get => Interlocked.Read(ref _sequence) is var s && s >= 0 ? s : null;
            set => Interlocked.Exchange(ref _sequence, value ?? -1);
        }

        public bool AwaitingAck { get => _awaitingAck; set => _awaitingAck = value; }
        public bool Zombied { get => _zombied; set => _zombied = value; }
    }
}
