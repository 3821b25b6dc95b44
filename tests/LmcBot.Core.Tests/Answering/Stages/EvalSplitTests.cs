using LmcBot.Fit.Evaluation;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Answering.Stages;

public sealed class EvalSplitTests
{
    [Fact]
    public void IsValidation_IsFnv1aOfTheIdModuloTen_BelowThree()
    {
        // FNV-1a 32 of "a" is 0xE40C292C = 3826002220, which is 0 modulo 10: validation.
        Assert.Equal(3826002220u, EvalSplit.Fnv1a("a"u8));
        Assert.True(EvalSplit.IsValidation("a"));
    }

    [Fact]
    public void Load_TheRepositorysQuestions_AreWellFormedAndSplitAboutThirty()
    {
        var rows = EvalSet.Load(RepoPaths.Root);

        Assert.True(rows.Count >= 800, $"{rows.Count} labelled questions");
        Assert.True(rows.Count(r => !r.Answerable) >= 250, $"{rows.Count(r => !r.Answerable)} declines");
        var share = (double)rows.Count(r => r.IsValidation) / rows.Count;
        Assert.InRange(share, 0.25, 0.35);
        foreach (var row in rows.Where(r => r.Answerable))
        {
            Assert.True(row.ExpectAll.Count > 0, $"{row.Id} has no expected pattern");
            Assert.True(row.Facts.Count > 0 || row.Sentence is not null, $"{row.Id} names no fact or sentence");
        }
    }
}
