using System.Text.Json;
using LmcBot.Cli;
using LmcBot.Testing;

namespace LmcBot.Tests.Cli;

/// <summary>The CLI contract other tools depend on: output shapes, exit codes, standard input.</summary>
public sealed class CliTests : IDisposable
{
    private readonly CliRunner _cli = new();

    public void Dispose() => _cli.Dispose();

    [Fact]
    public async Task Ask_PrintsAnswerAndSource()
    {
        var (exit, output, error) = await _cli.RunAsync("ask", "What route does the StarExpress take?");

        Assert.True(exit == LmcBotCli.Success, error);
        Assert.Contains("Luang Prabang", output);
        Assert.Contains("Source:", output);
        Assert.True(File.Exists(_cli.DatabasePath), "the database is created on first use");
    }

    [Fact]
    public async Task AskJson_PrintsOneObjectWithTheContractFields()
    {
        var (exit, output, _) = await _cli.RunAsync("ask", "--json", "When was the China-Laos Railway opened?");

        Assert.Equal(0, exit);
        var line = Assert.Single(output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        using var json = JsonDocument.Parse(line);
        var root = json.RootElement;
        Assert.Equal("When was the China-Laos Railway opened?", root.GetProperty("question").GetString());
        Assert.True(root.GetProperty("answered").GetBoolean());
        Assert.Equal(JsonValueKind.String, root.GetProperty("intent").ValueKind);
        Assert.Contains("2021", root.GetProperty("text").GetString());
        Assert.InRange(root.GetProperty("confidence").GetDouble(), 0.5, 1);
        var citation = root.GetProperty("citations")[0];
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("document").GetString()));
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("title").GetString()));
        Assert.False(string.IsNullOrEmpty(citation.GetProperty("quote").GetString()));
        Assert.Equal(JsonValueKind.Array, root.GetProperty("suggestions").ValueKind);
    }

    [Fact]
    public async Task AskJson_WithoutQuestion_ReadsStandardInput_OneObjectPerLine_InOrder()
    {
        var questions = new[] { "starexpress stops", "What is the capital of France?", "", "trade in 2017" };

        var (exit, output, _) = await _cli.RunWithInputAsync(string.Join('\n', questions) + "\n", "ask", "--json");

        Assert.Equal(0, exit);
        var lines = output.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(3, lines.Length);
        var answers = lines.Select(l => JsonDocument.Parse(l).RootElement).ToList();
        Assert.Equal("starexpress stops", answers[0].GetProperty("question").GetString());
        Assert.True(answers[0].GetProperty("answered").GetBoolean());
        Assert.False(answers[1].GetProperty("answered").GetBoolean());
        Assert.Contains("220", answers[2].GetProperty("text").GetString());
    }

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public async Task Ask_EmptyQuestion_IsAUsageError(string question)
    {
        var (exit, output, error) = await _cli.RunAsync("ask", question);

        Assert.Equal(LmcBotCli.UsageError, exit);
        Assert.Empty(output);
        Assert.Contains("error:", error);
        Assert.Contains("usage:", error);
    }

    [Theory]
    [InlineData("teleport")]
    [InlineData("ask", "--colour", "red", "what?")]
    [InlineData("ingest", "--force", "extra")]
    public async Task UnknownVerbOrOption_IsAUsageError_WithReasonAndUsage(params string[] args)
    {
        var (exit, _, error) = await _cli.RunAsync(args);

        Assert.Equal(LmcBotCli.UsageError, exit);
        var lines = error.Split('\n', StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("error: ", lines[0]);
        Assert.StartsWith("usage: LmcBot", lines[1]);
    }

    [Fact]
    public async Task Ingest_ReportsWhatItBuilt_AndIsIdempotent()
    {
        var (exit, output, _) = await _cli.RunAsync("ingest");
        var (again, second, _) = await _cli.RunAsync("ingest");

        Assert.Equal(0, exit);
        Assert.Contains("Synced", output);
        Assert.Equal(0, again);
        Assert.Contains("up to date", second);
    }

    [Fact]
    public async Task Ingest_BrokenKnowledge_FailsWithFileAndFact_AndChangesNothing()
    {
        using var temp = new TempDirectory();
        var folder = temp.CopyKnowledge();
        Assert.Equal(0, (await _cli.RunAsync("ingest", "--knowledge", folder)).Exit);
        var facts = Path.Combine(folder, "facts", "seed-article.yaml");
        File.WriteAllText(facts, File.ReadAllText(facts).Replace("quote: \"The sister city relationship between Guangzhou and Chiang Mai\"", "quote: \"Guangzhou and Chiang Mai are twins\""));

        var (exit, output, error) = await _cli.RunAsync("ingest", "--knowledge", folder);
        var (_, answer, _) = await _cli.RunAsync("ask", "--knowledge", RepoPaths.Knowledge, "sister city of Guangzhou");

        Assert.Equal(LmcBotCli.Failure, exit);
        Assert.Empty(output);
        Assert.Contains("seed-article.yaml", error);
        Assert.Contains("guangzhou-chiang-mai-sister-cities", error);
        Assert.Contains("does not occur", error);
        Assert.DoesNotContain("   at ", error);
        Assert.Contains("Chiang Mai", answer);
    }

    [Fact]
    public async Task Chat_AnswersUntilQuit()
    {
        var (exit, output, _) = await _cli.RunWithInputAsync("help\nWhen was the StarExpress launched?\nroute StarExpress\nquit\nnever read\n", "chat");

        Assert.Equal(0, exit);
        Assert.Contains("> ", output);
        Assert.Contains("LmcBot help", output);
        Assert.Contains("2024", output);
        Assert.Contains("Luang Prabang", output);
        Assert.Contains("Bye.", output);
    }

    [Fact]
    public async Task Chat_EndsCleanlyAtEndOfInput()
    {
        var (exit, output, _) = await _cli.RunWithInputAsync("starexpress stops", "chat");

        Assert.Equal(0, exit);
        Assert.Contains("Luang Prabang", output);
        Assert.EndsWith("Bye." + Environment.NewLine, output);
    }

    [Fact]
    public async Task TeamsPackage_WritesAZipWithTheManifestAndIcons()
    {
        var zip = Path.Combine(_cli.Directory, "app.zip");

        var (exit, output, _) = await _cli.RunAsync("teams", "package", "--app-id", "11111111-2222-3333-4444-555555555555", "--out", zip);

        Assert.Equal(0, exit);
        Assert.Contains("Wrote", output);
        using var archive = System.IO.Compression.ZipFile.OpenRead(zip);
        Assert.Equal(["color.png", "manifest.json", "outline.png"], archive.Entries.Select(e => e.FullName).Order());
        using var manifest = JsonDocument.Parse(archive.GetEntry("manifest.json")!.Open());
        Assert.Equal("11111111-2222-3333-4444-555555555555", manifest.RootElement.GetProperty("bots")[0].GetProperty("botId").GetString());
    }

    [Fact]
    public async Task TeamsPackage_WithoutAppId_IsAUsageError()
    {
        var (exit, _, error) = await _cli.RunAsync("teams", "package");

        Assert.Equal(LmcBotCli.UsageError, exit);
        Assert.Contains("--app-id", error);
    }
}
