using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using LmcBot.Testing;

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
        { "a key without a value (YamlDotNet threw ArgumentException)", ":\n  :\n  :", "the front matter has a key without a value" },
        { "a flow list then a plain line (YamlDotNet threw InvalidOperationException)", ": [\np", "the front matter is not valid YAML: check the brackets, quotes, colons and indentation" },
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

    /// <summary>Cases of the mutation run below; a longer run of 50,000 found nothing more.</summary>
    private const int Mutations = 5_000;

    [Fact]
    public void Parse_MutatedShippedFrontMatter_AlwaysGivesErrorsOrADocument_NeverAnException()
    {
        // Seeded edits (insert, delete, duplicate, replace) of YAML-significant characters inside the shipped front matters:
        // this is how the ArgumentException and InvalidOperationException cases above were found.
        // Only the front matter of each shipped document, with a one-line body: the body is not what is tested.
        var documents = Directory.GetFiles(Path.Combine(RepoPaths.Knowledge, "documents"), "*.md").Order(StringComparer.Ordinal)
            .Select(File.ReadAllText).Select(t => t[..(t.IndexOf("\n---", 4, StringComparison.Ordinal) + 4)] + "\n# T\n\nText.\n").ToList();
        const string alphabet = "[]{}:,-?&*!|>'\"#%@` \n\t\\~.x0";
        var random = new Random(20261204);
        var thrown = new List<string>();
        var refused = 0;
        for (var i = 0; i < Mutations; i++)
        {
            var text = documents[random.Next(documents.Count)];
            var end = text.IndexOf("\n---", 4, StringComparison.Ordinal);
            var chars = text.ToList();
            for (var edit = random.Next(1, 6); edit > 0; edit--)
            {
                // Inside the front matter as it is now (deletions shorten it).
                int Position() => random.Next(4, Math.Max(5, Math.Min(end, chars.Count - 1)));
                var at = Position();
                switch (random.Next(4))
                {
                    case 0: chars.Insert(at, alphabet[random.Next(alphabet.Length)]); break;
                    case 1: chars.RemoveRange(at, Math.Min(random.Next(1, 20), chars.Count - at)); break;
                    case 2: chars.InsertRange(Position(), chars.GetRange(at, Math.Min(random.Next(1, 40), chars.Count - at))); break;
                    default: chars[at] = alphabet[random.Next(alphabet.Length)]; break;
                }
            }
            var mutated = new string(chars.ToArray());
            try
            {
                if (MarkdownDocumentParser.Parse(mutated, "f.md", KnowledgeOrigin.Admin, requireFrontMatter: false).Errors.Count > 0) refused++;
            }
            catch (Exception ex)
            {
                thrown.Add($"{ex.GetType().Name} on {mutated[..Math.Min(mutated.Length, 200)]}");
            }
        }
        Assert.Empty(thrown);
        Assert.True(refused > Mutations / 2, $"only {refused} of {Mutations} mutations were refused: the mutations are too mild to test anything");
    }
}
