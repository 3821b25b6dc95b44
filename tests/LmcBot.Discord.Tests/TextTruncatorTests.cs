using LmcBot.Discord.Rendering;

namespace LmcBot.Discord.Tests;

public sealed class TextTruncatorTests
{
    [Fact]
    public void Truncate_TextAtLimit_Unchanged()
    {
        var text = new string('a', 100);
        Assert.Same(text, TextTruncator.Truncate(text, 100));
    }

    [Fact]
    public void Truncate_OverLimit_CutsAtWordWithEllipsis()
    {
        var result = TextTruncator.Truncate("the quick brown fox jumps over the lazy dog", 20);

        Assert.Equal("the quick brown fox…", result);
        Assert.True(result.Length <= 20);
    }

    [Fact]
    public void Truncate_OneLongWord_CutsMidWord()
    {
        var result = TextTruncator.Truncate(new string('x', 50), 10);
        Assert.Equal(new string('x', 9) + "…", result);
    }

    [Fact]
    public void Truncate_CutWouldSplitSurrogatePair_KeepsPairWhole()
    {
        var text = new string('a', 8) + "😀😀😀";
        var result = TextTruncator.Truncate(text, 10);

        Assert.True(result.Length <= 10);
        Assert.False(char.IsHighSurrogate(result[^2]));
    }

    [Fact]
    public void Truncate_SurroundingWhitespace_IsTrimmedBeforeCounting()
    {
        Assert.Equal("abc", TextTruncator.Truncate("   abc   ", 3));
    }
}
