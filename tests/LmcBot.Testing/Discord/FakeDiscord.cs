using System.Collections.Concurrent;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace LmcBot.Testing.Discord;

/// <summary>
/// A local Discord on 127.0.0.1 (docs/PROTOCOLS.md part C): REST with bot auth, User-Agent and Content-Type checks and
/// X-RateLimit headers, scripted responses (429s, 5xx), interaction callbacks (a second acknowledgement gets 40060),
/// webhook edits, channel messages, command lists replaced by PUT, an attachment CDN, and the gateway.
/// </summary>
public sealed class FakeDiscord : IAsyncDisposable
{
    public const string BotToken = "fake-bot-token";
    public const string ApplicationId = "1000000000000000000";

    private readonly WebApplication _app;
    private readonly ConcurrentQueue<RecordedRequest> _requests = new();
    private readonly ConcurrentQueue<ScriptedResponse> _scripted = new();
    private readonly ConcurrentDictionary<string, byte> _acknowledged = new();
    private readonly ConcurrentDictionary<string, JsonArray> _commands = new();
    private readonly ConcurrentDictionary<string, (string ContentType, byte[] Content)> _files = new();
    private int _nextId = 1;

    private FakeDiscord(WebApplication app)
    {
        _app = app;
        Gateway = new FakeGateway(this);
    }

    public Uri Origin { get; private set; } = null!;

    /// <summary>The REST base URL the adapter is configured with.</summary>
    public string ApiBaseUrl => new Uri(Origin, "/api/v10").ToString();

    public FakeGateway Gateway { get; }

    public IReadOnlyList<RecordedRequest> Requests => _requests.ToArray();

    public static async Task<FakeDiscord> StartAsync()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        var app = builder.Build();
        var fake = new FakeDiscord(app);
        app.UseWebSockets();
        app.Map("/gateway", fake.Gateway.AcceptAsync);
        app.Map("/resume", fake.Gateway.AcceptAsync);
        app.MapGet("/cdn/{name}", fake.ServeFileAsync);
        app.Map("/api/v10/{**path}", fake.HandleRestAsync);
        await app.StartAsync();
        fake.Origin = new Uri(app.Urls.First());
        return fake;
    }

    /// <summary>Answers the next request whose path starts with <paramref name="pathPrefix"/> with this status and body.</summary>
    public void Script(string method, string pathPrefix, int status, JsonNode? body = null, IDictionary<string, string>? headers = null) =>
        _scripted.Enqueue(new ScriptedResponse(method, pathPrefix, status, body, headers ?? new Dictionary<string, string>()));

    /// <summary>Serves a file at <c>/cdn/{name}</c> and returns its URL.</summary>
    public string AddFile(string name, string contentType, byte[] content)
    {
        _files[name] = (contentType, content);
        return new Uri(Origin, "/cdn/" + name).ToString();
    }

    public void SetCommands(string scope, JsonArray commands) => _commands[scope] = commands;

    public JsonArray? Commands(string scope) => _commands.TryGetValue(scope, out var c) ? c : null;

    /// <summary>Waits until a recorded request matches, polling; fails the test after <paramref name="timeout"/>.</summary>
    public async Task<RecordedRequest> WaitForAsync(Func<RecordedRequest, bool> match, TimeSpan? timeout = null)
    {
        var deadline = DateTime.UtcNow + (timeout ?? TimeSpan.FromSeconds(10));
        while (DateTime.UtcNow < deadline)
        {
            if (_requests.FirstOrDefault(match) is { } found)
                return found;
            await Task.Delay(10);
        }
        throw new TimeoutException("The fake Discord never received the expected request. Received: "
            + string.Join(", ", _requests.Select(r => r.Method + " " + r.Path)));
    }

    internal string NextId() => (2_000_000_000_000_000_000L + Interlocked.Increment(ref _nextId)).ToString(System.Globalization.CultureInfo.InvariantCulture);

    private async Task ServeFileAsync(HttpContext context, string name)
    {
        _requests.Enqueue(new RecordedRequest("GET", "/cdn/" + name, null, null, null, [], DateTimeOffset.UtcNow));
        if (!_files.TryGetValue(name, out var file))
        {
            context.Response.StatusCode = 404;
            return;
        }
        context.Response.ContentType = file.ContentType;
        await context.Response.Body.WriteAsync(file.Content);
    }

    private async Task HandleRestAsync(HttpContext context, string path)
    {
        path = "/" + path;
        using var body = new MemoryStream();
        await context.Request.Body.CopyToAsync(body);
        var request = context.Request;
        var recorded = new RecordedRequest(request.Method, path, request.Headers.Authorization.ToString() is { Length: > 0 } a ? a : null,
            request.Headers.UserAgent.ToString(), request.ContentType, body.ToArray(), DateTimeOffset.UtcNow);
        _requests.Enqueue(recorded);

        var exempt = path.StartsWith("/interactions/", StringComparison.Ordinal) || path.StartsWith("/webhooks/", StringComparison.Ordinal);
        if (!recorded.UserAgent!.StartsWith("DiscordBot (", StringComparison.Ordinal))
        {
            await Error(context, 400, 0, "Bad User-Agent");
            return;
        }
        if (!exempt && recorded.Authorization != "Bot " + BotToken)
        {
            await Error(context, 401, 0, "401: Unauthorized");
            return;
        }
        if (recorded.Body.Length > 0 && recorded.ContentType is not { } ct
            || (recorded.Body.Length > 0 && !recorded.ContentType!.StartsWith("application/json", StringComparison.Ordinal) && !recorded.IsMultipart))
        {
            await Error(context, 400, 50035, "Invalid Form Body");
            return;
        }

        if (_scripted.TryPeek(out var next) && next.Method == request.Method && path.StartsWith(next.PathPrefix, StringComparison.Ordinal)
            && _scripted.TryDequeue(out var scripted))
        {
            foreach (var (name, value) in scripted.Headers)
                context.Response.Headers[name] = value;
            context.Response.StatusCode = scripted.Status;
            if (scripted.Body is not null)
                await context.Response.WriteAsJsonAsync(scripted.Body);
            return;
        }

        context.Response.Headers["X-RateLimit-Limit"] = "5";
        context.Response.Headers["X-RateLimit-Remaining"] = "4";
        context.Response.Headers["X-RateLimit-Reset-After"] = "1.000";
        context.Response.Headers["X-RateLimit-Bucket"] = "bucket-" + request.Method + path.Split('/')[1];

        var segments = path.Split('/', StringSplitOptions.RemoveEmptyEntries);
        switch (request.Method, segments)
        {
            case ("GET", ["gateway", "bot"]):
                await context.Response.WriteAsJsonAsync(new JsonObject
                {
                    ["url"] = Gateway.Url,
                    ["shards"] = 1,
                    ["session_start_limit"] = new JsonObject { ["total"] = 1000, ["remaining"] = 999, ["reset_after"] = 0, ["max_concurrency"] = 1 },
                });
                return;
            case ("POST", ["interactions", var id, _, "callback"]):
                if (!_acknowledged.TryAdd(id, 0))
                {
                    await Error(context, 400, 40060, "Interaction has already been acknowledged.");
                    return;
                }
                context.Response.StatusCode = 204;
                return;
            case ("PATCH", ["webhooks", _, _, "messages", "@original"]):
            case ("POST", ["webhooks", _, _]):
            case ("POST", ["channels", _, "messages"]):
                var message = recorded.Json()?.AsObject() ?? new JsonObject();
                message["id"] = NextId();
                await context.Response.WriteAsJsonAsync(message);
                return;
            case ("DELETE", ["webhooks", _, _, "messages", "@original"]):
                context.Response.StatusCode = 204;
                return;
            case ("GET", ["applications", _, "commands"]):
            case ("GET", ["applications", _, "guilds", _, "commands"]):
                await context.Response.WriteAsJsonAsync(Commands(Scope(segments)) ?? new JsonArray());
                return;
            case ("PUT", ["applications", _, "commands"]):
            case ("PUT", ["applications", _, "guilds", _, "commands"]):
                var commands = recorded.Json()!.AsArray();
                foreach (var command in commands.OfType<JsonObject>())
                {
                    command["id"] = NextId();
                    command["application_id"] = ApplicationId;
                    command["version"] = NextId();
                    command["default_member_permissions"] ??= null;
                    command["nsfw"] = false;
                }
                _commands[Scope(segments)] = commands;
                await context.Response.WriteAsJsonAsync(commands);
                return;
            default:
                await Error(context, 404, 0, "404: Not Found");
                return;
        }
    }

    private static string Scope(string[] segments) => segments.Length > 3 && segments[2] == "guilds" ? segments[3] : "global";

    private static async Task Error(HttpContext context, int status, int code, string message)
    {
        context.Response.StatusCode = status;
        await context.Response.WriteAsJsonAsync(new JsonObject { ["code"] = code, ["message"] = message });
    }

    public async ValueTask DisposeAsync()
    {
        Gateway.Dispose();
        await _app.StopAsync();
        await _app.DisposeAsync();
    }

    private sealed record ScriptedResponse(string Method, string PathPrefix, int Status, JsonNode? Body, IDictionary<string, string> Headers);
}
