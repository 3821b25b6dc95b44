using System.Globalization;
using System.Net;
using System.Text;
using System.Text.Json.Nodes;
using LmcBot.Core.Chat;
using LmcBot.Testing;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

/// <summary>Signed interactions POSTed over loopback to the adapter as the host maps it, with a fake Discord behind it.</summary>
public sealed class InteractionsEndpointTests : IAsyncLifetime
{
    /// <summary><c>Discord:DeferAfter</c> as <see cref="BotHost.Settings"/> sets it.</summary>
    private static readonly TimeSpan DeferAfter = TimeSpan.FromSeconds(2);

    private readonly ScriptedChatBot _bot = new();
    private readonly TestClock _time = new();
    private FakeDiscord _discord = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _host = await BotHost.StartAsync(_discord, _bot, time: _time);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private Task<HttpResponseMessage> PostAsync(string body, string? timestamp = null, string? signature = null) =>
        _host.Client.SendAsync(_host.SignedPost(body, timestamp, signature));

    private static async Task<JsonObject> JsonAsync(HttpResponseMessage response) =>
        JsonNode.Parse(await response.Content.ReadAsStringAsync())!.AsObject();

    [Fact]
    public async Task Post_SignedPing_ReturnsPongJson()
    {
        using var response = await PostAsync(Samples.Load("ping.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_SignedAsk_ReturnsEmbedWithAnswerAndCitation()
    {
        using var response = await PostAsync(Samples.Load("ask-guild.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var json = await JsonAsync(response);
        Assert.Equal(4, json["type"]!.GetValue<int>());
        var data = json["data"]!;
        Assert.Null(data["flags"]);
        Assert.Equal("""{"parse":[]}""", data["allowed_mentions"]!.ToJsonString());
        var embed = data["embeds"]![0]!;
        Assert.Equal("Answer to: When was the LMC established?", embed["description"]!.GetValue<string>());
        Assert.Contains(embed["fields"]!.AsArray(), f => f!["value"]!.GetValue<string>().Contains("established in 2016", StringComparison.Ordinal));
        Assert.StartsWith("LMC seed article", embed["footer"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_SignedAsk_BotReceivesNeutralCommandRequest()
    {
        using var response = await PostAsync(Samples.Load("ask-guild.json"));

        var request = Assert.Single(_bot.Requests);
        Assert.Equal(ChatPlatform.Discord, request.Platform);
        Assert.Equal("ask", request.Command);
        Assert.Equal("When was the LMC established?", request.Options["question"]);
        Assert.Equal("2000000000000000000", request.ScopeId);
        Assert.Equal("3000000000000000000", request.ConversationId);
        Assert.Equal("4000000000000000000", request.Sender.Id);
        Assert.Equal(["5000000000000000000", "5000000000000000001"], request.Sender.RoleIds);
        Assert.False(request.Sender.HasManagePermission);
    }

    [Fact]
    public async Task Post_SubcommandWithManagePermissionAbove2Pow53_BotSeesPathAndManager()
    {
        using var response = await PostAsync(Samples.Load("kb-add-citypair.json"));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(_bot.Requests);
        Assert.Equal("kb add citypair", request.Command);
        Assert.True(request.Sender.HasManagePermission);
        Assert.Equal("true", request.Options["admin_note"]);
    }

    public static TheoryData<string, Func<string, string, (string Body, string Timestamp, string? Signature)>> Forgeries => new()
    {
        { "flipped signature bit", (body, ts) => (body, ts, Flip(InteractionSigner.Sign(ts, Encoding.UTF8.GetBytes(body)))) },
        { "truncated signature", (body, ts) => (body, ts, InteractionSigner.Sign(ts, Encoding.UTF8.GetBytes(body))[..126]) },
        { "signature not hex", (body, ts) => (body, ts, new string('g', 128)) },
        { "empty signature", (body, ts) => (body, ts, "") },
        { "body changed after signing", (body, ts) => (body.Replace("LMC", "LMK", StringComparison.Ordinal), ts, InteractionSigner.Sign(ts, Encoding.UTF8.GetBytes(body))) },
        { "whitespace added after signing", (body, ts) => (body + " ", ts, InteractionSigner.Sign(ts, Encoding.UTF8.GetBytes(body))) },
        { "timestamp swapped after signing", (body, ts) => (body, (long.Parse(ts, CultureInfo.InvariantCulture) + 1).ToString(CultureInfo.InvariantCulture), InteractionSigner.Sign(ts, Encoding.UTF8.GetBytes(body))) },
        { "signed by another key", (body, ts) => (body, ts, "92a009a9f0d4cab8720e820b5f642540a2b27b5416503f8fb3762223ebdb69da085ac1e43e15996e458f3613d0f11d8c387b2eaeb4302aeeb00d291612bb0c00") },
    };

    private static string Flip(string hex) => (hex[0] == '0' ? "1" : "0") + hex[1..];

    [Theory]
    [MemberData(nameof(Forgeries))]
    public async Task Post_ForgedSignature_401AndNothingAnswered(string forgery, Func<string, string, (string Body, string Timestamp, string? Signature)> forge)
    {
        var (body, timestamp, signature) = forge(Samples.Load("ask-guild.json"), _host.Timestamp());
        using var response = await PostAsync(body, timestamp, signature ?? "");

        Assert.True(response.StatusCode == HttpStatusCode.Unauthorized, forgery);
        Assert.Empty(_bot.Requests);
        Assert.Empty(_discord.Requests);
    }

    [Theory]
    [InlineData(-301)]
    [InlineData(-3600)]
    [InlineData(301)]
    public async Task Post_StaleOrFutureTimestamp_401AndNothingAnswered(int offsetSeconds)
    {
        using var response = await PostAsync(Samples.Load("ask-guild.json"), _host.Timestamp(offsetSeconds));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Requests);
    }

    [Theory]
    [InlineData(-300)]
    [InlineData(300)]
    public async Task Post_TimestampAtTheEdgeOfTheWindow_IsAnswered(int offsetSeconds)
    {
        using var response = await PostAsync(Samples.Load("ask-guild.json"), _host.Timestamp(offsetSeconds));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(_bot.Requests);
    }

    [Fact]
    public async Task Post_SignedThenHeldPastTheWindow_401()
    {
        var timestamp = _host.Timestamp();
        _time.Advance(TimeSpan.FromSeconds(301));

        using var response = await PostAsync(Samples.Load("ask-guild.json"), timestamp);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(_bot.Requests);
    }

    [Fact]
    public async Task Post_MissingSignatureHeaders_401()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, BotHost.InteractionsPath)
        {
            Content = new StringContent(Samples.Load("ping.json"), Encoding.UTF8, "application/json"),
        };
        using var response = await _host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Theory]
    [InlineData("{\"type\":1")]
    [InlineData("not json at all")]
    [InlineData("{\"id\":\"1\",\"application_id\":\"1\",\"token\":\"t\",\"type\":99}")]
    public async Task Post_SignedMalformedOrUnknownType_400(string body)
    {
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Empty(_bot.Requests);
    }

    [Fact]
    public async Task Post_BodyOver64KB_413()
    {
        var body = "{\"type\":1,\"pad\":\"" + new string('x', 64 * 1024) + "\"}";
        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    [Fact]
    public async Task Post_BodyOfExactly64KB_IsRead()
    {
        var prefix = "{\"id\":\"1\",\"application_id\":\"1\",\"token\":\"t\",\"type\":1,\"pad\":\"";
        var body = prefix + new string('x', 64 * 1024 - prefix.Length - 2) + "\"}";
        Assert.Equal(64 * 1024, Encoding.UTF8.GetByteCount(body));

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    /// <summary>The same signed body sent without a Content-Length (chunked), so the endpoint grows its buffer as it reads.</summary>
    private Task<HttpResponseMessage> PostChunkedAsync(string body)
    {
        var request = _host.SignedPost(body);
        request.Content = new StreamContent(new UnseekableStream(Encoding.UTF8.GetBytes(body)));
        request.Content.Headers.ContentType = new("application/json");
        return _host.Client.SendAsync(request);
    }

    [Fact]
    public async Task Post_ChunkedPingLargerThanTheFirstBuffer_ReturnsPong()
    {
        var body = "{\"id\":\"1\",\"application_id\":\"1\",\"token\":\"t\",\"type\":1,\"pad\":\"" + new string('x', 10_000) + "\"}";
        using var response = await PostChunkedAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("""{"type":1}""", await response.Content.ReadAsStringAsync());
    }

    [Fact]
    public async Task Post_ChunkedBodyOver64KB_413()
    {
        using var response = await PostChunkedAsync("{\"type\":1,\"pad\":\"" + new string('x', 64 * 1024) + "\"}");

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
    }

    /// <summary>A stream whose length HttpClient cannot know, so it sends the body chunked.</summary>
    private sealed class UnseekableStream(byte[] bytes) : MemoryStream(bytes)
    {
        public override bool CanSeek => false;
    }

    [Fact]
    public async Task Post_Autocomplete_MatchingNamesOnly()
    {
        using var response = await PostAsync(Samples.Load("autocomplete-citypairs.json"));

        var json = await JsonAsync(response);
        Assert.Equal(8, json["type"]!.GetValue<int>());
        var names = json["data"]!["choices"]!.AsArray().Select(c => c!["name"]!.GetValue<string>()).ToList();
        Assert.Equal(["Chiang Mai", "Chiang Rai", "Ho Chi Minh City"], names);
    }

    [Fact]
    public async Task Post_AutocompleteEmptyPartial_AtMost25Choices()
    {
        using var response = await PostAsync(Samples.Load("autocomplete-empty.json"));

        var choices = (await JsonAsync(response))["data"]!["choices"]!.AsArray();
        Assert.Equal(25, choices.Count);
        Assert.Empty(_bot.Requests);
    }

    [Fact]
    public async Task Post_PrivateAsk_EphemeralAnswer()
    {
        using var response = await PostAsync(Samples.Load("ask-private-dm.json"));

        var json = await JsonAsync(response);
        Assert.Equal(64, json["data"]!["flags"]!.GetValue<int>());
        Assert.Null(Assert.Single(_bot.Requests).ScopeId);
    }

    [Fact]
    public async Task Post_UserError_EphemeralTextTellingWhatToDo()
    {
        _bot.Respond = (_, _) => Task.FromResult(Answer.Error(ErrorKind.AdminOnly, "Only server managers can change the knowledge base. Ask one to run it."));

        using var response = await PostAsync(Samples.Load("kb-list-no-manage.json"));

        var data = (await JsonAsync(response))["data"]!;
        Assert.Equal(64, data["flags"]!.GetValue<int>());
        Assert.StartsWith("Only server managers", data["content"]!.GetValue<string>());
    }

    /// <summary>Posts an interaction the bot is slow to answer, and lets the host's clock run to Discord:DeferAfter.</summary>
    private async Task<HttpResponseMessage> PostDeferredAsync(string body)
    {
        var post = PostAsync(body);
        await _time.WaitForTimerAsync(DeferAfter);
        _time.Advance(DeferAfter - TimeSpan.FromTicks(1));
        await Task.Delay(50);
        Assert.False(post.IsCompleted, "answered before Discord:DeferAfter");
        _time.Advance(TimeSpan.FromTicks(1));
        return await post;
    }

    [Fact]
    public async Task Post_SlowAnswer_DefersAtDeferAfterThenEditsOriginal()
    {
        var body = Samples.Load("ask-guild.json");
        var token = JsonNode.Parse(body)!["token"]!.GetValue<string>();
        var release = new TaskCompletionSource();
        _bot.Respond = async (request, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return ScriptedChatBot.Echo(request);
        };

        // Deferred exactly at DeferAfter on the host's clock, which the options keep under Discord's 3-second deadline.
        using var response = await PostDeferredAsync(body);

        Assert.Equal("""{"type":5}""", await response.Content.ReadAsStringAsync());
        Assert.DoesNotContain(_discord.Requests, r => r.Method == "PATCH");

        release.SetResult();
        var edit = await _discord.WaitForAsync(r => r.Method == "PATCH");
        Assert.Equal($"/webhooks/{FakeDiscord.ApplicationId}/{token}/messages/@original", edit.Path);
        Assert.Null(edit.Authorization);
        Assert.Equal("Answer to: When was the LMC established?", edit.Json()!["embeds"]![0]!["description"]!.GetValue<string>());
    }

    [Fact]
    public async Task Post_SlowUserErrorAfterPublicDefer_ReplacedByEphemeralFollowUp()
    {
        var release = new TaskCompletionSource();
        _bot.Respond = async (_, ct) =>
        {
            await release.Task.WaitAsync(ct);
            return Answer.Error(Intent.KbImport, ErrorKind.Invalid, "The document has no title. Add one with title: and try again.");
        };

        using var response = await PostDeferredAsync(Samples.Load("ask-guild.json"));
        Assert.Equal("""{"type":5}""", await response.Content.ReadAsStringAsync());
        release.SetResult();

        var followUp = await _discord.WaitForAsync(r => r.Method == "POST" && r.Path.StartsWith("/webhooks/", StringComparison.Ordinal));
        Assert.Equal(64, followUp.Json()!["flags"]!.GetValue<int>());
        Assert.Contains(_discord.Requests, r => r.Method == "DELETE" && r.Path.EndsWith("/messages/@original", StringComparison.Ordinal));
        Assert.DoesNotContain(_discord.Requests, r => r.Method == "PATCH");
    }

    [Fact]
    public async Task Post_FollowUpButtonClick_AsksItsInputAsFreeTextInANewMessage()
    {
        using var first = await PostAsync(Samples.Load("ask-guild.json"));
        var customId = (await JsonAsync(first))["data"]!["components"]![0]!["components"]![0]!["custom_id"]!.GetValue<string>();

        using var click = await PostAsync(Samples.Load("component-followup.json", ("custom_id", customId)));

        var json = await JsonAsync(click);
        Assert.Equal(4, json["type"]!.GetValue<int>());
        Assert.Equal("Answer to: Who are the LMC members?", json["data"]!["embeds"]![0]!["description"]!.GetValue<string>());
        var request = _bot.Requests[^1];
        Assert.Null(request.Command);
        Assert.Equal("Who are the LMC members?", request.Text);
    }

    [Fact]
    public async Task Post_ClickOnForgottenLongButton_EphemeralNoticeAndBotNotAsked()
    {
        using var click = await PostAsync(Samples.Load("component-followup.json", ("custom_id", "h:unknownhash")));

        var data = (await JsonAsync(click))["data"]!;
        Assert.Equal(64, data["flags"]!.GetValue<int>());
        Assert.Contains("expired", data["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_bot.Requests);
    }

    [Fact]
    public async Task Post_KbImportFileFromDiscordHost_BotGetsDocumentText()
    {
        var url = _discord.AddFile("article.md", "text/markdown", Encoding.UTF8.GetBytes("# New article\n\nThe LMC met in 2025."));
        var body = Samples.Load("kb-import-file.json", ("filename", "article.md"), ("size", "36"), ("url", url), ("content_type", "text/markdown; charset=utf-8"));

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var request = Assert.Single(_bot.Requests);
        Assert.Equal("kb import", request.Command);
        Assert.Equal("article.md", request.Attachment!.FileName);
        Assert.Equal("# New article\n\nThe LMC met in 2025.", request.Attachment.Text);
        Assert.Equal("New article", request.Options["title"]);
        Assert.False(request.Options.ContainsKey("file"));
    }

    [Theory]
    [InlineData("https://evil.example.org/cdn/article.md", "article.md", "36", "text/markdown", "uploaded to Discord")]
    [InlineData("{cdn}", "article.md", "2000000", "text/markdown", "1 MB")]
    [InlineData("{cdn}", "article.pdf", "36", "application/pdf", ".md")]
    [InlineData("{cdn}", "article.md", "36", "image/png", ".md")]
    [InlineData("{missing}", "article.md", "36", "text/markdown", "could not download")]
    public async Task Post_KbImportFileRejected_SpecificEphemeralErrorAndNothingChanges(string url, string fileName, string size, string contentType, string expected)
    {
        var cdn = _discord.AddFile("article.md", "text/markdown", "# A"u8.ToArray());
        url = url.Replace("{cdn}", cdn, StringComparison.Ordinal).Replace("{missing}", cdn.Replace("article.md", "gone.md", StringComparison.Ordinal), StringComparison.Ordinal);
        var body = Samples.Load("kb-import-file.json", ("filename", fileName), ("size", size), ("url", url), ("content_type", contentType));

        using var response = await PostAsync(body);

        var data = (await JsonAsync(response))["data"]!;
        Assert.Equal(64, data["flags"]!.GetValue<int>());
        Assert.Contains(expected, data["content"]!.GetValue<string>(), StringComparison.OrdinalIgnoreCase);
        Assert.Empty(_bot.Requests);
    }

    [Fact]
    public async Task Post_KbImportFileLargerThanDeclared_RejectedWhileDownloading()
    {
        var url = _discord.AddFile("big.md", "text/markdown", new byte[1024 * 1024 + 10]);
        var body = Samples.Load("kb-import-file.json", ("filename", "big.md"), ("size", "100"), ("url", url), ("content_type", "text/markdown"));

        using var response = await PostAsync(body);

        Assert.Contains("1 MB", (await JsonAsync(response))["data"]!["content"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Empty(_bot.Requests);
    }

    [Fact]
    public async Task Post_AnswerWithFile_SentByMultipartCallbackAnd202()
    {
        _bot.Respond = (request, _) => Task.FromResult(ScriptedChatBot.Echo(request) with
        {
            File = new AnswerFile("knowledge.zip", "application/zip", [80, 75, 5, 6]),
        });
        var body = Samples.Load("ask-guild.json");
        var token = JsonNode.Parse(body)!["token"]!.GetValue<string>();

        using var response = await PostAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        Assert.Equal(0, response.Content.Headers.ContentLength);
        var callback = Assert.Single(_discord.Requests);
        Assert.Equal($"/interactions/1100000000000000001/{token}/callback", callback.Path);
        Assert.True(callback.IsMultipart);
        Assert.Contains("filename=knowledge.zip", callback.BodyText, StringComparison.Ordinal);
        Assert.Equal(4, callback.Json()!["type"]!.GetValue<int>());
    }
}
