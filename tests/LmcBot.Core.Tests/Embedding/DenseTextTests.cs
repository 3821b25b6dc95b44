using LmcBot.Core.Embedding;

namespace LmcBot.Core.Tests.Embedding;

public sealed class DenseTextTests
{
    [Fact]
    public void ForSentence_IsTrimmedAndCut()
    {
        Assert.Equal("A sentence.", DenseText.ForSentence("  A sentence. "));
        Assert.Equal(DenseText.MaxCharacters, DenseText.ForSentence(new string('x', 5000)).Length);
    }

    [Fact]
    public void Hash_IsSha256HexOfModelNewlineText_AndDependsOnTheModel()
    {
        // sha256("m\nabc"), computed independently.
        Assert.Equal(ExpectedHash, DenseText.Hash("m", "abc"));
        Assert.NotEqual(DenseText.Hash("m", "abc"), DenseText.Hash("n", "abc"));
    }

    private const string ExpectedHash = "272d2815d577097ea7c5d53938dcfe0dfb87ba41c9b8e899f99addaa68890cc4";
}
