
namespace LmcBot.Core.Tests.Answering.Stages;

public sealed class EntityRecognizerTests
{
    private static List<EntityMention> Recognize(EntityRecognizer recognizer, string text) =>
        recognizer.Recognize(text.Split(' '), word => word is "who" or "built" or "the" or "when" or "did" or "open");

    private static EntityRecognizer With(params string[] names)
    {
        var recognizer = new EntityRecognizer();
        for (var i = 0; i < names.Length; i++) recognizer.Add(names[i], i);
        recognizer.Seal();
        return recognizer;
    }

    [Fact]
    public void Recognize_OneTypoInAName_FindsIt()
    {
        var mentions = Recognize(With("Bangkok"), "when did bangkk open");

        var mention = Assert.Single(mentions);
        Assert.True(mention.Fuzzy);
        Assert.Equal(2, mention.Start);
    }

    [Fact]
    public void Recognize_UnknownRunFartherThanTheNamesTolerance_IsNoName()
    {
        // "solarpark" (9 letters, two edits allowed for its length) is three edits or more from "bangkok",
        // whose own length allows one: the bounded distance's "more than one" must not pass as a match.
        Assert.Empty(Recognize(With("Bangkok"), "who built the solar park"));
        Assert.Empty(Recognize(With("Bangkok"), "who built the solarpark"));
    }
}
