using LmcBot.Teams.Rendering;

namespace LmcBot.Teams.Tests.Rendering;

public sealed class CardTextTests
{
    [Theory]
    [InlineData("one line", "one line")]
    [InlineData("first\nsecond", "first\n\nsecond")]
    [InlineData("Stops:\n- Kunming\n- Vientiane\nEnd", "Stops:\n\n- Kunming\n- Vientiane\n\nEnd")]
    [InlineData("1. one\n2. two", "1. one\n2. two")]
    [InlineData("a\r\nb", "a\n\nb")]
    public void ToCardMarkdown_LineBreaks_BecomeParagraphsExceptInLists(string text, string expected) =>
        Assert.Equal(expected, CardText.ToCardMarkdown(text));
}
