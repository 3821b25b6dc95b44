using System.Diagnostics;
using LmcBot.Cli;
using LmcBot.Testing;

namespace LmcBot.Tests.Admin;

/// <summary>
/// <c>kb import --file</c> as a real process with documents whose front matter once overflowed the stack ("Stack
/// overflow", exit 134): the process must live to refuse them with a message, exit 1, and leave the database as it was.
/// </summary>
public sealed class KbImportProcessTests
{
    [Theory]
    [InlineData(100_000, "the front matter is 100,025 characters; the limit is 65,536")]
    [InlineData(60_000, "deep.md:4: invalid front matter: the front matter nests more than 16 levels of [ ] or { }")]
    public async Task ImportFile_WithDeeplyNestedFrontMatter_IsRefused_AndTheProcessSurvives(int brackets, string expected)
    {
        using var cli = new CliRun();
        var path = cli.PathOf("deep.md");
        await File.WriteAllTextAsync(path, "---\nid: deep\ntitle: Deep\nx: " + new string('[', brackets) + "\n---\n# Deep\n\nText.\n");

        var start = new ProcessStartInfo("dotnet") { RedirectStandardOutput = true, RedirectStandardError = true, UseShellExecute = false };
        foreach (var arg in new[] { typeof(LmcBotCli).Assembly.Location, "kb", "import", "--file", path, "--db", cli.DatabasePath })
            start.ArgumentList.Add(arg);
        start.Environment["LMCBOT_CONTENT_ROOT"] = RepoPaths.Root;
        using var process = Process.Start(start)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromMinutes(2));

        Assert.True(process.ExitCode == LmcBotCli.Failure, $"exit {process.ExitCode}: {await error}");
        Assert.Contains("deep.md could not be imported", await error, StringComparison.Ordinal);
        Assert.Contains(expected, await error, StringComparison.Ordinal);
        Assert.Equal("", await output);
        Assert.Contains("No changes yet", await cli.OkAsync("kb", "history"), StringComparison.Ordinal);
    }
}
