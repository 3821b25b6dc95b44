
namespace LmcBot.Core.Tests.Answering.Stages;

public sealed class ScoringStageTests
{
    private static readonly LmcBot.Core.Answering.KnowledgeIndex Index = TinyIndex.Build();

    private static List<Candidate> Features(string question)
    {
        var q = QuestionAnalysis.Analyze(question, Index);
        var candidates = CandidateRetriever.Lexical(q, Index);
        new FeatureExtractor(q, Index).Extract(candidates);
        return candidates;
    }

    private static float Feature(Candidate c, string name) => c.Features[FeatureSet.IndexOf(name)];

    [Fact]
    public void Extract_YearInTheQuestion_MatchesOnePointAndConflictsWithTheOther()
    {
        var candidates = Features("trade between alpha and beta in 2021");

        var match = candidates.Single(c => c.Fact?.Fact.Id == "trade-2021");
        var other = candidates.Single(c => c.Fact?.Fact.Id == "trade-2023");
        Assert.Equal(1, Feature(match, "year-match"));
        Assert.Equal(0, Feature(match, "year-conflict"));
        Assert.Equal(1, Feature(other, "year-conflict"));
    }

    [Fact]
    public void Extract_WhenQuestion_AgreesWithADatedFactOnly()
    {
        var candidates = Features("when did the mekong express open");

        var route = candidates.Single(c => c.Fact?.Fact.Id == "express-opened");
        Assert.Equal(1, Feature(route, "type-match"));
        Assert.Equal(1, Feature(route, "entities-matched"));
        Assert.Equal(1, Feature(route, "coverage"));
    }

    [Fact]
    public void Extract_EveryValue_LiesInZeroToOne()
    {
        foreach (var question in new[] { "trade alpha 2023", "mekong express", "what is the gdp of alpha", "湄公快车什么时候开通", "xyzzy plugh" })
            foreach (var candidate in Features(question))
                Assert.All(candidate.Features, v => Assert.InRange(v, 0f, 1f));
    }

    [Fact]
    public void UpperBound_IsAtLeastEveryCandidatesLogOdds()
    {
        var model = ScorerSettings.Default.HybridModel;
        var random = new Random(7);
        for (var i = 0; i < 2000; i++)
        {
            var x = Enumerable.Range(0, FeatureSet.Count).Select(_ => random.Next(3) == 0 ? 0f : (float)random.NextDouble()).ToArray();
            Assert.True(model.LogOdds(x) <= model.UpperBound() + 1e-9);
        }
        foreach (var candidate in Features("trade between alpha and beta in 2021"))
            Assert.True(model.LogOdds(candidate.Features) <= model.UpperBound() + 1e-9);
    }

    [Fact]
    public void Scorer_EveryWeightedFeature_IsOneTheExtractorComputes()
    {
        var settings = ScorerSettings.Default;
        foreach (var name in settings.Lexical.Weights.Keys.Concat(settings.Hybrid.Weights.Keys))
            Assert.Contains(name, FeatureSet.Names);
        Assert.All(FeatureSet.DenseNames, n => Assert.False(settings.Lexical.Weights.ContainsKey(n), $"the lexical model must not weigh {n}"));
    }
}
