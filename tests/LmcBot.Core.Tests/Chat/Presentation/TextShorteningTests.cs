using LmcBot.Core.Chat.Presentation;

namespace LmcBot.Core.Tests.Chat.Presentation;

public sealed class TextShorteningTests
{
    [Fact]
    public void Shorten_TextWithinLimit_IsReturnedAsItIs()
    {
        var text = new string('a', 100);
        Assert.Same(text, TextShortening.Shorten(text, 100));
        Assert.Equal("  padded  ", TextShortening.Shorten("  padded  ", 20));
        Assert.Equal("", TextShortening.Shorten(null, 5));
    }

    [Theory]
    [InlineData("the quick brown fox jumps over the lazy dog", 20, "the quick brown fox…")]
    [InlineData("The StarExpress links Kunming and Vientiane", 20, "The StarExpress…")]
    [InlineData("abcdefghij", 5, "abcd…")]
    [InlineData("abc😀def", 5, "abc…")]
    [InlineData("line one\nline two", 12, "line one…")]
    public void Shorten_LongText_EndsWithEllipsisAtWordBreakWithoutSplittingCharacters(string text, int max, string expected)
    {
        var cut = TextShortening.Shorten(text, max);

        Assert.Equal(expected, cut);
        Assert.True(cut.Length <= max);
    }

    [Fact]
    public void Shorten_WordBreakBeforeHalfTheAllowance_CutsMidWordInstead()
    {
        // The only space is at 2 of 19 kept characters: taking it would drop most of the allowance.
        var text = "to " + new string('x', 40);

        var cut = TextShortening.Shorten(text, 20);

        Assert.Equal("to " + new string('x', 16) + "…", cut);
    }

    [Fact]
    public void Shorten_WordBreakAtHalfTheAllowance_IsTaken()
    {
        // 19 characters are kept before the ellipsis; a break at 9 keeps (19 * 0.5, rounded down) of them.
        var text = new string('a', 9) + " " + new string('b', 30);

        Assert.Equal(new string('a', 9) + "…", TextShortening.Shorten(text, 20));
        Assert.Equal(0.5, TextShortening.MinShareKeptAtWordBreak);
    }

    [Fact]
    public void Shorten_OneLongWord_CutsMidWord()
    {
        Assert.Equal(new string('x', 9) + "…", TextShortening.Shorten(new string('x', 50), 10));
    }

    [Fact]
    public void Shorten_CutWouldSplitSurrogatePair_KeepsThePairWhole()
    {
        var result = TextShortening.Shorten(new string('a', 8) + "😀😀😀", 10);

        Assert.True(result.Length <= 10);
        Assert.False(char.IsHighSurrogate(result[^2]));
    }

    [Fact]
    public void Shorten_TinyLimits_StayWithinThem()
    {
        Assert.Equal("", TextShortening.Shorten("abc", 0));
        Assert.Equal("…", TextShortening.Shorten("abc", 1));
        Assert.Equal("a…", TextShortening.Shorten("abc", 2));
        Assert.Throws<ArgumentOutOfRangeException>(() => TextShortening.Shorten("abc", -1));
    }

    [Theory]
    [InlineData(1)]
    [InlineData(7)]
    [InlineData(80)]
    [InlineData(333)]
    public void Shorten_AnyLimit_IsAPrefixWithinTheLimit(int max)
    {
        var text = string.Join(' ', Enumerable.Range(0, 200).Select(i => new string((char)('a' + i % 26), 1 + i % 9))) + " 😀 ไทย";

        var cut = TextShortening.Shorten(text, max);

        Assert.True(cut.Length <= max);
        Assert.EndsWith("…", cut);
        Assert.StartsWith(cut[..^1], text, StringComparison.Ordinal);
    }
}
