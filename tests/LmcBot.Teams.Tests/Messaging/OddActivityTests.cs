using System.Net;
using System.Text;
using LmcBot.Teams.Tests.Support;
using Microsoft.Extensions.Logging;

namespace LmcBot.Teams.Tests.Messaging;

/// <summary>
/// Activities with a valid token whose fields have the wrong JSON type or hold text that is not valid UTF-8/UTF-16:
/// a 400 with a short reason, never a 500, and no turn runs.
/// </summary>
public sealed class OddActivityTests
{
    private static readonly byte[] InvalidUtf8 = [0xC3, 0x28];

    private static byte[] Ascii(string text) => Encoding.ASCII.GetBytes(text);

    /// <summary>Which sample, what to find in it, and the bytes to put there instead.</summary>
    public static TheoryData<string, string, string, byte[]> Cases() => new()
    {
        { "lone surrogate in value.cmd", "card-submit.json", "\"route StarExpress\"", Ascii("\"route \\ud800StarExpress\"") },
        { "lone low surrogate in value.cmd", "card-submit.json", "\"route StarExpress\"", Ascii("\"\\udc00\"") },
        { "invalid UTF-8 in value.cmd", "card-submit.json", "\"route StarExpress\"", [.. Ascii("\"route "), .. InvalidUtf8, .. Ascii("\"")] },
        { "invalid UTF-8 in text", "personal-message.json", "\"text\": \"", [.. Ascii("\"text\": \""), .. InvalidUtf8] },
        { "lone surrogate in text", "personal-message.json", "\"text\": \"", Ascii("\"text\": \"\\ud800") },
        { "text as a number", "personal-message.json", "\"text\": \"", Ascii("\"text\": 5, \"x\": \"") },
        { "from as a string", "personal-message.json", "\"from\": {", Ascii("\"from\": \"x\", \"y\": {") },
        { "entities as an object", "personal-message.json", "\"entities\": [", Ascii("\"entities\": {}, \"z\": [") },
        // Found by ActivityFuzzTests: null list items were a NullReferenceException (500), and a huge id echoed into the
        // reply left no room for a card, so the turn failed after the 200.
        { "null in entities", "personal-message.json", "\"entities\": [", Ascii("\"entities\": [null, ") },
        { "null in membersAdded", "conversation-update-bot-added.json", "\"membersAdded\": [", Ascii("\"membersAdded\": [null, ") },
        { "a 10 KB from.id", "personal-message.json", "\"id\": \"29:", Ascii("\"id\": \"29:" + new string('x', 10_000)) },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public async Task Post_ValidTokenButOddActivity_400WithReasonAndNoTurn(string odd, string sample, string find, byte[] replace)
    {
        await using var host = await TeamsTestHost.StartAsync();
        var text = host.Sample(sample);
        var at = text.IndexOf(find, StringComparison.Ordinal);
        Assert.True(at >= 0, $"{sample} holds no {find}");
        byte[] body = [.. Encoding.UTF8.GetBytes(text[..at]), .. replace, .. Encoding.UTF8.GetBytes(text[(at + find.Length)..])];

        using var response = await host.PostAsync(body, host.ValidToken());
        var reason = await response.Content.ReadAsStringAsync();

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, $"{odd}: {(int)response.StatusCode} {reason}");
        Assert.True(reason.Length is > 0 and < 200 && !reason.Contains("   at ", StringComparison.Ordinal), $"{odd}: {reason}");
        Assert.Empty(host.Recorded);
        Assert.Empty(host.Connector.Attempts);
        Assert.DoesNotContain(host.Logs.Entries, e => e.Level >= LogLevel.Error);
    }
}
