using LmcBot.Core.Commands;

namespace LmcBot.Core.Tests.Commands;

public sealed class TextCommandParserTests
{
    private static readonly CommandCatalog Catalog = CommandCatalog.Default;

    [Fact]
    public void Parse_CommandWithPositionalText()
    {
        var parsed = TextCommandParser.Parse("route StarExpress", Catalog);

        Assert.NotNull(parsed);
        Assert.Equal("route", parsed.Path);
        Assert.Equal("StarExpress", parsed.Positional);
    }

    [Fact]
    public void Parse_NestedCommandWithQuotedOptions()
    {
        var parsed = TextCommandParser.Parse("kb add citypair city_a:Kunming city_b:\"Chiang Mai\" status:\"sister city\" --admin-note", Catalog);

        Assert.NotNull(parsed);
        Assert.Equal("kb add citypair", parsed.Path);
        Assert.Equal("Kunming", parsed.Options["city_a"]);
        Assert.Equal("Chiang Mai", parsed.Options["city_b"]);
        Assert.Equal("sister city", parsed.Options["status"]);
        Assert.Equal("true", parsed.Options["admin_note"]);
        Assert.Null(parsed.Positional);
    }

    [Theory]
    [InlineData("When was the StarExpress launched?")]
    [InlineData("starexpress stops")]
    [InlineData("")]
    public void Parse_PlainQuestion_IsNotACommand(string text) => Assert.Null(TextCommandParser.Parse(text, Catalog));

    [Fact]
    public void Catalog_NamesFollowDiscordRules()
    {
        foreach (var (path, command) in Catalog.Leaves())
        {
            foreach (var name in path.Split(' '))
                Assert.Matches("^[a-z0-9_-]{1,32}$", name);
            Assert.InRange(command.Description.Length, 1, 100);
            Assert.True(command.Options.Count <= 25, path);
            foreach (var option in command.Options)
            {
                Assert.Matches("^[a-z0-9_-]{1,32}$", option.Name);
                Assert.InRange(option.Description.Length, 1, 100);
            }
            // Required options come first.
            Assert.True(command.Options.SkipWhile(o => o.Required).All(o => !o.Required), path);
        }
    }

    [Fact]
    public void Catalog_RejectsDuplicateCommands() =>
        Assert.Throws<InvalidOperationException>(() => new CommandCatalog([new CommandDefinition("a", "x"), new CommandDefinition("a", "y")]));
}
