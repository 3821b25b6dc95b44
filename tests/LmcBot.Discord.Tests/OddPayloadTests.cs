using System.Net;
using System.Text;
using Microsoft.Extensions.Logging;
using LmcBot.Testing;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

/// <summary>
/// Validly signed interactions whose fields have the wrong JSON type or hold text that is not valid UTF-8/UTF-16:
/// each is a 400 naming the problem, never a 500 with a stack trace, and nothing reaches the bot.
/// </summary>
public sealed class OddPayloadTests : IAsyncLifetime
{
    /// <summary>Two bytes that are not UTF-8: a lead byte followed by an ASCII byte.</summary>
    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28];

    private readonly ScriptedChatBot _bot = new();
    private FakeDiscord _discord = null!;
    private BotHost _host = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _host = await BotHost.StartAsync(_discord, _bot);
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _discord.DisposeAsync();
    }

    /// <summary>The sample with the first <paramref name="find"/> replaced by <paramref name="replace"/>'s bytes.</summary>
    internal static byte[] Edit(string sample, string find, byte[] replace)
    {
        var text = sample switch
        {
            "kb-import-file.json" => Samples.Load(sample, ("filename", "a.md"), ("size", "12"), ("url", "https://cdn.discordapp.com/a.md"), ("content_type", "text/markdown")),
            "component-followup.json" => Samples.Load(sample, ("custom_id", "q:1")),
            _ => Samples.Load(sample),
        };
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{sample} holds no {find}");
        return [.. Encoding.UTF8.GetBytes(text[..at]), .. replace, .. Encoding.UTF8.GetBytes(text[(at + find.Length)..])];
    }

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    public static TheoryData<string, byte[], string> Cases() => new()
    {
        { "type as a string", Edit("ping.json", "\"type\":1", Ascii("\"type\":\"1\"")), "type" },
        { "option type as a string", Edit("ask-guild.json", "\"type\": 3", Ascii("\"type\": \"3\"")), "type" },
        { "message flags as a string", Edit("component-followup.json", "\"flags\":0", Ascii("\"flags\":\"64\"")), "flags" },
        { "attachment size as a string", Edit("kb-import-file.json", "\"size\":12", Ascii("\"size\":\"12\"")), "size" },
        { "guild_id as a number", Edit("ask-guild.json", "\"guild_id\": \"2000000000000000000\"", Ascii("\"guild_id\": 2000000000000000000")), "guild_id" },
        { "invalid UTF-8 in id", Edit("ask-guild.json", "\"1100000000000000001\"", [.. Ascii("\"11"), .. InvalidUtf8, .. Ascii("\"")]), "id" },
        { "invalid UTF-8 in token", Edit("ask-guild.json", "\"token\": \"", [.. Ascii("\"token\": \""), .. InvalidUtf8]), "token" },
        { "invalid UTF-8 in username", Edit("ask-guild.json", "\"alice\"", [.. Ascii("\"al"), .. InvalidUtf8, .. Ascii("ice\"")]), "username" },
        { "invalid UTF-8 in an option value", Edit("ask-guild.json", "established?", [.. Ascii("established"), .. InvalidUtf8, .. Ascii("?")]), "value" },
        { "lone surrogate in an option value", Edit("ask-guild.json", "established?", Ascii("established\\ud800?")), "value" },
        { "lone surrogate in a role id", Edit("ask-guild.json", "\"5000000000000000001\"", Ascii("\"5000\\ud800\"")), "roles" },
        { "lone low surrogate in the nickname", Edit("ask-guild.json", "\"nick\": null", Ascii("\"nick\": \"\\udc00x\"")), "nick" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_SignedButOdd_400NamingTheFieldAndNothingAnswered(string odd, byte[] body, string field)
    {
        using var response = await _host.Client.SendAsync(_host.SignedPost(body));
        var reason = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{odd}: {(int)response.StatusCode} {reason}");
        Assert.Contains($"'{field}'", reason, StringComparison.Ordinal);
        Assert.True(reason.Length < 200 && !reason.Contains("   at ", StringComparison.Ordinal), $"{odd}: {reason}");
        Assert.Empty(_bot.Requests);
        Assert.Empty(_discord.Requests);
        Assert.DoesNotContain(_host.Logs.Entries, l => l.Level >= LogLevel.Error);
    }
}
