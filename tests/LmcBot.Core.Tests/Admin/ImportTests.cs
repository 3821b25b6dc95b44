using System.Text;
using LmcBot.Core.Admin;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Admin;

/// <summary>kb import: any surface's document becomes an indexed, citable source at once; bad files change nothing.</summary>
public sealed class ImportTests(SharedAdminBot shared) : IClassFixture<SharedAdminBot>
{
    /// <summary>A short article the shipped knowledge knows nothing about.</summary>
    [Fact]
    public async Task Import_MarkdownWithFrontMatter_StoresAllSentences_UnderItsOwnIdTitleAndUrl()
    {
        using var admin = new AdminBot();
        var answer = await admin.CommandAsync("kb import", attachment: new ChatAttachment("cruise.md", "text/markdown", Articles.Cruise));

        Assert.False(answer.IsError, answer.Text);
        var document = admin.Document("mekong-river-cruise-pilot")!;
        Assert.Equal(("Mekong river cruise pilot", "https://example.org/news/mekong-cruise", KnowledgeOrigin.Admin), (document.Title, document.Url, document.Origin));
        Assert.Equal(2, admin.SentenceCount(document.Id));
        var entry = Assert.Single(admin.Audit());
        Assert.Equal(("import", "document", document.Id), (entry.Action, entry.TargetType, entry.TargetId));
        var cited = admin.Ask("Who ran the river cruise pilot?");
        Assert.True(cited.Answered, cited.Text);
        Assert.Equal("https://example.org/news/mekong-cruise", Assert.Single(cited.Citations).Url);
    }

    [Fact]
    public async Task Import_PastedPlainText_TakesItsTitleFromTheFirstLine_AndItsIdFromTheTitle()
    {
        using var admin = new AdminBot();
        var answer = await admin.OkAsync("kb import text:\"# Mekong ferry timetable\n\nThe Mekong ferry from Huay Xai to Chiang Khong leaves every hour from 8 am.\"");

        Assert.Contains("as mekong-ferry-timetable", answer.Text, StringComparison.Ordinal);
        Assert.Equal("Mekong ferry timetable", admin.Document("mekong-ferry-timetable")!.Title);
        var ferry = admin.Ask("How often does the Mekong ferry from Huay Xai leave?");
        Assert.True(ferry.Answered, ferry.Text);
        Assert.Equal("mekong-ferry-timetable", Assert.Single(ferry.Citations).DocumentId);
    }

    [Fact]
    public async Task Import_PlainTextFile_WithoutHeading_TakesItsIdFromTheFileName()
    {
        using var admin = new AdminBot();
        var answer = await admin.CommandAsync("kb import", attachment: new ChatAttachment("ferry_notes.txt", "text/plain", "The Mekong ferry from Huay Xai to Chiang Khong leaves every hour from 8 am."));
        Assert.False(answer.IsError, answer.Text);
        Assert.Equal("ferry notes", admin.Document("ferry-notes")!.Title);
    }

    [Fact]
    public async Task Import_SameIdAgain_UpdatesTheDocument_WithoutDuplicates_AndBacksUpFirst()
    {
        using var admin = new AdminBot();
        await admin.CommandAsync("kb import", attachment: new ChatAttachment("cruise.md", "text/markdown", Articles.Cruise));
        var updated = Articles.Cruise.Replace("12,000 passengers", "14,500 passengers", StringComparison.Ordinal) + "\n\nA second season starts in 2026.\n";

        var answer = await admin.CommandAsync("kb import", attachment: new ChatAttachment("cruise.md", "text/markdown", updated));

        Assert.False(answer.IsError, answer.Text);
        Assert.Contains("replaces the earlier import", answer.Text, StringComparison.Ordinal);
        Assert.Equal(1, admin.KnowledgeBase.Current.AllDocuments.Count(d => d.Id == "mekong-river-cruise-pilot"));
        Assert.Equal(3, admin.SentenceCount("mekong-river-cruise-pilot"));
        Assert.Contains("14,500", admin.Ask("How many passengers did the Mekong river cruise pilot carry?").Text, StringComparison.Ordinal);
        Assert.Single(Directory.GetFiles(admin.Editor.BackupFolder, "*-import.db"));

        var unchanged = await admin.CommandAsync("kb import", attachment: new ChatAttachment("cruise.md", "text/markdown", updated));
        Assert.Contains("nothing changed", unchanged.Text, StringComparison.Ordinal);
        Assert.Equal(2, admin.Audit().Count);
    }

    public static TheoryData<string, string, string> BadDocuments() => new()
    {
        { "binary.md", "abc\0def", "contains NUL characters" },
        { "control.md", "PK\u0003\u0004 zip header", "control character" },
        { "latin1.txt", "caf\uFFFD au lait", "not valid UTF-8" },
        { "empty.md", "  \n\n ", "is empty" },
        { "huge.md", new string('x', DocumentText.MaxBytes + 1), "the limit is 1 MB" },
        { "frontmatter.md", "---\nid: Bad Id\n---\nSome text.", "document id must be lowercase" },
        { "unclosed.md", "---\nid: x\nSome text.", "never ends" },
        { "markers.md", "Text with a marker. [^nosuch]", "has no entry under 'sources'" },
    };

    [Theory]
    [MemberData(nameof(BadDocuments))]
    public async Task Import_BadDocument_NamesTheProblem_AndChangesNothing(string fileName, string text, string expected)
    {
        var admin = shared.Admin;
        var before = FactEditingTests.Snapshot(admin);
        var answer = await admin.CommandAsync("kb import", attachment: new ChatAttachment(fileName, "text/markdown", text));
        Assert.True(answer.IsError, answer.Text);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, FactEditingTests.Snapshot(admin));
    }

    [Theory]
    [InlineData("kb import", "needs a document")]
    [InlineData("kb import text:\"Some text.\" url:notaurl", "not an absolute http(s) address")]
    [InlineData("kb import text:\"Some text.\" id:Bad_Id", "is not valid")]
    public async Task Import_BadOptions_NameTheProblem(string command, string expected)
    {
        var admin = shared.Admin;
        var before = FactEditingTests.Snapshot(admin);
        var answer = await admin.SendAsync(command);
        Assert.True(answer.IsError, answer.Text);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, FactEditingTests.Snapshot(admin));
    }

    [Fact]
    public async Task Import_FileAndText_IsRefused()
    {
        using var admin = new AdminBot();
        var answer = await admin.CommandAsync("kb import", new Dictionary<string, string> { ["text"] = "Some text." },
            attachment: new ChatAttachment("a.md", "text/markdown", "Other text."));
        Assert.Contains("either as a file or as text", answer.Text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Import_OverADocumentThatFactsQuote_IsRefusedWhenTheQuotesWouldBeLost()
    {
        using var admin = new AdminBot();
        var before = FactEditingTests.Snapshot(admin);
        var answer = await admin.SendAsync("kb import id:lmc-seed-article text:\"A much shorter seed article.\"");
        Assert.True(answer.IsError);
        Assert.Contains("lacks the quotes of", answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, FactEditingTests.Snapshot(admin));
    }

    [Theory]
    [InlineData(new byte[] { 0x61, 0xFF, 0x62 }, "not valid UTF-8 text (bad byte at offset 1)")]
    [InlineData(new byte[] { 0x61, 0x00, 0x62 }, "contains NUL bytes")]
    [InlineData(new byte[] { 0xEF, 0xBB, 0xBF, 0x20 }, "is empty")]
    public void TryDecode_BadBytes_SaysWhy(byte[] bytes, string expected)
    {
        Assert.False(DocumentText.TryDecode("f.md", bytes, out _, out var error));
        Assert.Contains(expected, error, StringComparison.Ordinal);
    }

    [Fact]
    public void TryDecode_Utf8WithBom_GivesTheText()
    {
        Assert.True(DocumentText.TryDecode("f.md", [0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes("Vientiane ວຽງຈັນ")], out var text, out _));
        Assert.Equal("Vientiane ວຽງຈັນ", text);
    }
}
