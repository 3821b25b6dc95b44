using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Tests.Admin;

/// <summary>
/// kb import of a document whose front matter is hostile or malformed: each is refused with a message naming the
/// problem and its line, nothing changes, and none reaches YamlDotNet's recursive loader (a stack overflow there
/// cannot be caught and ends the host: Discord, Teams and health together).
/// </summary>
public sealed class ImportFrontMatterTests(SharedAdminBot shared) : IClassFixture<SharedAdminBot>
{
    private static string Document(string frontMatter) => $"---\n{frontMatter}\n---\n# Deep\n\nThe Mekong ferry leaves every hour.\n";

    public static TheoryData<string, string, string> Hostile() => new()
    {
        // name | front matter | expected words in the answer
        { "60,000 nested [ (overflowed the web host's stack)", "id: deep\ntitle: Deep\nx: " + new string('[', 60_000), "deep.md:4: invalid front matter: the front matter nests more than 16 levels of [ ] or { }" },
        { "100,000 nested [ (overflowed the CLI's stack)", "id: deep\ntitle: Deep\nx: " + new string('[', 100_000), "deep.md:2: invalid front matter: the front matter is 100,025 characters; the limit is 65,536" },
        { "15,000 nested { a:", "x: " + string.Concat(Enumerable.Repeat("{a: ", 15_000)), "nests more than 16 levels of [ ] or { }" },
        { "20,000 nested block lists", "x:\n" + string.Concat(Enumerable.Repeat("- ", 20_000)) + "y", "deep.md:3: invalid front matter: the front matter nests lists and mappings more than 16 levels deep" },
        { "brackets closed inside quotes", "x: " + string.Concat(Enumerable.Repeat("[ \"]\": ", 5_000)), "nests lists and mappings more than 16 levels deep" },
        { "a key that refers to itself", "? &k [*k]\n: v", "uses the anchor &k; anchors and aliases (& and *) are not supported" },
        { "an anchor", "id: &a x\ntitle: T", "deep.md:2: invalid front matter: the front matter uses the anchor &a" },
        { "an alias", "id: x\ntitle: *a", "deep.md:3: invalid front matter: the front matter uses the alias *a" },
        { "an unclosed flow list", "id: [unclosed", "invalid front matter: While parsing a flow sequence, did not find expected ',' or ']'" },
        { "a list as a key", "[a, b]: x", "deep.md:2: invalid front matter: the front matter uses a list as a key; keys must be plain names" },
        { "a mapping as a key", "title: T\n{a: 1}: x", "deep.md:3: invalid front matter: the front matter uses a mapping as a key" },
        { "a list as a source key", "sources:\n  [k]: x", "uses a list as a key" },
        { "a list for the id", "id: [a, b]\ntitle: T", "deep.md:2: front matter field 'id' must be a single value, not a list" },
        { "a mapping for the title", "title:\n  text: T", "front matter field 'title' must be a single value, not a mapping" },
        { "a list for a source url", "sources:\n  s1:\n    url: [https://example.org]\n    grade: wire", "deep.md:4: field 'url' of source 's1' must be a single value, not a list" },
        { "a list at the top", "- id\n- title", "deep.md:2: front matter must be a YAML mapping (id: …, title: …), not a list" },
        { "a duplicate key", "id: a\nid: b", "Duplicate key id" },
        { "two documents", "id: a\n...\ntitle: b", "the front matter holds more than one YAML document" },
        { "an unterminated quote", "title: \"Mekong", "found unexpected end of stream" },
        { "a bad indent", "id: x\n  bad: indent", "invalid front matter: While scanning a plain scalar value, found invalid mapping" },
    };

    [Theory]
    [MemberData(nameof(Hostile))]
    public async Task Import_HostileFrontMatter_IsRefusedNamingTheProblem_AndChangesNothing(string name, string frontMatter, string expected)
    {
        var admin = shared.Admin;
        var before = FactEditingTests.Snapshot(admin);

        var answer = await admin.CommandAsync("kb import", attachment: new ChatAttachment("deep.md", "text/markdown", Document(frontMatter)));

        Assert.True(answer.IsError, $"{name}: {answer.Text}");
        Assert.Contains("deep.md could not be imported", answer.Text, StringComparison.Ordinal);
        Assert.Contains(expected, answer.Text, StringComparison.Ordinal);
        Assert.DoesNotContain("failed on my side", answer.Text, StringComparison.Ordinal);
        Assert.Equal(before, FactEditingTests.Snapshot(admin));
    }

    [Fact]
    public async Task Import_BracketsAndBracesInsideValues_AreStillAccepted()
    {
        using var admin = new AdminBot();
        var text = Document("id: mekong-ferry-draft\ntitle: \"Mekong ferry [draft] {v2}\"\nsources:\n  s1:\n    url: https://example.org/ferry\n    grade: wire\n    date: \"2025-01-02\"\n    publisher: \"Ferry board [Laos]\"")
            .Replace("every hour.", "every hour. [^s1]", StringComparison.Ordinal);

        var answer = await admin.CommandAsync("kb import", attachment: new ChatAttachment("ferry.md", "text/markdown", text));

        Assert.False(answer.IsError, answer.Text);
        Assert.Equal("Mekong ferry [draft] {v2}", admin.Document("mekong-ferry-draft")!.Title);
    }

    [Fact]
    public void Load_FrontMatterAtTheDepthLimit_IsRead_OneLevelMoreIsNot()
    {
        var atLimit = "x: " + new string('[', BoundedYaml.MaxDepth - 1) + new string(']', BoundedYaml.MaxDepth - 1);
        Assert.NotNull(BoundedYaml.Load(atLimit, 1000, "text", out var none));
        Assert.Null(none);

        var deeper = "x: " + new string('[', BoundedYaml.MaxDepth) + new string(']', BoundedYaml.MaxDepth);
        Assert.Null(BoundedYaml.Load(deeper, 1000, "text", out var problem));
        Assert.Equal("text nests lists and mappings more than 16 levels deep", problem!.Message);
    }
}
