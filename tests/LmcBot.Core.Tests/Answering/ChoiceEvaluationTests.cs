using LmcBot.Core.Answering;
using LmcBot.Core.Conversations;
using LmcBot.Core.Embedding;
using LmcBot.Fit.Evaluation;
using LmcBot.Testing;
using Xunit.Abstractions;

namespace LmcBot.Core.Tests.Answering;

/// <summary>
/// "Did you mean" on the validation part of tests/eval/choices (the margin is chosen on the training part, never here),
/// through a real database with the evaluation documents imported, at the shipped <see cref="ConversationOptions.ChoiceMargin"/>:
/// ambiguous questions ask with choices that answer their meanings, unambiguous ones do not ask.
/// </summary>
public sealed class ChoiceEvaluationTests(EvaluationTests.Bot fixture, ITestOutputHelper output) : IClassFixture<EvaluationTests.Bot>
{
    /// <summary>Measured at the shipped margin (docs/ANSWERING.md, "Did you mean"): 8 of 14 (57.1 %) and 26 of 27 (96.3 %), less a little.</summary>
    private const double AskedRightFloor = 0.50, NotAskedFloor = 0.92;

    [Fact]
    public void Validation_AmbiguousAskWithTheirMeanings_UnambiguousDoNotAsk()
    {
        var engine = new AnswerEngine(MiniLmSentenceEmbedder.Shared);
        var index = fixture.Eval.KnowledgeBase.Current;
        var margin = new ConversationOptions().ChoiceMargin;
        var rows = ChoiceRow.Load(RepoPaths.Root).Where(r => r.IsValidation).ToList();

        var figures = ChoiceFigures.Of(rows.Select(r => (r, ChoiceRead.Of(r.Question, engine, index))), margin);

        output.WriteLine($"validation at margin {margin}: {figures}");
        Assert.InRange(figures.Ambiguous, 10, int.MaxValue);
        Assert.InRange(figures.Unambiguous, 20, int.MaxValue);
        Assert.True(figures.AskedRightRate >= AskedRightFloor, $"ambiguous questions asked with right choices fell to {figures.AskedRightRate:P1}");
        Assert.True(figures.NotAskedRate >= NotAskedFloor, $"unambiguous questions not asked fell to {figures.NotAskedRate:P1}");
    }

    [Fact]
    public void Rows_AreWellFormed_AndNameFactsOfTheShippedKnowledge()
    {
        var index = fixture.Eval.KnowledgeBase.Current;
        var rows = ChoiceRow.Load(RepoPaths.Root);
        var answering = EvalSet.Load(RepoPaths.Root).ToDictionary(r => r.Id);

        Assert.InRange(rows.Count(r => r.Ambiguous), 40, int.MaxValue);
        Assert.InRange(rows.Count(r => !r.Ambiguous), 60, int.MaxValue);
        foreach (var row in rows.Where(r => r.Ambiguous))
            Assert.All(row.Choices.SelectMany(c => c), id => Assert.True(index.FactNamed(id) is not null, $"{row.Id}: no fact {id}"));
        foreach (var row in rows.Where(r => !r.Ambiguous))
            Assert.True(row.From is { } from && answering.TryGetValue(from, out var source) && source.Question == row.Question, $"{row.Id}: not a copy of its row");
    }
}
