using LmcBot.Cli;
using LmcBot.Testing;

namespace LmcBot.Tests.Admin;

/// <summary><c>LmcBot kb …</c> end to end: the local admin changes the database and <c>ask</c> sees it at once.</summary>
public sealed class KbCliTests
{
    private static readonly string[] AddPair = ["kb", "add", "citypair", "--city-a", "Nanning", "--city_b", "Vientiane", "--status", "friendship city", "--admin-note"];

    [Fact]
    public async Task AddRemoveUndo_ChangeWhatAskAnswers()
    {
        using var cli = new CliRun();
        Assert.DoesNotContain("Nanning", await cli.OkAsync("ask", "What are Vientiane's partner cities?"), StringComparison.Ordinal);

        var added = await cli.OkAsync(AddPair);
        Assert.Contains("Added nanning-vientiane-friendship-city (version 1)", added, StringComparison.Ordinal);
        var answer = await cli.OkAsync("ask", "What are Vientiane's partner cities?");
        Assert.Contains("Nanning and Vientiane are friendship cities.", answer, StringComparison.Ordinal);
        Assert.Contains("Source: Admin note · admin note, unsourced", answer, StringComparison.Ordinal);

        await cli.OkAsync("kb", "remove", "--id", "nanning-vientiane-friendship-city", "--version", "1");
        Assert.DoesNotContain("Nanning", await cli.OkAsync("ask", "What are Vientiane's partner cities?"), StringComparison.Ordinal);

        Assert.Contains("Undid #2", await cli.OkAsync("kb", "undo"), StringComparison.Ordinal);
        Assert.Contains("Nanning", await cli.OkAsync("ask", "What are Vientiane's partner cities?"), StringComparison.Ordinal);
        Assert.Contains("already undone", await cli.OkAsync("kb", "undo"), StringComparison.Ordinal);

        var history = await cli.OkAsync("kb", "history", "--id", "nanning-vientiane-friendship-city");
        Assert.Contains($"· Cli · {Environment.UserName} (local): remove fact nanning-vientiane-friendship-city: removed (undone by #3)", history, StringComparison.Ordinal);
    }

    [Fact]
    public async Task UsageAndValidationErrors_ExitNonZero_OnStandardError_AndChangeNothing()
    {
        using var cli = new CliRun();

        var missing = await cli.RunAsync("kb", "add", "citypair", "--city-a", "Nanning", "--status", "sister city", "--admin-note");
        var badQuote = await cli.RunAsync("kb", "add", "citypair", "--city-a", "Nanning", "--city-b", "Vientiane", "--status", "sister city",
            "--document", "lmc-seed-article", "--quote", "Nanning is twinned with Vientiane");
        var badNumber = await cli.RunAsync("kb", "add", "figure", "--metric", "m", "--value", "lots", "--unit", "u", "--year", "2025", "--admin-note");
        var stale = await cli.RunAsync("kb", "edit", "--id", "starexpress-route", "--field", "launched", "--value", "2024-09", "--version", "7");

        Assert.Equal(LmcBotCli.UsageError, missing.Exit);
        Assert.Contains("--city-b", missing.Error, StringComparison.Ordinal);
        Assert.Equal(LmcBotCli.Failure, badQuote.Exit);
        Assert.Contains("does not occur in document 'lmc-seed-article'", badQuote.Error, StringComparison.Ordinal);
        Assert.Equal(LmcBotCli.UsageError, badNumber.Exit);
        Assert.Contains("'value' must be number", badNumber.Error, StringComparison.Ordinal);
        Assert.Equal(LmcBotCli.Failure, stale.Exit);
        Assert.Contains("changed since version 7 (now 1)", stale.Error, StringComparison.Ordinal);
        Assert.All([missing, badQuote, badNumber, stale], r => Assert.Equal("", r.Output));
        Assert.Contains("No changes yet", await cli.OkAsync("kb", "history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFile_IsAnswerableAtOnce_WithACitationToIt()
    {
        using var cli = new CliRun();
        var path = cli.PathOf("cruise.md");
        await File.WriteAllTextAsync(path, Articles.Cruise);

        var imported = await cli.OkAsync("kb", "import", "--file", path);

        Assert.Contains("Imported \"Mekong river cruise pilot\" as mekong-river-cruise-pilot: 2 paragraphs, 2 sentences", imported, StringComparison.Ordinal);
        var answer = await cli.OkAsync("ask", "--json", "How many passengers did the Mekong river cruise pilot carry?");
        Assert.Contains("\"answered\":true", answer, StringComparison.Ordinal);
        Assert.Contains("\"document\":\"mekong-river-cruise-pilot\"", answer, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFile_GivenAsAnArgument_IsImportedLikeFile()
    {
        using var cli = new CliRun();
        var path = cli.PathOf("cruise.md");
        await File.WriteAllTextAsync(path, Articles.Cruise);

        var imported = await cli.OkAsync("kb", "import", path);

        Assert.Contains("Imported \"Mekong river cruise pilot\" as mekong-river-cruise-pilot", imported, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportFile_GivenTwice_IsAUsageError_AndImportsNothing()
    {
        using var cli = new CliRun();
        var path = cli.PathOf("cruise.md");
        await File.WriteAllTextAsync(path, Articles.Cruise);

        var result = await cli.RunAsync("kb", "import", path, "--file", path);

        Assert.Equal(LmcBotCli.UsageError, result.Exit);
        Assert.Contains("give the file once", result.Error, StringComparison.Ordinal);
        Assert.Contains("No changes yet", await cli.OkAsync("kb", "history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportMissingFile_GivenAsAnArgument_NamesIt()
    {
        using var cli = new CliRun();

        var result = await cli.RunAsync("kb", "import", cli.PathOf("nope.md"));

        Assert.Equal(LmcBotCli.UsageError, result.Exit);
        Assert.Contains("nope.md does not exist", result.Error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(new byte[] { 0x50, 0x4B, 0x03, 0x04, 0x00, 0x00 }, 1, "contains NUL bytes")]
    [InlineData(new byte[] { 0x63, 0x61, 0x66, 0xE9 }, 1, "not valid UTF-8")]
    [InlineData(new byte[0], 1, "is empty")]
    public async Task ImportBadFile_IsRefused(byte[] bytes, int exit, string expected)
    {
        using var cli = new CliRun();
        var path = cli.PathOf("bad.md");
        await File.WriteAllBytesAsync(path, bytes);
        var result = await cli.RunAsync("kb", "import", "--file", path);
        Assert.Equal(exit, result.Exit);
        Assert.Contains(expected, result.Error, StringComparison.Ordinal);
        Assert.Contains("No changes yet", await cli.OkAsync("kb", "history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportTooLargeOrMissingFile_IsRefused()
    {
        using var cli = new CliRun();
        var large = cli.PathOf("large.md");
        await File.WriteAllTextAsync(large, new string('a', Core.Admin.DocumentText.MaxBytes + 1));
        var tooLarge = await cli.RunAsync("kb", "import", "--file", large);
        var missing = await cli.RunAsync("kb", "import", "--file", cli.PathOf("nope.md"));
        Assert.Equal((LmcBotCli.Failure, LmcBotCli.UsageError), (tooLarge.Exit, missing.Exit));
        Assert.Contains("the limit is 1 MB", tooLarge.Error, StringComparison.Ordinal);
        Assert.Contains("does not exist", missing.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ImportEndlessDeviceOrDirectory_IsRefusedSayingWhy()
    {
        using var cli = new CliRun();

        var endless = await cli.RunAsync("kb", "import", "--file", "/dev/zero");
        var directory = await cli.RunAsync("kb", "import", "--file", cli.Directory);

        Assert.Equal((LmcBotCli.Failure, LmcBotCli.UsageError), (endless.Exit, directory.Exit));
        Assert.Contains("zero is larger than 1 MB (more than 1,048,576 bytes); the limit is 1 MB", endless.Error, StringComparison.Ordinal);
        Assert.Contains($"{cli.Directory} is a directory; give the path of a .md or .txt file", directory.Error, StringComparison.Ordinal);
        Assert.Contains("No changes yet", await cli.OkAsync("kb", "history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task AddOrEdit_WithControlCharacters_IsRefused_AndChangesNothing()
    {
        using var cli = new CliRun();

        var bell = await cli.RunAsync("kb", "add", "note", "--subject", "StarExpress", "--text", "The StarExpress has a bell.\a\u0007", "--admin-note");
        var escape = await cli.RunAsync("kb", "edit", "--id", "starexpress-route", "--field", "name", "--value", "\u001B[2JStarExpress");

        Assert.Equal((LmcBotCli.Failure, LmcBotCli.Failure), (bell.Exit, escape.Exit));
        Assert.Contains("The value of text: contains the control character U+0007 (BEL) at character 28", bell.Error, StringComparison.Ordinal);
        Assert.Contains("The value of value: contains the control character U+001B (ESC) at character 1", escape.Error, StringComparison.Ordinal);
        Assert.Contains("No changes yet", await cli.OkAsync("kb", "history"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ListShowAndHistory_EscapeControlCharactersAlreadyStored()
    {
        using var cli = new CliRun();
        const string hostile = "The StarExpress\u001B[2J\u001B]0;pwned\u0007 runs\r daily.";
        StoredText.SetStatement(cli.DatabasePath, "starexpress-route", hostile, userName: "Mallory\u001B[8m", userId: "1\u0007");

        var printed = new[]
        {
            await cli.OkAsync("kb", "show", "--id", "starexpress-route"),
            await cli.OkAsync("kb", "list", "--text", "StarExpress"),
            await cli.OkAsync("kb", "history", "--id", "starexpress-route"),
        };

        Assert.All(printed, output => Assert.DoesNotContain(output, c => char.IsControl(c) && c is not ('\n' or '\t')));
        Assert.Contains(@"The StarExpress\u001B[2J\u001B]0;pwned\u0007 runs\u000D daily.", printed[0], StringComparison.Ordinal);
        Assert.Contains(@"StarExpress\u001B[2J", printed[1], StringComparison.Ordinal);
        Assert.Contains(@"Mallory\u001B[8m (1\u0007)", printed[2], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Unanswered_ListsADeclinedQuestion_AndDropsItAfterTheFactIsAdded()
    {
        using var cli = new CliRun();
        await cli.OkAsync("ask", "Which cities are partnered with Nanning?");
        Assert.Contains("1× \"Which cities are partnered with Nanning?\"", await cli.OkAsync("kb", "unanswered"), StringComparison.Ordinal);

        await cli.OkAsync(AddPair);

        Assert.Contains("No unanswered questions", await cli.OkAsync("kb", "unanswered"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task ExportToAFolder_ThenIngestIntoAnEmptyDatabase_GivesTheSameAnswers()
    {
        using var cli = new CliRun();
        await cli.OkAsync(AddPair);
        var article = cli.PathOf("cruise.md");
        await File.WriteAllTextAsync(article, Articles.Cruise);
        await cli.OkAsync("kb", "import", "--file", article);
        await cli.OkAsync("kb", "remove", "--id", "clr-opened");
        var folder = cli.PathOf("export");

        var exported = await cli.OkAsync("kb", "export", "--out", folder);

        Assert.Contains($"Written to {folder}", exported, StringComparison.Ordinal);
        Assert.True(File.Exists(Path.Combine(folder, "documents", "mekong-river-cruise-pilot.md")));
        Assert.True(File.Exists(Path.Combine(folder, "facts", "citypair.yaml")));
        Assert.True(File.Exists(Path.Combine(folder, "aliases.yaml")));
        var again = await cli.RunAsync("kb", "export", "--out", folder);
        Assert.Equal(LmcBotCli.Failure, again.Exit);
        Assert.Contains("is not empty", again.Error, StringComparison.Ordinal);

        var copy = cli.PathOf("copy.db");
        var ingest = new StringWriter();
        Assert.Equal(LmcBotCli.Success, await LmcBotCli.RunAsync(["ingest", "--db", copy, "--knowledge", folder], TextReader.Null, ingest, new StringWriter()));
        var questions = string.Join('\n', EvalQuestions.Spread().Append("What are Vientiane's partner cities?").Append("Who ran the river cruise pilot?"));
        var original = await cli.RunWithInputAsync(questions, "ask", "--json");
        var fromExport = new StringWriter();
        await LmcBotCli.RunAsync(["ask", "--json", "--db", copy, "--knowledge", folder], new StringReader(questions), fromExport, new StringWriter());

        Assert.Equal(original.Output, fromExport.ToString());
        Assert.Contains("\"document\":\"mekong-river-cruise-pilot\"", original.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task KbHelp_ListsTheCatalogOptions_InBothSpellings()
    {
        using var cli = new CliRun();
        var help = await cli.OkAsync("kb", "add", "citypair", "--help");
        Assert.Contains("--city-a, --city_a", help, StringComparison.Ordinal);
        Assert.Contains("--admin-note, --admin_note", help, StringComparison.Ordinal);
    }
}
