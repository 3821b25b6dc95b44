using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;

namespace LmcBot.Testing.Teams;

/// <summary>
/// Stands in for the Bot Connector at a service URL: serves the send and reply routes with
/// URL-decoded ids, requires a bearer token it was told to accept, records every attempt and
/// every delivered activity, refuses cards above version 1.5 or bodies over <see cref="MaxBodyBytes"/>
/// (413), and answers scripted failures (429 with Retry-After, 5xx, 403…) on demand.
/// </summary>
public sealed class FakeBotConnector : IAsyncDisposable
{
    private const string RoutePrefix = "/v3/conversations/";

    private readonly ConcurrentQueue<ScriptedFailure> _failures = new();
    private readonly ConcurrentQueue<ConnectorCall> _attempts = new();
    private readonly ConcurrentQueue<ConnectorCall> _delivered = new();
    private readonly object _waitGate = new();
    private readonly List<(int Count, TaskCompletionSource Signal)> _waiters = [];
    private LoopbackServer _server = null!;
    private long _deliveredCount;

    /// <summary>Decides whether a bearer token is good; null accepts requests without one (development mode).</summary>
    public Func<string?, bool>? AcceptToken { get; set; }

    public int MaxBodyBytes { get; set; } = 100 * 1024;

    /// <summary>False skips parsing and checking bodies, so a load run measures the bot, not the fake.</summary>
    public bool RecordBodies { get; set; } = true;

    /// <summary>False only counts calls (<see cref="DeliveredCount"/>): a long load run would otherwise keep millions.</summary>
    public bool RecordCalls { get; set; } = true;

    /// <summary>Activities delivered so far, kept or not.</summary>
    public long DeliveredCount => Interlocked.Read(ref _deliveredCount);

    /// <summary>The service URL to put in activities and tokens (with a regional path, as Teams' are).</summary>
    public string ServiceUrl => $"{_server.BaseUrl}/amer/";

    public IReadOnlyList<ConnectorCall> Attempts => [.. _attempts];

    public IReadOnlyList<ConnectorCall> Delivered => [.. _delivered];

    public static async Task<FakeBotConnector> StartAsync(string address = "127.0.0.1")
    {
        var connector = new FakeBotConnector();
        connector._server = await LoopbackServer.StartAsync(app => app.Run(connector.HandleAsync), address);
        return connector;
    }

    /// <summary>The next call gets <paramref name="status"/> instead of being delivered.</summary>
    public void FailNext(HttpStatusCode status, string? retryAfter = null, string? errorCode = null) =>
        _failures.Enqueue(new ScriptedFailure(status, retryAfter, errorCode));

    /// <summary>Waits until <paramref name="count"/> activities were delivered (fails the test after <paramref name="timeout"/>).</summary>
    public async Task<IReadOnlyList<ConnectorCall>> WaitForDeliveredAsync(int count, TimeSpan? timeout = null)
    {
        TaskCompletionSource signal;
        lock (_waitGate)
        {
            if (_delivered.Count >= count)
                return Delivered;
            signal = new TaskCompletionSource(TaskCreationOptions.RunContinuationsAsynchronously);
            _waiters.Add((count, signal));
        }
        await signal.Task.WaitAsync(timeout ?? TimeSpan.FromSeconds(10));
        return Delivered;
    }

    private async Task HandleAsync(HttpContext context)
    {
        var received = Stopwatch.GetTimestamp();
        var path = context.Request.Path.Value ?? "";
        var start = path.IndexOf(RoutePrefix, StringComparison.Ordinal);
        if (!HttpMethods.IsPost(context.Request.Method) || start < 0)
        {
            context.Response.StatusCode = 404;
            return;
        }
        var route = path[(start + RoutePrefix.Length)..].Split('/');
        if (route.Length is not (2 or 3) || route[1] != "activities")
        {
            context.Response.StatusCode = 404;
            return;
        }

        using var buffer = new MemoryStream();
        await context.Request.Body.CopyToAsync(buffer);
        var bytes = buffer.ToArray();
        var authorization = context.Request.Headers.Authorization.ToString();
        var call = new ConnectorCall(
            Uri.UnescapeDataString(route[0]),
            route.Length == 3 ? Uri.UnescapeDataString(route[2]) : null,
            bytes.Length == 0 || !RecordBodies ? default : JsonDocument.Parse(bytes).RootElement.Clone(),
            bytes.Length,
            authorization,
            context.Request.ContentType,
            received);
        if (RecordCalls)
            _attempts.Enqueue(call);

        if (AcceptToken is { } accept
            && !(authorization.StartsWith("Bearer ", StringComparison.Ordinal) && accept(authorization["Bearer ".Length..])))
        {
            await Error(context, HttpStatusCode.Unauthorized, "Unauthorized");
            return;
        }
        if (_failures.TryDequeue(out var failure))
        {
            if (failure.RetryAfter is not null)
                context.Response.Headers.RetryAfter = failure.RetryAfter;
            await Error(context, failure.Status, failure.ErrorCode ?? failure.Status.ToString());
            return;
        }
        if (bytes.Length > MaxBodyBytes)
        {
            await Error(context, HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig");
            return;
        }
        if (RecordBodies && !CardsAreRenderable(call.Body))
        {
            await Error(context, HttpStatusCode.BadRequest, "BadSyntax");
            return;
        }

        Interlocked.Increment(ref _deliveredCount);
        if (RecordCalls)
        {
            _delivered.Enqueue(call);
            Signal();
        }
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$"""{"id":"1:{{Guid.NewGuid():N}}"}""");
    }

    /// <summary>Teams renders Adaptive Cards up to version 1.5 only.</summary>
    private static bool CardsAreRenderable(JsonElement activity)
    {
        if (activity.ValueKind != JsonValueKind.Object || !activity.TryGetProperty("attachments", out var attachments))
            return true;
        foreach (var attachment in attachments.EnumerateArray())
        {
            if (attachment.GetProperty("contentType").GetString() != "application/vnd.microsoft.card.adaptive")
                continue;
            var version = attachment.GetProperty("content").GetProperty("version").GetString();
            if (!Version.TryParse(version, out var parsed) || parsed > new Version(1, 5))
                return false;
        }
        return true;
    }

    private void Signal()
    {
        lock (_waitGate)
        {
            for (var i = _waiters.Count - 1; i >= 0; i--)
            {
                if (_delivered.Count >= _waiters[i].Count)
                {
                    _waiters[i].Signal.TrySetResult();
                    _waiters.RemoveAt(i);
                }
            }
        }
    }

    private static async Task Error(HttpContext context, HttpStatusCode status, string code)
    {
        context.Response.StatusCode = (int)status;
        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync($$$"""{"error":{"code":"{{{code}}}","message":"scripted by the test"}}""");
    }

    public ValueTask DisposeAsync() => _server.DisposeAsync();

    private sealed record ScriptedFailure(HttpStatusCode Status, string? RetryAfter, string? ErrorCode);
}

/// <summary>One POST the connector received.</summary>
public sealed record ConnectorCall(
    string ConversationId, string? ReplyToId, JsonElement Body, int Size, string Authorization, string? ContentType, long ReceivedAt)
{
    public string Type => Body.GetProperty("type").GetString()!;

    /// <summary>The Adaptive Card of a card message.</summary>
    public JsonElement Card => Body.GetProperty("attachments")[0].GetProperty("content");

    /// <summary>Every TextBlock text on the card, depth first.</summary>
    public IEnumerable<string> CardTexts() => Texts(Card.GetProperty("body"));

    private static IEnumerable<string> Texts(JsonElement elements)
    {
        foreach (var element in elements.EnumerateArray())
        {
            if (element.GetProperty("type").GetString() == "TextBlock")
                yield return element.GetProperty("text").GetString()!;
            if (element.TryGetProperty("items", out var items))
                foreach (var text in Texts(items))
                    yield return text;
        }
    }
}
