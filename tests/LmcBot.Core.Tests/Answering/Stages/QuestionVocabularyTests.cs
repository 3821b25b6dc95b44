using LmcBot.Core.Answering;

namespace LmcBot.Core.Tests.Answering.Stages;

public sealed class QuestionVocabularyTests
{
    [Fact]
    public void Default_LoadsTheEmbeddedFile_WithEveryScript()
    {
        var vocabulary = QuestionVocabulary.Default;

        Assert.Contains(vocabulary.ScriptWords, w => w.Key == "什么时候" && w.English == "when");
        Assert.Contains(vocabulary.ScriptWords, w => w.Key == "เมื่อไหร่");
        Assert.Contains(vocabulary.LatinPhrases, p => string.Join(' ', p.Key) == "bao nhieu");
        // Longest first, so a longer key is replaced before a key it contains.
        var keys = vocabulary.ScriptWords.Select(w => w.Key.Length).ToList();
        Assert.Equal(keys.OrderByDescending(k => k), keys);
    }

    [Fact]
    public void Parse_KeyGivenTwice_IsAnErrorNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => QuestionVocabulary.Parse("translations:\n  bao nhieu: how much\n  Bao Nhiêu: how many\n"));

        Assert.Contains("'bao nhieu' is given twice", error.Message);
    }

    [Fact]
    public void Parse_ValueThatIsNotPlainEnglish_IsAnError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => QuestionVocabulary.Parse("translations:\n  多少: 'How Much?'\n"));

        Assert.Contains("not plain lower-case English words", error.Message);
    }
}
