using LmcBot.Core.Answering;
using LmcBot.Core.Chat;
using LmcBot.Core.Conversations;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Time.Testing;

namespace LmcBot.Core.Tests.Conversations;

/// <summary>The "did you mean" on a hand-built index: when it asks, what each choice stands for, and when it must not ask.</summary>
public sealed class DisambiguatorTests
{
    private static readonly KnowledgeIndex Index = TwoStationsIndex.Build();
    private static readonly AnswerEngine Engine = new();
    private readonly FakeTimeProvider _time = new(new DateTimeOffset(2026, 3, 2, 9, 0, 0, TimeSpan.Zero));

    private (Disambiguator Disambiguator, ActionTokens Tokens) Create(double? margin = null)
    {
        var options = Options.Create(new ConversationOptions { ChoiceMargin = margin ?? new ConversationOptions().ChoiceMargin });
        var tokens = new ActionTokens(options, _time);
        return (new Disambiguator(options, tokens), tokens);
    }

    private Answer? Offer(string question, double? margin = null) => Create(margin).Disambiguator.Offer(question, Engine.Answer(question, Index), Engine, Index);

    [Theory]
    [InlineData("gamma station")]
    [InlineData("where is the station in gamma?")]
    public void Offer_QuestionEitherStationAnswers_OffersBothStationsWithTokens(string question)
    {
        var (disambiguator, tokens) = Create();

        var offer = disambiguator.Offer(question, Engine.Answer(question, Index), Engine, Index);

        Assert.NotNull(offer);
        Assert.Equal(Intent.Choice, offer.Intent);
        Assert.False(offer.Answered);
        Assert.Equal([TwoStationsIndex.East, TwoStationsIndex.North], offer.Choices.Select(c => c.Label).Order());
        Assert.Contains(TwoStationsIndex.East, offer.Text);
        Assert.Contains(TwoStationsIndex.North, offer.Text);
        foreach (var choice in offer.Choices)
        {
            Assert.StartsWith("choose token:", choice.Input);
            Assert.Equal(TokenCheck.Valid, tokens.Check(choice.Input["choose token:".Length..], out var action));
            var pending = Assert.IsType<PendingChoice>(action);
            Assert.Equal(choice.Label, pending.Label);
        }
    }

    [Fact]
    public void Offer_EachChoice_IsAQuestionTheEngineAnswersAboutThatStation()
    {
        var (disambiguator, tokens) = Create();
        var offer = disambiguator.Offer("gamma station", Engine.Answer("gamma station", Index), Engine, Index)!;

        var answered = offer.Choices.ToDictionary(c => c.Label, c =>
        {
            tokens.Check(c.Input["choose token:".Length..], out var action);
            return Engine.Answer(((PendingChoice)action!).Question, Index);
        });

        Assert.Equal("east-station", answered[TwoStationsIndex.East].FactIds[0]);
        Assert.Equal("north-station", answered[TwoStationsIndex.North].FactIds[0]);
        Assert.All(answered.Values, a => Assert.NotEmpty(a.Citations));
    }

    [Theory]
    [InlineData("gamma east station")] // names its subject
    [InlineData("where do freight trains start in gamma north")] // names the other
    [InlineData("when did the delta railway open")] // one subject
    [InlineData("list the stations in gamma")] // asks for all of them
    [InlineData("tell me about gamma")] // an overview of what it names
    [InlineData("Where is the Omega station?")] // an unknown name: declined, never offered choices
    public void Offer_QuestionThatSaysWhatItMeansOrIsDeclined_GivesTheAnswer(string question) =>
        Assert.Null(Offer(question));

    [Fact]
    public void Offer_MarginZero_NeverAsks() => Assert.Null(Offer("gamma station", margin: 0));

    [Fact]
    public void Offer_ChoicesExpireAfterChoiceMinutes()
    {
        var (disambiguator, tokens) = Create();
        var offer = disambiguator.Offer("gamma station", Engine.Answer("gamma station", Index), Engine, Index)!;
        var token = offer.Choices[0].Input["choose token:".Length..];

        _time.Advance(TimeSpan.FromMinutes(new ConversationOptions().ChoiceMinutes) + TimeSpan.FromSeconds(1));

        Assert.Equal(TokenCheck.Expired, tokens.Check(token, out _));
    }
}
