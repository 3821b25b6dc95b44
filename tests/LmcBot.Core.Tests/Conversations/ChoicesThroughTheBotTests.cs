using LmcBot.Core.Chat;
using LmcBot.Core.Conversations;
using LmcBot.Testing;
using Microsoft.Extensions.Time.Testing;

namespace LmcBot.Core.Tests.Conversations;

/// <summary>
/// "Did you mean" through <c>ChatBot.HandleAsync</c> over the shipped knowledge, composed as the host
/// composes it: an ambiguous question offers choices with tokens, a choice sent back answers about that subject, and a
/// forged or expired token is refused politely.
/// </summary>
public sealed class ChoicesThroughTheBotTests : IDisposable
{
    private const string KunmingSouth = "Kunming South Railway Station", Wangjiaying = "Wangjiaying West Railway Station";

    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));
    private readonly ConversingBot _bot;

    public ChoicesThroughTheBotTests() => _bot = new ConversingBot(time: _time);

    public void Dispose() => _bot.Dispose();

    [Fact]
    public async Task AmbiguousQuestion_OffersEachStationAsAChoiceWithAToken()
    {
        var offer = await _bot.SendAsync("Kunming station");

        Assert.Equal(Intent.Choice, offer.Intent);
        Assert.False(offer.Answered);
        Assert.Equal([KunmingSouth, Wangjiaying], offer.Choices.Select(c => c.Label).Order(StringComparer.Ordinal));
        Assert.All(offer.Choices, c => Assert.Matches(@"^choose token:[A-Za-z0-9_-]{12}\.[A-Za-z0-9_-]{12}$", c.Input));
        Assert.StartsWith("Did you mean", offer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(KunmingSouth, "kunming-south-station")]
    [InlineData(Wangjiaying, "wangjiaying-west-")]
    public async Task Choice_SentBack_AnswersAboutThatStation(string label, string factPrefix)
    {
        var offer = await _bot.SendAsync("Kunming station");

        var answer = await _bot.SendAsync(offer.Choices.Single(c => c.Label == label).Input);

        Assert.True(answer.Answered, answer.Text);
        Assert.NotEqual(Intent.Choice, answer.Intent);
        Assert.StartsWith(factPrefix, answer.FactIds[0], StringComparison.Ordinal);
        Assert.Contains(label.Replace(" Railway Station", "", StringComparison.Ordinal), answer.Text, StringComparison.Ordinal);
        Assert.NotEmpty(answer.Citations);
    }

    [Fact]
    public async Task Choice_ClickedByAnotherUserElsewhere_StillAnswers()
    {
        var offer = await _bot.SendAsync("Kunming station", user: "u1", place: "c1");

        var answer = await _bot.SendAsync(offer.Choices[0].Input, user: "u2", place: "c2");

        Assert.True(answer.Answered, answer.Text);
    }

    [Fact]
    public async Task UnambiguousQuestion_IsAnsweredWithoutChoices()
    {
        var answer = await _bot.SendAsync("Where do cross-border passenger trains leave from in Kunming?");

        Assert.True(answer.Answered, answer.Text);
        Assert.Empty(answer.Choices);
        Assert.Contains("Kunming South", answer.Text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("choose token:AAAAAAAAAAAA.AAAAAAAAAAAA")] // well formed, never issued
    [InlineData("choose token:not-a-token")]
    public async Task ForgedToken_IsRefusedPolitely(string input)
    {
        var answer = await _bot.SendAsync(input);

        AssertRefused(answer);
    }

    [Fact]
    public async Task AlteredToken_IsRefusedPolitely()
    {
        var offer = await _bot.SendAsync("Kunming station");
        var input = offer.Choices[0].Input;
        var altered = input[..^1] + (input[^1] == 'A' ? 'B' : 'A');

        AssertRefused(await _bot.SendAsync(altered));
    }

    [Fact]
    public async Task ExpiredToken_IsRefusedPolitely_AndAFreshQuestionStillAsks()
    {
        var offer = await _bot.SendAsync("Kunming station");

        _time.Advance(TimeSpan.FromMinutes(new ConversationOptions().ChoiceMinutes + 1));

        AssertRefused(await _bot.SendAsync(offer.Choices[0].Input));
        Assert.Equal(Intent.Choice, (await _bot.SendAsync("Kunming station")).Intent);
    }

    private static void AssertRefused(Answer answer)
    {
        Assert.False(answer.Answered);
        Assert.Equal(Intent.Choice, answer.Intent);
        Assert.True(answer.Private);
        Assert.Empty(answer.Choices);
        Assert.Contains("expired", answer.Text, StringComparison.Ordinal);
    }
}
