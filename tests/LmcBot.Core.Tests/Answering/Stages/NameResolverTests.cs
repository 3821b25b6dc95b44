
namespace LmcBot.Core.Tests.Answering.Stages;

public sealed class NameResolverTests
{
    private static readonly LmcBot.Core.Answering.KnowledgeIndex Index = TinyIndex.Build();

    private static ResolvedNames Resolve(string question) => NameResolver.Resolve(QuestionNormalizer.Normalise(question), Index);

    [Fact]
    public void Resolve_NativeScriptNameAndQuestionWords_BecomeCanonicalEnglish()
    {
        var names = Resolve("湄公快车什么时候开通");

        Assert.True(names.Translated);
        Assert.Contains(names.Mentions, m => Index.Entities[m.EntityId].Name == "Mekong Express");
        Assert.Equal(["mekong", "express", "when", "opened"], names.Tokens);
        Assert.Equal("Mekong Express when opened", names.CanonicalText);
    }

    [Fact]
    public void Resolve_GrammarLeftOverAfterTranslation_IsDropped()
    {
        var names = Resolve("湄公快车是做的");

        Assert.Equal(["mekong", "express"], names.Tokens);
    }

    [Fact]
    public void Resolve_VietnamesePhrase_IsTranslatedAsWholeWords()
    {
        var names = Resolve("Alpha thuong mai bao nhieu");

        Assert.Equal("Alpha trade how much", names.CanonicalText);
    }

    [Fact]
    public void Resolve_TypoInName_StillFindsTheEntity()
    {
        var names = Resolve("when did the mekong expres open");

        Assert.Contains(names.Mentions, m => Index.Entities[m.EntityId].Name == "Mekong Express");
        Assert.Contains("Mekong Express", names.CanonicalText);
    }

    [Fact]
    public void Resolve_CapitalisedUnknownWord_IsAnUnknownName_ButShoutingIsNot()
    {
        Assert.Equal(["Tesla"], Resolve("how much did Tesla invest in Alpha").UnknownNames);
        Assert.Empty(Resolve("WHEN DID THE MEKONG EXPRESS OPEN").UnknownNames);
    }
}
