using System.Text;
using System.Text.Json;
using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;
using LmcBot.Core.Commands;
using LmcBot.Teams.Activities;
using LmcBot.Teams.Rendering;

namespace LmcBot.Teams.Tests.Rendering;

public sealed class AnswerCardRendererTests
{
    private const int Limit = 28 * 1024;

    private static readonly ActivityEnvelope Envelope = new(
        "https://smba.trafficmanager.net/amer/",
        new ChannelAccount { Id = "28:5f0c2e1a-7b3d-4c59-9a8e-1d2f3a4b5c6d", Name = "LmcBot" },
        new ChannelAccount { Id = "29:1Kz8vYh3X0rP5lQ2mN7bT4cD6eF9gH0iJ1kL2mN3oP4qR5sT6uV7wX8yZ9aB0cD1eF2gH3iJ4kL5mN6oP7qR8sT9u", Name = "Somchai Wongsakul" },
        new ConversationAccount { Id = "a:1Qw3rTy5uI7oP9aS1dF3gH5jK7lZ9xC1vB3nM5qW7eR9tY1uI3oP5aS7dF9gH1jK3lZ5xC7vB9nM1qW3eR5tY7uI9oP", ConversationType = "personal" },
        "1741079727300");

    private readonly AnswerCardRenderer _renderer = new(CommandCatalog.Default);

    [Fact]
    public void Render_HugeAnswer_StaysWithinLimitKeepingFirstSourceAndButtons()
    {
        var answer = new Answer
        {
            Answered = true,
            Intent = Intent.Route,
            Title = "StarExpress",
            Text = string.Join(' ', Enumerable.Repeat("The StarExpress links Kunming and Vientiane.", 3000)),
            Fields = [.. Enumerable.Range(0, 40).Select(i => new AnswerField($"Field {i}", new string('v', 2000)))],
            Citations = [.. Enumerable.Range(0, 6).Select(i => new Citation($"doc-{i}", $"Document {i}", new string('q', 5000)) { Grade = "wire" })],
            FollowUps = [FollowUp.Ask("route StarExpress"), FollowUp.Ask("investors Thailand"), FollowUp.Ask("trade"), FollowUp.Ask("about")],
        };

        var json = Assert.Single(_renderer.Render(answer, Envelope));

        Assert.InRange(json.Length, Limit - 2048, Limit);
        var card = Card(json);
        var texts = Texts(card).ToList();
        Assert.Contains(texts, t => t.EndsWith(AnswerCardRenderer.ShortenedNote, StringComparison.Ordinal));
        Assert.Contains("Source: Document 0 · wire", texts);
        Assert.DoesNotContain("Source: Document 1 · wire", texts);
        Assert.Equal(3, card.GetProperty("actions").GetArrayLength());
    }

    [Fact]
    public void Render_AnswerExactlyAtLimit_IsNotShortenedAndOneMoreCharacterIs()
    {
        var atLimit = TextOfLength(Limit - Size(TextOfLength(2000)) + 2000);

        var exact = Assert.Single(_renderer.Render(Plain(atLimit), Envelope));
        var over = Assert.Single(_renderer.Render(Plain(atLimit + "b"), Envelope));

        Assert.Equal(Limit, exact.Length);
        Assert.Contains(atLimit, Texts(Card(exact)));
        Assert.InRange(over.Length, Limit - 200, Limit);
        Assert.Contains(Texts(Card(over)), t => t.EndsWith(AnswerCardRenderer.ShortenedNote, StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ManyLongSourcesButShortText_DropsSourcesBeforeText()
    {
        var answer = Plain("Short answer.") with
        {
            Citations = [.. Enumerable.Range(0, 3).Select(i => new Citation($"doc-{i}", $"Document {i}", new string('q', 12000)))],
        };

        var texts = Texts(Card(Assert.Single(_renderer.Render(answer, Envelope)))).ToList();

        Assert.Contains("Short answer.", texts);
        Assert.Contains("Source: Document 0", texts);
        Assert.DoesNotContain("Source: Document 1", texts);
        Assert.Contains(texts, t => t.StartsWith("“qqq", StringComparison.Ordinal) && t.EndsWith("…”", StringComparison.Ordinal));
    }

    [Fact]
    public void Render_ThaiAndEmojiText_CountsUtf8BytesAndNeverSplitsACharacter()
    {
        var text = string.Concat(Enumerable.Repeat("ความร่วมมือแม่โขง-ล้านช้าง 😀 ", 2000));

        var json = Assert.Single(_renderer.Render(Plain(text), Envelope));

        Assert.True(json.Length <= Limit, $"{json.Length} bytes");
        var raw = Encoding.UTF8.GetString(json);
        Assert.Contains("ความร่วมมือ", raw);
        Assert.DoesNotContain("\\u0E", raw);
        var shown = Texts(Card(json)).First(t => t.StartsWith("ความ", StringComparison.Ordinal));
        for (var i = 0; i < shown.Length; i++)
        {
            if (char.IsHighSurrogate(shown[i]))
                Assert.True(i + 1 < shown.Length && char.IsLowSurrogate(shown[++i]), $"split surrogate at {i}");
            else
                Assert.False(char.IsLowSurrogate(shown[i]), $"lone low surrogate at {i}");
        }
    }

    [Fact]
    public void Render_Answer_HasSummaryFallbackAndNoTextBesideTheCard()
    {
        var json = Assert.Single(_renderer.Render(Plain("Line one.\nLine two.") with { Title = null }, Envelope));

        using var document = JsonDocument.Parse(json);
        var activity = document.RootElement;
        Assert.False(activity.TryGetProperty("text", out _));
        Assert.Equal("Line one.", activity.GetProperty("summary").GetString());
        var card = activity.GetProperty("attachments")[0];
        Assert.Equal("application/vnd.microsoft.card.adaptive", card.GetProperty("contentType").GetString());
        Assert.Equal("http://adaptivecards.io/schemas/adaptive-card.json", card.GetProperty("content").GetProperty("$schema").GetString());
        Assert.Equal("Line one.\nLine two.", card.GetProperty("content").GetProperty("fallbackText").GetString());
        Assert.Equal("Line one.\n\nLine two.", card.GetProperty("content").GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public void Render_Help_ListsItsCommandsWithExampleButtonsAndMarksAdminOnes()
    {
        var help = new Answer
        {
            Answered = false, Intent = Intent.Help, Title = "LmcBot help", Text = "Ask in plain words.",
            Fields = [new AnswerField("route", "core's own list")], Commands = CommandCatalog.Default.Help,
        };

        var card = Card(Assert.Single(_renderer.Render(help, Envelope)));

        var texts = Texts(card).ToList();
        Assert.Contains("**route** · Show a route and its stops", texts);
        Assert.DoesNotContain(Facts(card), f => f.Value == "core's own list");
        var buttons = Buttons(card).ToList();
        Assert.Contains(buttons, b => b.Cmd == "route StarExpress" && b.Title == "route StarExpress");
        Assert.Contains(buttons, b => b.Cmd == "investors Thailand");
        Assert.DoesNotContain(buttons, b => b.Cmd.StartsWith("kb ", StringComparison.Ordinal));
        Assert.Contains(Facts(card), f => f.Title == "kb add citypair" && f.Value.EndsWith("· admin", StringComparison.Ordinal));
        Assert.Contains(Facts(card), f => f.Title == "kb export" && f.Value.EndsWith("· admin", StringComparison.Ordinal));
        Assert.DoesNotContain(Facts(card), f => f.Title == "route");
    }

    [Fact]
    public void Render_SmallTextFile_AddsCodeBlockMessage()
    {
        var answer = Plain("Exported 12 facts.") with { File = new AnswerFile("facts.yaml", "application/yaml", Encoding.UTF8.GetBytes("facts:\n  - id: starexpress-route\n")) };

        var activities = _renderer.Render(answer, Envelope);

        Assert.Equal(2, activities.Count);
        using var file = JsonDocument.Parse(activities[1]);
        Assert.Equal("markdown", file.RootElement.GetProperty("textFormat").GetString());
        Assert.Equal("**facts.yaml**\n\n```\nfacts:\n  - id: starexpress-route\n```", file.RootElement.GetProperty("text").GetString());
        Assert.Equal("1741079727300", file.RootElement.GetProperty("replyToId").GetString());
    }

    [Theory]
    [InlineData(40 * 1024, "text/markdown")]
    [InlineData(100, "application/zip")]
    public void Render_FileTooLargeOrNotText_SaysToUseTheCommandLine(int size, string contentType)
    {
        var answer = Plain("Exported.") with { File = new AnswerFile("export.bin", contentType, Encoding.UTF8.GetBytes(new string('x', size))) };

        var json = Assert.Single(_renderer.Render(answer, Envelope));

        Assert.Contains(Texts(Card(json)), t => t.Contains("cannot be sent in a Teams message", StringComparison.Ordinal) && t.Contains("LmcBot kb export", StringComparison.Ordinal));
    }

    [Fact]
    public void Welcome_WithoutFollowUps_OffersCatalogExamples()
    {
        var json = _renderer.Welcome(new Answer { Answered = false, Intent = Intent.About, Text = "I answer from my knowledge base." }, Envelope);

        var card = Card(json);
        Assert.Equal("Hello! I'm LmcBot.", Texts(card).First());
        var actions = card.GetProperty("actions").EnumerateArray().Select(a => a.GetProperty("data").GetProperty("cmd").GetString()).ToList();
        Assert.Equal(3, actions.Count);
        Assert.Equal("help", actions[^1]);
    }

    /// <summary>The same long answer as Discord's AnswerRendererTests: both adapters shorten it by the core's one rule, each to its own limit.</summary>
    [Fact]
    public void Render_LongAnswer_FallbackTextShortenedByTheCoresRule()
    {
        var text = new string('a', 250) + " " + new string('b', 5000);

        var card = Card(Assert.Single(_renderer.Render(Plain(text) with { Title = null }, Envelope)));

        var fallback = card.GetProperty("fallbackText").GetString();
        Assert.Equal(TextShortening.Shorten(text, 400), fallback);
        Assert.Equal(new string('a', 250) + "…", fallback); // the word break keeps more than half of the 400
    }

    [Fact]
    public void Render_MoreFollowUpsAndSourcesThanShown_TheCoresCaps()
    {
        var answer = Plain("Short answer.") with
        {
            Citations = [.. Enumerable.Range(0, 5).Select(i => new Citation($"doc-{i}", $"Document {i}", $"quote {i}"))],
            FollowUps = [.. Enumerable.Range(0, 5).Select(i => FollowUp.Ask($"question {i}"))],
        };

        var card = Card(Assert.Single(_renderer.Render(answer, Envelope)));

        Assert.Equal(AnswerDisplay.MaxFollowUps, card.GetProperty("actions").GetArrayLength());
        Assert.Equal(AnswerDisplay.MaxCitations, Texts(card).Count(t => t.StartsWith("Source: ", StringComparison.Ordinal)));
    }

    private static Answer Plain(string text) => new() { Answered = true, Intent = Intent.Fact, Title = "Answer", Text = text };

    private static string TextOfLength(int length) => new('a', length);

    private int Size(string text) => Assert.Single(_renderer.Render(Plain(text), Envelope)).Length;

    private static JsonElement Card(byte[] json) =>
        JsonDocument.Parse(json).RootElement.GetProperty("attachments")[0].GetProperty("content").Clone();

    private static IEnumerable<string> Texts(JsonElement card) => Walk(card.GetProperty("body"))
        .Where(e => e.GetProperty("type").GetString() == "TextBlock").Select(e => e.GetProperty("text").GetString()!);

    private static IEnumerable<(string Title, string Value)> Facts(JsonElement card) => Walk(card.GetProperty("body"))
        .Where(e => e.GetProperty("type").GetString() == "FactSet")
        .SelectMany(e => e.GetProperty("facts").EnumerateArray())
        .Select(f => (f.GetProperty("title").GetString()!, f.GetProperty("value").GetString()!));

    private static IEnumerable<(string Title, string Cmd)> Buttons(JsonElement card) => Walk(card.GetProperty("body"))
        .Where(e => e.GetProperty("type").GetString() == "ActionSet")
        .SelectMany(e => e.GetProperty("actions").EnumerateArray())
        .Select(a => (a.GetProperty("title").GetString()!, a.GetProperty("data").GetProperty("cmd").GetString()!));

    private static IEnumerable<JsonElement> Walk(JsonElement elements)
    {
        foreach (var element in elements.EnumerateArray())
        {
            yield return element;
            if (element.TryGetProperty("items", out var items))
                foreach (var inner in Walk(items))
                    yield return inner;
        }
    }
}
