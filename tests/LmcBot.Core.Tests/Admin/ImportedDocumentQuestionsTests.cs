using LmcBot.Core.Chat;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Admin;

/// <summary>
/// People ask about a document an admin imported in their own words: misspelt names of things only
/// that document mentions, generic verbs the document words otherwise ("held" for "organised"), and
/// questions it cannot answer. One import per class; every question is answered from a real store.
/// </summary>
public sealed class ImportedDocumentQuestionsTests : IClassFixture<ImportedDocumentQuestionsTests.Imported>
{
    public sealed class Imported : IDisposable
    {
        public AdminBot Admin { get; } = new();

        public Imported()
        {
            var answer = Admin.CommandAsync("kb import", attachment: new ChatAttachment("agri.md", "text/markdown", Briefing)).GetAwaiter().GetResult();
            if (answer.IsError) throw new InvalidOperationException(answer.Text);
        }

        public void Dispose() => Admin.Dispose();
    }

    private const string Briefing = """
        # Agriculture under the LMC: a 2025 briefing

        The Lancang-Mekong Agricultural Cooperation Center organised a training course on rice seed breeding in Kunming in May 2025, attended by 45 technicians from Cambodia, Laos, Myanmar, Thailand and Vietnam.

        Phuthai Digital Industries, a Vientiane start-up, signed an agreement with Yunnan Agricultural University in June 2025 to build a crop-monitoring platform for northern Laos.

        The Mekong Rice Corridor project aims to raise rice yields in Savannakhet Province by 20 percent by 2028, with funding of USD 4.5 million from the LMC Special Fund.
        """;

    private readonly AdminBot _admin;

    public ImportedDocumentQuestionsTests(Imported imported) => _admin = imported.Admin;

    [Theory]
    [InlineData("Who signed an agreement with Yunnan Agricultural University?", "Phuthai Digital Industries")]
    [InlineData("What is Phuthay Digital Industris building?", "crop-monitoring platform")]
    [InlineData("Where was the rice training course held?", "Kunming")]
    [InlineData("When did the agricultural center hold the training?", "May 2025")]
    [InlineData("How many technicians attended the rice seed breeding course?", "45 technicians")]
    [InlineData("How much funding does the Mekong Rice Corridor get?", "USD 4.5 million")]
    public void Answered_FromTheImportedDocument(string question, string expected)
    {
        var answer = _admin.Ask(question);

        Assert.True(answer.Answered, $"{question}: {answer.Text}");
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Contains(answer.Citations, c => c.DocumentId == "agriculture-under-the-lmc-a-2025-briefing");
    }

    [Theory]
    [InlineData("What is the capital of Savannakhet?")]
    [InlineData("Who founded Tesla?")]
    [InlineData("How many technicians attended the course in 2019?")]
    public void Declined_WhenTheDocumentDoesNotSay(string question)
    {
        var answer = _admin.Ask(question);

        Assert.False(answer.Answered, $"{question}: {answer.Text}");
    }
}
