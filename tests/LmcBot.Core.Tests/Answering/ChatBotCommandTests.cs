using LmcBot.Core.Chat;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Answering;

/// <summary>Typed and text commands, option validation, completions and bad input, through the router.</summary>
public sealed class ChatBotCommandTests
{
    private static readonly ChatSender Member = new("4000000000000000001", "alice");

    private static Task<Answer> Text(string text) =>
        TestBot.Shared.HandleAsync(ChatRequest.Question(ChatPlatform.Teams, Member, text));

    private static Task<Answer> Command(string command, params (string Name, string Value)[] options) =>
        TestBot.Shared.HandleAsync(ChatRequest.ForCommand(ChatPlatform.Discord, Member, command, options.ToDictionary(o => o.Name, o => o.Value)));

    [Theory]
    [InlineData("route StarExpress", "Luang Prabang")]
    [InlineData("route star express", "Luang Prabang")]
    [InlineData("investors Thailand", "BYD")]
    [InlineData("investors thailnd", "GAC")]
    [InlineData("citypairs Chiang Mai", "Guangzhou")]
    [InlineData("/citypairs chiangmai", "Guangzhou")]
    [InlineData("trade", "2015.*2024")]
    [InlineData("trade year:2017", "220")]
    public async Task TextCommand_IsAnswered(string text, string expected)
    {
        var answer = await Text(text);

        Assert.True(answer.Answered, answer.Text);
        Assert.Matches(expected, answer.Text);
        Assert.NotEmpty(answer.Citations);
    }

    [Theory]
    [InlineData("route from Kunming to Vientiane", "Luang Prabang|StarExpress|Kunming")]
    [InlineData("about BYD", "Thailand")]
    public async Task TextThatOnlyStartsLikeACommand_IsAQuestion(string text, string expected)
    {
        var answer = await Text(text);

        Assert.True(answer.Answered, answer.Text);
        Assert.Matches(expected, answer.Text);
    }

    [Fact]
    public async Task Help_ListsTheCatalog()
    {
        var answer = await Text("help");

        Assert.Equal("help", answer.Intent.Name);
        foreach (var name in new[] { "ask", "route", "investors", "citypairs", "trade", "about", "sources", "kb" })
            Assert.Contains(answer.Fields, f => f.Name == name);
    }

    [Fact]
    public async Task Sources_ListsEveryDocument()
    {
        var answer = await Command("sources");

        Assert.True(answer.Fields.Count >= 7);
        Assert.Contains(answer.Fields, f => f.Value.Contains("lmc-seed-article", StringComparison.Ordinal));
    }

    [Fact]
    public async Task About_SaysWhatItKnows()
    {
        var answer = await Command("about");

        Assert.Contains("facts", answer.Text);
        Assert.Contains("Lancang-Mekong", answer.Text);
    }

    [Fact]
    public async Task Ask_Private_IsOnlyForTheAsker()
    {
        var answer = await Command("ask", ("question", "When was the StarExpress launched?"), ("private", "true"));

        Assert.True(answer.Answered);
        Assert.True(answer.Private);
    }

    [Fact]
    public async Task Trade_ForAMissingYear_DeclinesAndOffersNearestYears()
    {
        var answer = await Command("trade", ("year", "2019"));

        Assert.False(answer.Answered);
        Assert.Contains("2017", answer.Text);
        Assert.Contains("2021", answer.Text);
    }

    [Theory]
    [InlineData("route", "name", "Atlantis Express", "don't know a route")]
    [InlineData("investors", "country", "Narnia", "don't know a country")]
    [InlineData("citypairs", "city", "Gotham", "no partner cities")]
    public async Task UnknownValue_IsAPrivateErrorThatSaysWhatExists(string command, string option, string value, string expected)
    {
        var answer = await Command(command, (option, value));

        Assert.True(answer.IsError);
        Assert.True(answer.Private);
        Assert.Contains(expected, answer.Text);
    }

    [Fact]
    public async Task UnknownOption_IsAUsageErrorNamingIt()
    {
        var answer = await Command("route", ("name", "StarExpress"), ("colour", "red"));

        Assert.True(answer.IsError);
        Assert.Contains("'colour'", answer.Text);
    }

    [Fact]
    public async Task MissingRequiredOption_IsAUsageError()
    {
        var answer = await Command("citypairs");

        Assert.True(answer.IsError);
        Assert.Contains("'city'", answer.Text);
    }

    [Fact]
    public async Task WrongOptionType_IsAUsageError()
    {
        var answer = await Command("trade", ("year", "last year"));

        Assert.True(answer.IsError);
        Assert.Contains("integer", answer.Text);
    }

    [Fact]
    public async Task UnknownCommand_IsAUsageError()
    {
        var answer = await Command("teleport");

        Assert.True(answer.IsError);
        Assert.Contains("help", answer.Text);
    }

    [Theory]
    [InlineData("kb list")]
    [InlineData("kb add citypair city_a:Kunming city_b:Hanoi status:\"sister city\" admin_note:true")]
    [InlineData("kb remove id:starexpress-route")]
    public async Task AdminCommand_FromAMember_IsRefusedPrivately(string text)
    {
        var answer = await Text(text);

        Assert.Equal("admin-only", answer.Intent.Name);
        Assert.True(answer.Private);
        Assert.False(answer.Answered);
    }

    [Theory]
    [InlineData("route", "name", "star", "StarExpress")]
    [InlineData("citypairs", "city", "chi", "Chiang Mai")]
    [InlineData("investors", "country", "thai", "Thailand")]
    public void Complete_ReturnsMatchingKnownNames(string command, string option, string partial, string expected)
    {
        var values = TestBot.Shared.Complete(command, option, partial);

        Assert.Contains(expected, values);
        Assert.InRange(values.Count, 1, 25);
    }

    [Fact]
    public void Complete_NeverReturnsMoreThan25() =>
        Assert.InRange(TestBot.Shared.Complete("kb edit", "id", "").Count, 1, 25);

    public static TheoryData<string> BadInputs() => new()
    {
        new string('x', 100 * 1024),
        "When was the \u0001StarExpress\u0007 launched?",
        "StarExpress \uD800 stops",
        "🚄🚄 starexpress 🚄",
        "מתי הושק הסטארקספרס?",
        "\u202Eselur ti\u202C",
        "\0\0\0",
        "'; DROP TABLE facts; --",
        "{\"$where\": \"1==1\"}",
    };

    [Theory]
    [MemberData(nameof(BadInputs))]
    public async Task BadInput_GetsAnAnswerOrDecline_NeverAnException(string text)
    {
        var answer = await Text(text);

        Assert.NotNull(answer.Text);
        Assert.NotEqual("error", answer.Intent.Name);
        Assert.NotEmpty(answer.Text);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    [InlineData("\t\n")]
    public async Task EmptyText_AsksForHelp(string text)
    {
        // What an adapter passes for a bare @mention: the router, not each adapter, decides it means help.
        var answer = await Text(text);

        Assert.Equal(Intent.Help, answer.Intent);
        Assert.False(answer.IsError);
        Assert.NotEmpty(answer.Commands);
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task EmptyAskOption_IsAUsageError(string question)
    {
        var answer = await Command("ask", ("question", question));

        Assert.True(answer.IsError);
        Assert.Equal(ErrorKind.Usage, answer.Failure);
    }

    [Fact]
    public async Task HugeQuestion_SaysItIsTooLong()
    {
        var answer = await Text("What is the StarExpress? " + new string('a', 5000));

        Assert.True(answer.IsError);
        Assert.Contains("at most", answer.Text);
    }
}
