using System.Collections.Concurrent;
using System.Net.WebSockets;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http;

namespace LmcBot.Testing.Discord;

/// <summary>
/// The fake gateway (docs/PROTOCOLS.md A.5, C): Hello with a small interval, heartbeat ACKs (which a test can withhold),
/// Identify → READY with a resume_gateway_url on another path, Resume → missed events replayed in order then
/// RESUMED (or op 9 false for an unknown session), scripted close codes, and frames over 4096 bytes closed with 4002.
/// </summary>
public sealed class FakeGateway(FakeDiscord discord) : IDisposable
{
    public const string BotUserId = "9000000000000000000";

    private readonly ConcurrentQueue<FakeGatewayConnection> _connections = new();
    private readonly ConcurrentQueue<(int Connection, JsonObject Frame, DateTimeOffset At)> _received = new();
    private readonly List<JsonObject> _events = [];
    private readonly Lock _sessionLock = new();
    private string? _sessionId;
    private int _sequence;
    private int _sessions;

    public int HeartbeatIntervalMs { get; set; } = 1000;

    /// <summary>When false, heartbeats go unanswered (a zombied connection).</summary>
    public bool AckHeartbeats { get; set; } = true;

    /// <summary>Close the socket with this code instead of answering the next Identify.</summary>
    public int? CloseOnIdentify { get; set; }

    public string Url => $"ws://127.0.0.1:{discord.Origin.Port}/gateway";

    public string ResumeUrl => $"ws://127.0.0.1:{discord.Origin.Port}/resume";

    public IReadOnlyList<FakeGatewayConnection> Connections => _connections.ToArray();

    public FakeGatewayConnection? Current => _connections.LastOrDefault();

    public IReadOnlyList<(int Connection, JsonObject Frame, DateTimeOffset At)> Received => _received.ToArray();

    public string? SessionId => _sessionId;

    /// <summary>Sends a dispatch event with the next sequence number; kept for replay if the bot is disconnected.</summary>
    public async Task<int> DispatchAsync(string eventName, JsonNode data)
    {
        JsonObject frame;
        lock (_sessionLock)
        {
            frame = new JsonObject { ["op"] = 0, ["t"] = eventName, ["s"] = ++_sequence, ["d"] = data.DeepClone() };
            _events.Add(frame);
        }
        if (Current is { IsOpen: true } connection)
            await connection.SendAsync(frame);
        return frame["s"]!.GetValue<int>();
    }

    public async Task<JsonObject> WaitForFrameAsync(Func<int, JsonObject, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            foreach (var (connection, frame, _) in _received)
                if (match(connection, frame))
                    return frame;
            await Task.Delay(10);
        }
        throw new TimeoutException("The fake gateway never received the expected frame. Received: "
            + string.Join(", ", _received.Select(r => $"#{r.Connection} op {r.Frame["op"]}")));
    }

    public static bool IsOp(JsonObject frame, int op) => frame["op"]?.GetValue<int>() == op;

    internal async Task AcceptAsync(HttpContext context)
    {
        if (!context.WebSockets.IsWebSocketRequest || context.Request.Query["v"] != "10" || context.Request.Query["encoding"] != "json")
        {
            context.Response.StatusCode = 400;
            return;
        }
        using var socket = await context.WebSockets.AcceptWebSocketAsync();
        var connection = new FakeGatewayConnection(_connections.Count, context.Request.Path, socket, context);
        _connections.Enqueue(connection);
        await connection.SendAsync(new JsonObject { ["op"] = 10, ["d"] = new JsonObject { ["heartbeat_interval"] = HeartbeatIntervalMs } });
        try
        {
            while (true)
            {
                var (frame, tooLarge) = await connection.ReceiveAsync();
                if (tooLarge)
                {
                    await connection.CloseAsync(4002);
                    return;
                }
                if (frame is null)
                    return;
                _received.Enqueue((connection.Index, frame, DateTimeOffset.UtcNow));
                switch (frame["op"]?.GetValue<int>())
                {
                    case 1 when AckHeartbeats:
                        await connection.SendAsync(new JsonObject { ["op"] = 11 });
                        break;
                    case 2 when CloseOnIdentify is { } code:
                        await connection.CloseAsync(code);
                        return;
                    case 2:
                        await StartSessionAsync(connection);
                        break;
                    case 6:
                        await ResumeAsync(connection, frame["d"]!);
                        break;
                }
            }
        }
        catch (Exception ex) when (ex is WebSocketException or OperationCanceledException or ObjectDisposedException)
        {
            // The bot dropped the connection.
        }
        finally
        {
            connection.MarkClosed();
        }
    }

    private async Task StartSessionAsync(FakeGatewayConnection connection)
    {
        JsonObject ready;
        lock (_sessionLock)
        {
            _sessionId = "session-" + Interlocked.Increment(ref _sessions);
            _sequence = 0;
            _events.Clear();
            ready = new JsonObject
            {
                ["op"] = 0,
                ["t"] = "READY",
                ["s"] = ++_sequence,
                ["d"] = new JsonObject
                {
                    ["v"] = 10,
                    ["user"] = new JsonObject { ["id"] = BotUserId, ["username"] = "LmcBot", ["bot"] = true },
                    ["guilds"] = new JsonArray(),
                    ["session_id"] = _sessionId,
                    ["resume_gateway_url"] = ResumeUrl,
                    ["application"] = new JsonObject { ["id"] = FakeDiscord.ApplicationId },
                },
            };
            _events.Add(ready);
        }
        await connection.SendAsync(ready);
    }

    private async Task ResumeAsync(FakeGatewayConnection connection, JsonNode data)
    {
        List<JsonObject> missed;
        JsonObject? resumed = null;
        lock (_sessionLock)
        {
            if (data["session_id"]?.GetValue<string>() != _sessionId)
            {
                missed = [];
            }
            else
            {
                var seq = data["seq"]?.GetValue<int>() ?? 0;
                missed = _events.Where(e => e["s"]!.GetValue<int>() > seq).Select(e => (JsonObject)e.DeepClone()).ToList();
                resumed = new JsonObject { ["op"] = 0, ["t"] = "RESUMED", ["s"] = ++_sequence, ["d"] = null };
                _events.Add(resumed);
            }
        }
        if (resumed is null)
        {
            await connection.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });
            return;
        }
        foreach (var frame in missed)
            await connection.SendAsync(frame);
        await connection.SendAsync(resumed);
    }

    public void Dispose()
    {
        foreach (var connection in _connections)
            connection.Abort();
    }
}

/// <summary>One accepted gateway socket, which a test can drop, close with a code, or send frames on.</summary>
public sealed class FakeGatewayConnection(int index, string path, WebSocket socket, HttpContext context)
{
    private readonly SemaphoreSlim _sendLock = new(1, 1);
    private readonly TaskCompletionSource _closed = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public int Index { get; } = index;

    public string Path { get; } = path;

    public bool IsOpen => socket.State == WebSocketState.Open && !_closed.Task.IsCompleted;

    public Task Closed => _closed.Task;

    public Task SendAsync(JsonObject frame) => SendRawAsync(JsonSerializer.SerializeToUtf8Bytes(frame));

    /// <summary>Sends a text frame of exactly these bytes (which need not be valid JSON or UTF-8).</summary>
    public async Task SendRawAsync(byte[] frame)
    {
        await _sendLock.WaitAsync();
        try
        {
            if (socket.State == WebSocketState.Open)
                await socket.SendAsync(frame, WebSocketMessageType.Text, true, CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
            // The connection went away meanwhile.
        }
        finally
        {
            _sendLock.Release();
        }
    }

    /// <summary>Ends the connection with a close frame carrying <paramref name="code"/>.</summary>
    public async Task CloseAsync(int code)
    {
        await _sendLock.WaitAsync();
        try
        {
            await socket.CloseOutputAsync((WebSocketCloseStatus)code, "fake close", CancellationToken.None);
        }
        catch (Exception ex) when (ex is WebSocketException or ObjectDisposedException)
        {
        }
        finally
        {
            _sendLock.Release();
            MarkClosed();
        }
    }

    /// <summary>Drops the TCP connection without a close frame (a network drop).</summary>
    public void Abort()
    {
        if (_closed.Task.IsCompleted)
            return;
        MarkClosed();
        try
        {
            socket.Abort();
            context.Abort();
        }
        catch (ObjectDisposedException)
        {
            // The request had already finished.
        }
    }

    internal void MarkClosed() => _closed.TrySetResult();

    internal async Task<(JsonObject? Frame, bool TooLarge)> ReceiveAsync()
    {
        var buffer = new byte[8192];
        using var message = new MemoryStream();
        while (true)
        {
            var result = await socket.ReceiveAsync(buffer, CancellationToken.None);
            if (result.MessageType == WebSocketMessageType.Close)
                return (null, false);
            message.Write(buffer, 0, result.Count);
            if (message.Length > 4096)
                return (null, true);
            if (result.EndOfMessage)
                return (JsonNode.Parse(Encoding.UTF8.GetString(message.ToArray()))!.AsObject(), false);
        }
    }
}
