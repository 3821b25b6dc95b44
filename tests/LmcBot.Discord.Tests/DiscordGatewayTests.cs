using System.Text;
using System.Text.Json.Nodes;
using LmcBot.Discord.Gateway;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using LmcBot.Testing;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

/// <summary>The gateway client against the fake gateway on loopback (1 s heartbeats unless a test needs others).</summary>
public sealed class DiscordGatewayTests : IAsyncLifetime
{
    private readonly ScriptedChatBot _bot = new();
    private FakeDiscord _discord = null!;
    private BotHost? _host;
    private MetricRecorder? _metrics;

    public async Task InitializeAsync() => _discord = await FakeDiscord.StartAsync();

    public async Task DisposeAsync()
    {
        _metrics?.Dispose();
        if (_host is not null)
            await _host.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private FakeGateway Gateway => _discord.Gateway;

    private DiscordGatewayStatus Status => _host!.Services.GetRequiredService<DiscordGatewayStatus>();

    private async Task StartAsync(double jitter = 0.5)
    {
        _host = await BotHost.StartAsync(_discord, _bot, "Gateway", time: TimeProvider.System, beforeStart: services =>
        {
            services.GetRequiredService<DiscordGatewayClient>().Jitter = () => jitter;
            _metrics = new MetricRecorder(services, DiscordMetrics.MeterName);
        });
    }

    private async Task StartReadyAsync()
    {
        await StartAsync();
        await Eventually.TrueAsync(() => Status.IsConnected, "READY");
    }

    private static JsonNode Sample(string name) => JsonNode.Parse(Samples.Load(name))!;

    private Task<RecordedRequest> CallbackAsync(string token) =>
        _discord.WaitForAsync(r => r.Method == "POST" && r.Path.EndsWith($"/{token}/callback", StringComparison.Ordinal));

    private static long _lastId = 1400000000000000000;

    /// <summary>An INTERACTION_CREATE with this token and a fresh id (a repeated id is refused as a replay).</summary>
    private static JsonNode Interaction(string token) =>
        JsonNode.Parse(Samples.Load("interaction-create-ask.json").Replace("gateway-token-1", token, StringComparison.Ordinal)
            .Replace("1100000000000000010", Interlocked.Increment(ref _lastId).ToString(System.Globalization.CultureInfo.InvariantCulture), StringComparison.Ordinal))!;

    [Fact]
    public async Task Start_Identify_TokenMessageIntentsAndShardThenReady()
    {
        await StartAsync();
        await Eventually.TrueAsync(() => Status.IsConnected, "READY");

        Assert.True(Status.IsReady);
        var identify = await Gateway.WaitForFrameAsync((_, f) => FakeGateway.IsOp(f, 2));
        var d = identify["d"]!;
        Assert.Equal(FakeDiscord.BotToken, d["token"]!.GetValue<string>());
        Assert.Equal((1 << 9) | (1 << 12), d["intents"]!.GetValue<int>());
        Assert.Equal("[0,1]", d["shard"]!.ToJsonString());
        Assert.Equal(FakeGateway.BotUserId, Status.BotUserId);
        Assert.Contains(_discord.Requests, r => r.Path == "/gateway/bot" && r.Authorization == "Bot " + FakeDiscord.BotToken);
    }

    [Fact]
    public async Task Heartbeat_AfterHello_FirstBeatJitteredAndCarriesLastSequence()
    {
        Gateway.HeartbeatIntervalMs = 3000;
        await StartAsync(jitter: 0.2);

        var beat = await Gateway.WaitForFrameAsync((_, f) => FakeGateway.IsOp(f, 1));
        var received = Gateway.Received;
        var identifyAt = received.First(r => FakeGateway.IsOp(r.Frame, 2)).At;
        var beatAt = received.First(r => FakeGateway.IsOp(r.Frame, 1)).At;

        Assert.Equal(1, beat["d"]!.GetValue<int>()); // READY was sequence 1
        // 0.2 × 3000 ms = 600 ms; generous above for a loaded 2-core machine, far below a full interval.
        Assert.InRange((beatAt - identifyAt).TotalMilliseconds, 550, 2500);
    }

    [Fact]
    public async Task Heartbeat_ServerAsksForBeat_BeatsImmediately()
    {
        Gateway.HeartbeatIntervalMs = 30_000;
        await StartReadyAsync();

        await Gateway.Current!.SendAsync(new JsonObject { ["op"] = 1, ["d"] = null });

        await Gateway.WaitForFrameAsync((_, f) => FakeGateway.IsOp(f, 1), TimeSpan.FromSeconds(3));
    }

    /// <summary>Dispatch frames with fields of the wrong type or invalid text, as raw bytes after READY.</summary>
    public static TheoryData<string> OddDispatches() => new()
    {
        """{"op":0,"s":2,"t":"INTERACTION_CREATE","d":{"id":"1","application_id":"1","type":"2","token":"t"}}""",
        """{"op":0,"s":2,"t":"INTERACTION_CREATE","d":{"id":"1","application_id":"1","type":2,"token":"t","data":{"name":"ask","options":[{"name":"question","type":"3","value":"x"}]}}}""",
        """{"op":0,"s":2,"t":"INTERACTION_CREATE","d":{"id":"1","application_id":"1","type":2,"token":"t","data":{"name":"ask","options":[{"name":"question","type":3,"value":"x\ud800"}]}}}""",
        """{"op":0,"s":2,"t":"MESSAGE_CREATE","d":{"id":"7","channel_id":"3","author":{"id":"4","username":"a\udc00"},"content":"<@9000000000000000000> hi"}}""",
        """{"op":0,"s":2,"t":"MESSAGE_CREATE","d":{"id":"7","channel_id":"3","author":{"id":"4","bot":"false"},"content":"hi"}}""",
        """{"op":0,"s":2,"t":"\ud800","d":{}}""",
        """{"op":0,"s":"2","t":5,"d":[]}""",
    };

    [Theory]
    [MemberData(nameof(OddDispatches))]
    public async Task OddDispatch_IsLoggedAndSkipped_ConnectionStaysAndNextEventIsAnswered(string frame)
    {
        await StartReadyAsync();

        await Gateway.Current!.SendRawAsync(Encoding.UTF8.GetBytes(frame));
        await Gateway.DispatchAsync("INTERACTION_CREATE", Interaction("after-odd"));

        var callback = await CallbackAsync("after-odd");
        Assert.Equal(4, callback.Json()!["type"]!.GetValue<int>());
        Assert.Single(Gateway.Connections);
        Assert.Single(_bot.Requests);
        // The odd frame's warning is written by its own dispatch, which may finish after the next event's answer.
        await Eventually.TrueAsync(() => _host!.Logs.Entries.Any(l => l.Level == LogLevel.Warning && l.Message.Contains("malformed", StringComparison.Ordinal)), "the malformed-dispatch warning");
        Assert.DoesNotContain(_host!.Logs.Entries, l => l.Level >= LogLevel.Error);
    }

    [Fact]
    public async Task InteractionCreate_OverGateway_AnsweredByCallbackWithEmbed()
    {
        await StartReadyAsync();

        await Gateway.DispatchAsync("INTERACTION_CREATE", Interaction("gw-1"));

        var callback = await CallbackAsync("gw-1");
        var json = callback.Json()!;
        Assert.Equal(4, json["type"]!.GetValue<int>());
        Assert.Equal("Answer to: When was the LMC established?", json["data"]!["embeds"]![0]!["description"]!.GetValue<string>());
        Assert.Null(callback.Authorization);
    }

    [Fact]
    public async Task Drop_MidSession_ResumesOnResumeUrlReplaysMissedAndAnswersNext()
    {
        await StartReadyAsync();
        await Gateway.DispatchAsync("INTERACTION_CREATE", Interaction("before-drop"));
        await CallbackAsync("before-drop"); // the bot has seen sequence 2

        Gateway.Current!.Abort();
        await Gateway.DispatchAsync("INTERACTION_CREATE", Interaction("missed")); // sent while the bot is away

        var resume = await Gateway.WaitForFrameAsync((c, f) => c == 1 && FakeGateway.IsOp(f, 6));
        Assert.Equal("/resume", Gateway.Connections[1].Path);
        Assert.Equal(Gateway.SessionId, resume["d"]!["session_id"]!.GetValue<string>());
        Assert.Equal(2, resume["d"]!["seq"]!.GetValue<int>());
        await CallbackAsync("missed");

        await Eventually.TrueAsync(() => Status.IsConnected, "RESUMED");
        await Gateway.DispatchAsync("INTERACTION_CREATE", Interaction("after-resume"));
        await CallbackAsync("after-resume");
        Assert.Equal(1, Gateway.Received.Count(r => FakeGateway.IsOp(r.Frame, 2)));
        Assert.True(_metrics!.Total("lmcbot_discord_gateway_reconnects:resume") >= 1);
    }

    [Fact]
    public async Task Reconnect_Op7_ClosesAndResumes()
    {
        await StartReadyAsync();

        await Gateway.Current!.SendAsync(new JsonObject { ["op"] = 7, ["d"] = null });

        await Gateway.WaitForFrameAsync((c, f) => c == 1 && FakeGateway.IsOp(f, 6));
        Assert.DoesNotContain(Gateway.Received, r => r.Connection == 1 && FakeGateway.IsOp(r.Frame, 2));
    }

    [Fact]
    public async Task InvalidSession_NotResumable_IdentifiesOnGatewayUrl()
    {
        await StartReadyAsync();

        await Gateway.Current!.SendAsync(new JsonObject { ["op"] = 9, ["d"] = false });

        await Gateway.WaitForFrameAsync((c, f) => c == 1 && FakeGateway.IsOp(f, 2));
        Assert.Equal("/gateway", Gateway.Connections[1].Path);
        Assert.DoesNotContain(Gateway.Received, r => FakeGateway.IsOp(r.Frame, 6));
    }

    [Fact]
    public async Task InvalidSession_Resumable_Resumes()
    {
        await StartReadyAsync();

        await Gateway.Current!.SendAsync(new JsonObject { ["op"] = 9, ["d"] = true });

        await Gateway.WaitForFrameAsync((c, f) => c == 1 && FakeGateway.IsOp(f, 6));
    }

    [Theory]
    [InlineData(4000, 6)]
    [InlineData(4008, 6)]
    [InlineData(4007, 2)]
    [InlineData(4009, 2)]
    public async Task Close_ReconnectableCode_ResumesOrIdentifies(int code, int expectedOp)
    {
        await StartReadyAsync();

        await Gateway.Current!.CloseAsync(code);

        await Gateway.WaitForFrameAsync((c, f) => c == 1 && (FakeGateway.IsOp(f, 2) || FakeGateway.IsOp(f, 6)));
        Assert.Contains(Gateway.Received, r => r.Connection == 1 && FakeGateway.IsOp(r.Frame, expectedOp));
    }

    [Theory]
    [InlineData(4004, "authentication failed")]
    [InlineData(4010, "invalid shard")]
    [InlineData(4011, "sharding required")]
    [InlineData(4012, "invalid API version")]
    [InlineData(4013, "invalid intents")]
    [InlineData(4014, "disallowed intents")]
    public async Task Close_FatalCode_StopsWithClearLogAndNeverReconnects(int code, string meaning)
    {
        Gateway.CloseOnIdentify = code;
        await StartAsync();

        await Eventually.TrueAsync(() => Status.StoppedReason is not null, "stop");
        await Task.Delay(400); // eight reconnect delays' worth

        Assert.Single(Gateway.Connections);
        Assert.False(Status.IsConnected);
        Assert.False(Status.IsReady);
        Assert.Contains(meaning, Status.StoppedReason, StringComparison.Ordinal);
        Assert.Contains(_host!.Logs.Entries, l => l.Level == LogLevel.Critical
            && l.Message.Contains("will not reconnect", StringComparison.Ordinal) && l.Message.Contains(meaning, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Heartbeat_NoAck_ZombieDetectedAndResumed()
    {
        Gateway.HeartbeatIntervalMs = 100;
        Gateway.AckHeartbeats = false;
        await StartReadyAsync();

        await Gateway.WaitForFrameAsync((c, f) => c == 1 && FakeGateway.IsOp(f, 6), TimeSpan.FromSeconds(5));

        Assert.Contains(_host!.Logs.Entries, l => l.Message.Contains("zombied", StringComparison.Ordinal));
        Assert.Contains(Gateway.Received, r => r.Connection == 0 && FakeGateway.IsOp(r.Frame, 1));
    }

    [Fact]
    public async Task MessageCreate_MentioningBot_ReplyInChannelWithoutMentions()
    {
        await StartReadyAsync();

        await Gateway.DispatchAsync("MESSAGE_CREATE", Sample("message-create-mention.json"));

        var reply = await _discord.WaitForAsync(r => r.Method == "POST" && r.Path == "/channels/3000000000000000000/messages");
        var json = reply.Json()!;
        Assert.Equal("""{"parse":[],"replied_user":false}""", json["allowed_mentions"]!.ToJsonString());
        Assert.Equal("7100000000000000000", json["message_reference"]!["message_id"]!.GetValue<string>());
        Assert.Null(json["flags"]);
        Assert.NotNull(json["embeds"]);
        var request = Assert.Single(_bot.Requests);
        Assert.Equal("when was the LMC established? cc <@4000000000000000001>", request.Text);
        Assert.Equal("2000000000000000000", request.ScopeId);
        Assert.Equal("Alice", request.Sender.DisplayName);
    }

    [Fact]
    public async Task MessageCreate_NotMentioningBotOrFromBots_Ignored()
    {
        await StartReadyAsync();
        var fromBot = Sample("message-create-mention.json");
        fromBot["author"]!["bot"] = true;
        var fromItself = Sample("message-create-mention.json");
        fromItself["author"]!["id"] = FakeGateway.BotUserId;

        await Gateway.DispatchAsync("MESSAGE_CREATE", Sample("message-create-plain.json"));
        await Gateway.DispatchAsync("MESSAGE_CREATE", fromBot);
        await Gateway.DispatchAsync("MESSAGE_CREATE", fromItself);
        await Gateway.DispatchAsync("MESSAGE_CREATE", Sample("message-create-dm.json"));

        // The DM is answered; by the time its reply arrives the others would have been too.
        await _discord.WaitForAsync(r => r.Path == "/channels/3000000000000000009/messages");
        await Task.Delay(200);
        Assert.Single(_discord.Requests, r => r.Path.StartsWith("/channels/", StringComparison.Ordinal));
        var request = Assert.Single(_bot.Requests);
        Assert.Equal("starexpress stops", request.Text);
        Assert.Null(request.ScopeId);
    }

    [Fact]
    public async Task InteractionCreate_SlowAnswer_DeferredCallbackThenEdit()
    {
        var release = new TaskCompletionSource();
        _bot.Respond = async (request, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return ScriptedChatBot.Echo(request);
        };
        await StartReadyAsync();

        await Gateway.DispatchAsync("INTERACTION_CREATE", Interaction("slow"));
        var callback = await CallbackAsync("slow");
        Assert.Equal(5, callback.Json()!["type"]!.GetValue<int>());

        release.SetResult();
        var edit = await _discord.WaitForAsync(r => r.Method == "PATCH" && r.Path.Contains("/slow/", StringComparison.Ordinal));
        Assert.NotNull(edit.Json()!["embeds"]);
    }

    [Fact]
    public async Task Stop_Host_ClosesNormallyAndDisconnects()
    {
        await StartReadyAsync();

        await _host!.App.StopAsync();

        Assert.False(Status.IsConnected);
        await Gateway.Current!.Closed.WaitAsync(TimeSpan.FromSeconds(5));
    }
}
