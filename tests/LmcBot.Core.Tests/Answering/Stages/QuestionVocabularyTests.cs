using LmcBot.Core.Knowledge;

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
    public void Lexicon_ReadsEveryGroupOfTheEmbeddedFiles()
    {
        Assert.Contains("the", Lexicon.StopWords);
        Assert.Contains("invest", Lexicon.InvestmentCues); // "investing" written, its stem added at load
        Assert.Contains("USD", Lexicon.CurrencyUnits);
        Assert.Equal(3, Lexicon.Ordinals["3rd"]);
        Assert.Equal("third", Lexicon.OrdinalWords[3]);
        Assert.Equal("", Lexicon.OrdinalWords[0]);
        Assert.Equal("agent", Lexicon.AnswerTypes["who"]);
        // Every kind of fact has its cues, even one the file does not list (a note has none).
        Assert.Equal(FactKind.All.Select(k => k.Name), Lexicon.KindCues.Keys);
        Assert.Empty(Lexicon.KindCues[FactKind.Note]);
        Assert.Equal("", Lexicon.KindVocabulary[FactKind.Note]);
        // A general synonym from the vocabulary and an LMC one from knowledge/synonyms.yaml.
        Assert.Equal("organis", Lexicon.Synonyms["organiz"]);
        Assert.Equal("leader", Lexicon.Term("summits"));
        Assert.Equal("water", Lexicon.Term("river"));
        // An abbreviation of knowledge/synonyms.yaml is replaced like a Latin-script translation.
        Assert.Contains(QuestionVocabulary.Default.LatinPhrases, p => p.Key is ["fmm"] && p.English == "foreign ministers meeting");
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

    [Fact]
    public void Parse_UnknownGroup_IsAnErrorNamingIt()
    {
        var error = Assert.Throws<InvalidOperationException>(() => QuestionVocabulary.Parse("stop_words: the a\nstopwords: an\n"));

        Assert.Contains("unknown group 'stopwords'", error.Message);
    }

    [Theory]
    [InlineData("when_cues: ''\n", "group 'when_cues' is empty")]
    [InlineData("answer_types: {}\n", "group 'answer_types' is empty")]
    [InlineData("kind_cues:\n  route: ''\n", "kind 'route' in group 'kind_cues' has no words")]
    public void Parse_EmptyGroup_IsAnErrorNamingIt(string yaml, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => QuestionVocabulary.Parse(yaml));

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("stop_words: the a of the\n", "'the' is written twice in group 'stop_words'")]
    [InlineData("kind_cues:\n  route: train rail train\n", "'train' is written twice for kind 'route' in group 'kind_cues'")]
    public void Parse_WordWrittenTwiceInAGroup_IsAnErrorNamingWordAndGroup(string yaml, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => QuestionVocabulary.Parse(yaml));

        Assert.Contains(message, error.Message);
    }

    [Theory]
    [InlineData("latest_cues: latest next\nfuture_cues: next upcoming\n", "'next' is in both 'latest_cues' and 'future_cues'")]
    // Stems are compared: "causes" asks for a cause, so it cannot also ask for a figure.
    [InlineData("reason_cues: why causes\nquantity_cues: many cause\n", "'causes' in 'reason_cues' and 'cause' in 'quantity_cues' are one word ('caus')")]
    [InlineData("help_cues: help\nkind_cues:\n  fund: fund help\n", "'help' is in both 'help_cues' and 'kind_cues'")]
    [InlineData("stop_words: the about\nsynonyms:\n  regarding: about\n", "'about' is in both 'stop_words' and 'synonyms'")]
    public void Parse_WordInTwoContradictoryGroups_IsAnErrorNamingWordAndGroups(string yaml, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => QuestionVocabulary.Parse(yaml));

        Assert.Contains(message, error.Message);
        Assert.Contains("contradict", error.Message);
    }

    [Fact]
    public void Parse_OverlapOfGroupsThatDoNotContradict_IsAllowed()
    {
        // "how much" names no subject yet asks for a quantity: a stop word may be a cue.
        var vocabulary = QuestionVocabulary.Parse("stop_words: how much\nquantity_cues: much many\n");

        Assert.Equal(["how", "much"], vocabulary.Words("stop_words"));
    }

    [Theory]
    [InlineData("synonyms:\n  nation: country\n  nations: state\n", "'nations' is folded onto both 'country' and 'state'")]
    [InlineData("synonyms:\n  nation: country\n  country: land\n", "'nation' is folded onto 'country', which is itself folded onto 'land'")]
    [InlineData("ordinals:\n  first: 1\n  third: 3\n", "no ordinal in letters for 2")]
    [InlineData("kind_vocabulary:\n  railway: train\n", "'railway' in group 'kind_vocabulary' is not a kind of fact")]
    [InlineData("stop_words:\n  - the\n", "group 'stop_words' must be words separated by spaces")]
    public void Parse_MalformedGroup_IsAnErrorNamingTheWord(string yaml, string message)
    {
        var error = Assert.Throws<InvalidOperationException>(() => QuestionVocabulary.Parse(yaml));

        Assert.Contains(message, error.Message);
    }

    [Fact]
    public void Parse_DomainPhraseThatIsAlsoATranslation_IsAnError()
    {
        var error = Assert.Throws<InvalidOperationException>(() => QuestionVocabulary.Parse("translations:\n  o dau: where\n", "phrases:\n  o dau: over there\n"));

        Assert.Contains("phrase 'o dau' is also a translation", error.Message);
    }

    [Fact]
    public void Parse_DomainSynonyms_AreFoldedAfterTheGeneralOnes_AndChecked()
    {
        const string vocabulary = "stop_words: the\nsynonyms:\n  nation: country\n";

        var parsed = QuestionVocabulary.Parse(vocabulary, "synonyms:\n  summit: leader\n");
        Assert.Equal([("nation", "country"), ("summit", "leader")], parsed.Synonyms);

        var error = Assert.Throws<InvalidOperationException>(() => QuestionVocabulary.Parse(vocabulary, "synonyms:\n  summit: the\n"));
        Assert.Contains("knowledge/synonyms.yaml:2 (summit): 'summit' is folded onto 'the', which is a stop word", error.Message);
    }
}
