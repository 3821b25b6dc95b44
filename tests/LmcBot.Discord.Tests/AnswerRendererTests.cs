using System.Text.Json.Nodes;
using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;
using LmcBot.Discord.Rendering;

namespace LmcBot.Discord.Tests;

public sealed class AnswerRendererTests
{
    private readonly FollowUpIdCodec _codec = new();

    private JsonObject Render(Answer answer, bool forcePrivate = false) => Json(new AnswerRenderer(_codec).Render(answer, forcePrivate));

    /// <summary>The message as it goes on the wire.</summary>
    private static JsonObject Json(DiscordMessage message) => JsonNode.Parse(DiscordJsonContext.Serialize(message.Payload))!.AsObject();

    private static Answer Basic(string text = "The LMC was established in 2016.") => new()
    {
        Answered = true,
        Intent = Intent.Figure,
        Text = text,
        Citations = [new Citation("lmc-seed-article", "LMC article", "established in 2016") { Grade = "article", SourceDate = "2025-03-01" }],
    };

    private static JsonObject Embed(JsonObject message) => message["embeds"]![0]!.AsObject();

    private static int EmbedTotal(JsonObject embed) =>
        (embed["title"]?.GetValue<string>().Length ?? 0)
        + (embed["description"]?.GetValue<string>().Length ?? 0)
        + (embed["footer"]?["text"]?.GetValue<string>().Length ?? 0)
        + (embed["fields"]?.AsArray().Sum(f => f!["name"]!.GetValue<string>().Length + f["value"]!.GetValue<string>().Length) ?? 0);

    [Fact]
    public void Render_AnswerWithCitation_EmbedHasTextQuoteAndSourceLine()
    {
        var embed = Embed(Render(Basic()));

        Assert.Equal("The LMC was established in 2016.", embed["description"]!.GetValue<string>());
        var source = embed["fields"]!.AsArray().Single(f => f!["name"]!.GetValue<string>() == "Source");
        Assert.Equal("“established in 2016”", source!["value"]!.GetValue<string>());
        Assert.Equal("LMC article · article · 2025-03-01", embed["footer"]!["text"]!.GetValue<string>());
    }

    [Fact]
    public void Render_AnyAnswer_AllowedMentionsParseNothing()
    {
        Assert.Equal("""{"parse":[]}""", Render(Basic("@everyone look"))["allowed_mentions"]!.ToJsonString());
        Assert.Equal("""{"parse":[]}""", Render(Answer.Error(ErrorKind.Usage, "@everyone"))["allowed_mentions"]!.ToJsonString());
    }

    [Fact]
    public void Render_PublicAnswer_HasNoEphemeralFlag()
    {
        Assert.Null(Render(Basic())["flags"]);
    }

    [Fact]
    public void Render_PrivateAnswerOrForcedPrivate_IsEphemeral()
    {
        Assert.Equal(64, Render(Basic() with { Private = true })["flags"]!.GetValue<int>());
        Assert.Equal(64, Render(Basic(), forcePrivate: true)["flags"]!.GetValue<int>());
    }

    [Fact]
    public void Render_UserError_IsEphemeralTextWithinContentLimit()
    {
        var message = Render(Answer.Error(ErrorKind.AdminOnly, "You need Manage Server to run kb commands. " + new string('x', 3000)));

        Assert.Equal(64, message["flags"]!.GetValue<int>());
        Assert.Null(message["embeds"]);
        var content = message["content"]!.GetValue<string>();
        Assert.Equal(DiscordLimits.Content, content.Length);
        Assert.StartsWith("You need Manage Server", content);
        Assert.EndsWith("…", content);
    }

    [Fact]
    public void Render_LongTitle_TruncatedTo256()
    {
        var title = Embed(Render(Basic() with { Title = string.Join(' ', Enumerable.Repeat("Mekong", 60)) }))["title"]!.GetValue<string>();
        Assert.True(title.Length <= DiscordLimits.EmbedTitle);
        Assert.EndsWith("Mekong…", title);
    }

    [Fact]
    public void Render_LongText_DescriptionTruncatedTo4096AtWord()
    {
        var text = string.Join(' ', Enumerable.Repeat("railway", 800));
        var description = Embed(Render(Basic(text) with { Citations = [] }))["description"]!.GetValue<string>();

        Assert.True(description.Length <= DiscordLimits.EmbedDescription);
        Assert.True(description.Length > DiscordLimits.EmbedDescription - 10);
        Assert.EndsWith("railway…", description);
    }

    [Fact]
    public void Render_LongFieldNameAndValue_TruncatedTo256And1024()
    {
        var answer = Basic() with { Citations = [], Fields = [new AnswerField(new string('n', 300), new string('v', 2000))] };
        var field = Embed(Render(answer))["fields"]![0]!;

        Assert.Equal(DiscordLimits.FieldName, field["name"]!.GetValue<string>().Length);
        Assert.Equal(DiscordLimits.FieldValue, field["value"]!.GetValue<string>().Length);
    }

    [Fact]
    public void Render_ThirtyFields_AtMost25AndWithinTotal()
    {
        var answer = Basic() with { Fields = Enumerable.Range(1, 30).Select(i => new AnswerField($"Stop {i}", $"Station {i}")).ToList() };
        var embed = Embed(Render(answer));

        var fields = embed["fields"]!.AsArray();
        Assert.Equal(DiscordLimits.EmbedFields, fields.Count);
        Assert.Equal("Source", fields[^1]!["name"]!.GetValue<string>());
        Assert.Equal("Stop 1", fields[0]!["name"]!.GetValue<string>());
    }

    [Fact]
    public void Render_LongSourceLine_FooterTruncatedTo2048()
    {
        var citation = new Citation("doc", string.Join(' ', Enumerable.Repeat("Mekong", 400)), "quote");
        var footer = Embed(Render(Basic() with { Citations = [citation] }))["footer"]!["text"]!.GetValue<string>();

        Assert.InRange(footer.Length, DiscordLimits.FooterText - 8, DiscordLimits.FooterText);
        Assert.EndsWith("…", footer);
    }

    [Fact]
    public void Render_EverythingAtMaximum_EmbedTotalAtMost6000AndAnswerKept()
    {
        var answer = new Answer
        {
            Answered = true,
            Intent = Intent.Route,
            Title = new string('T', 400),
            Text = "Kunming to Vientiane. " + string.Join(' ', Enumerable.Repeat("stop", 1500)),
            Fields = Enumerable.Range(1, 25).Select(i => new AnswerField(new string('n', 300), new string('v', 1500))).ToList(),
            Citations = Enumerable.Range(1, 3).Select(i => new Citation($"d{i}", new string('s', 900), new string('q', 1500))).ToList(),
        };
        var embed = Embed(Render(answer));

        Assert.True(EmbedTotal(embed) <= DiscordLimits.EmbedTotal, $"total {EmbedTotal(embed)}");
        Assert.StartsWith("Kunming to Vientiane.", embed["description"]!.GetValue<string>());
        Assert.Contains(embed["fields"]!.AsArray(), f => f!["name"]!.GetValue<string>() == "Source 1");
    }

    [Fact]
    public void Render_FollowUps_AtMostThreeButtonsWithLimitsAndUniqueIds()
    {
        var longInput = "Tell me everything about " + new string('z', 200);
        var answer = Basic() with
        {
            FollowUps =
            [
                new FollowUp(new string('L', 120), longInput),
                FollowUp.Ask("route StarExpress"),
                FollowUp.Ask("route StarExpress"),
                FollowUp.Ask("investors Thailand"),
                FollowUp.Ask("citypairs Kunming"),
            ],
        };
        var buttons = Render(answer)["components"]![0]!["components"]!.AsArray();

        Assert.Equal(3, buttons.Count);
        Assert.All(buttons, b => Assert.True(b!["custom_id"]!.GetValue<string>().Length <= DiscordLimits.CustomId));
        Assert.All(buttons, b => Assert.True(b!["label"]!.GetValue<string>().Length <= DiscordLimits.ButtonLabel));
        Assert.Equal(3, buttons.Select(b => b!["custom_id"]!.GetValue<string>()).Distinct().Count());
        Assert.Equal(longInput, _codec.Decode(buttons[0]!["custom_id"]!.GetValue<string>()));
        Assert.Equal("investors Thailand", _codec.Decode(buttons[2]!["custom_id"]!.GetValue<string>()));
    }

    /// <summary>The same long answer as Teams' AnswerCardRendererTests: both adapters shorten it by the core's one rule, each to its own limit.</summary>
    [Fact]
    public void Render_LongAnswer_DescriptionShortenedByTheCoresRule()
    {
        var text = new string('a', 250) + " " + new string('b', 5000);

        var description = Embed(Render(Basic(text) with { Citations = [] }))["description"]!.GetValue<string>();

        Assert.Equal(TextShortening.Shorten(text, DiscordLimits.EmbedDescription), description);
        Assert.Equal(DiscordLimits.EmbedDescription, description.Length); // the only word break is too early: cut mid-word
    }

    [Fact]
    public void Render_MoreFollowUpsAndSourcesThanShown_TheCoresCaps()
    {
        var answer = Basic() with
        {
            Citations = [.. Enumerable.Range(0, 5).Select(i => new Citation($"doc-{i}", $"Document {i}", $"quote {i}"))],
            FollowUps = [.. Enumerable.Range(0, 5).Select(i => FollowUp.Ask($"question {i}"))],
        };

        var message = Render(answer);

        Assert.Equal(AnswerDisplay.MaxFollowUps, message["components"]![0]!["components"]!.AsArray().Count);
        Assert.Equal(AnswerDisplay.MaxCitations, Embed(message)["fields"]!.AsArray().Count(f => f!["name"]!.GetValue<string>().StartsWith("Source", StringComparison.Ordinal)));
    }

    [Fact]
    public void Render_AnswerWithFile_DeclaresAttachment()
    {
        var message = new AnswerRenderer(_codec).Render(Basic() with { File = new AnswerFile("kb.zip", "application/zip", [1, 2, 3]) });

        Assert.NotNull(message.File);
        Assert.Equal("kb.zip", Json(message)["attachments"]![0]!["filename"]!.GetValue<string>());
    }
}
