using LmcBot.Core.Knowledge;
using LmcBot.Core.Text;

namespace LmcBot.Core.Tests.Text;

public sealed class TextFoldingTests
{
    [Theory]
    [InlineData("StarExpress", "starexpress")]
    [InlineData("Star-Express", "star express")]
    [InlineData("China’s vision", "china vision")]
    [InlineData("Việt Nam", "viet nam")]
    [InlineData("Đà Nẵng", "da nang")]
    [InlineData("3,000 product categories", "3000 product categories")]
    [InlineData("USD 416.7 billion", "usd 416.7 billion")]
    [InlineData("ＬＭＣ", "lmc")]
    [InlineData("  What   is\tLMC?? ", "what is lmc")]
    public void Fold_NormalisesCaseWidthDiacriticsAndPunctuation(string input, string expected) =>
        Assert.Equal(expected, TextFolding.Fold(input));

    [Fact]
    public void Fold_KeepsThaiMarks() => Assert.Equal("เชียงใหม่", TextFolding.Fold("เชียงใหม่"));

    [Fact]
    public void Compact_MakesSpacingVariantsEqual() =>
        Assert.Equal(TextFolding.Compact("Star Express"), TextFolding.Compact("star-express"));

    [Fact]
    public void Sanitize_ReplacesControlCharactersAndLoneSurrogates()
    {
        var text = "a\u0001b\uD800c\uDC00d😀";

        var clean = TextFolding.Sanitize(text);

        Assert.Equal("a b c d😀", clean);
    }

    [Theory]
    [InlineData("investing", "investor", true)]
    [InlineData("investments", "invest", true)]
    [InlineData("cities", "city", true)]
    [InlineData("stations", "station", true)]
    [InlineData("trains", "train", true)]
    [InlineData("sister", "city", false)]
    public void Stem_BringsWordFormsTogether(string a, string b, bool same) =>
        Assert.Equal(same, Stemmer.Stem(a) == Stemmer.Stem(b));

    [Theory]
    [InlineData("thailand", "thailnd", 1)]
    [InlineData("chiang", "chaing", 1)]
    [InlineData("starexpress", "starexpres", 1)]
    [InlineData("kunming", "vientiane", 3)]
    public void Distance_IsBoundedDamerau(string a, string b, int expected) =>
        Assert.Equal(expected, Math.Min(3, Levenshtein.Distance(a, b, 2)));

    [Fact]
    public void Split_DoesNotBreakOnAbbreviationsOrDecimals()
    {
        var sentences = SentenceSplitter.Split("Exports reached 146 million yuan (approx. THB 680 million). Trade was USD 416.7 billion. It grew 5%.");

        Assert.Equal(3, sentences.Count);
        Assert.StartsWith("Exports reached", sentences[0]);
        Assert.Equal("Trade was USD 416.7 billion.", sentences[1]);
    }

    [Theory]
    [InlineData("Chinese EV companies, including BYD and GAC, are investing in Thailand's electric vehicle industry.")]
    [InlineData("Chinese  EV companies, including BYD and GAC,\n are investing in Thailand’s electric vehicle industry.")]
    public void FindQuote_FoldsWhitespaceAndTypographicQuotesOnly(string quote)
    {
        var document = new KnowledgeDocument { Id = "d", Body = "Chinese EV companies, including BYD and GAC, are investing in Thailand’s electric vehicle industry. Also more." };

        Assert.NotNull(FactValidator.FindQuote(document, quote));
        Assert.Null(FactValidator.FindQuote(document, quote.Replace("BYD", "Tesla")));
    }
}
