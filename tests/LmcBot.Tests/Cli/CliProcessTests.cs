using System.Diagnostics;
using System.Text.Json;
using LmcBot.Testing;

namespace LmcBot.Tests.Cli;

/// <summary>The real executable: a separate process, its exit codes and its streaming output.</summary>
public sealed class CliProcessTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private Process Start(params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
            WorkingDirectory = _directory.Path, // not the repository: the content root must be found anyway
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LmcBot.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.ArgumentList.Add("--db");
        info.ArgumentList.Add(_directory.File("lmcbot.db"));
        return Process.Start(info)!;
    }

    [Fact]
    public async Task AskJson_StreamsOneAnswerPerQuestion_BeforeInputEnds()
    {
        using var process = Start("ask", "--json");

        await process.StandardInput.WriteLineAsync("starexpress stops");
        await process.StandardInput.FlushAsync();
        var first = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        await process.StandardInput.WriteLineAsync("Which Chinese EV makers invest in Thailand?");
        await process.StandardInput.FlushAsync();
        var second = await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(30));
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains("Luang Prabang", JsonDocument.Parse(first!).RootElement.GetProperty("text").GetString());
        Assert.Contains("GAC", JsonDocument.Parse(second!).RootElement.GetProperty("text").GetString());
        Assert.Equal(0, process.ExitCode);
    }

    [Fact]
    public async Task Chat_AThreeTurnConversation_AnswersTheFollowUpsFromTheSession()
    {
        using var process = Start("chat");

        await process.StandardInput.WriteAsync("How long is the China-Laos Railway?\nwhen did it open?\nand how many passengers in 2024?\nquit\n");
        await process.StandardInput.FlushAsync();
        var output = await process.StandardOutput.ReadToEndAsync().WaitAsync(TimeSpan.FromSeconds(60));
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        var answers = output.Split("> ", StringSplitOptions.RemoveEmptyEntries);
        Assert.Equal(0, process.ExitCode);
        Assert.Contains("1,035", answers[1], StringComparison.Ordinal);
        Assert.StartsWith("China-Laos Railway: ", answers[2], StringComparison.Ordinal);
        Assert.Contains("3 December 2021", answers[2], StringComparison.Ordinal);
        Assert.StartsWith("China-Laos Railway, 2024: ", answers[3], StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_AmbiguousQuestion_ListsNumberedChoices_AndTypingOneAnswersIt()
    {
        using var process = Start("chat");

        await process.StandardInput.WriteLineAsync("Kunming station");
        await process.StandardInput.FlushAsync();
        var offer = await ReadUntilAsync(process, "(type the number of your choice)");
        var first = offer.Select(l => System.Text.RegularExpressions.Regex.Match(l, @"^\s*1\. (.+)$")).First(m => m.Success).Groups[1].Value;
        await process.StandardInput.WriteLineAsync("1");
        await process.StandardInput.FlushAsync();
        var answer = await ReadUntilAsync(process, "Source:");
        process.StandardInput.Close();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Contains(offer, l => l.Contains("Did you mean", StringComparison.Ordinal));
        Assert.Contains(offer, l => l.Trim() == "2. Kunming South Railway Station" || l.Trim() == "2. Wangjiaying West Railway Station");
        Assert.Contains(answer, l => l.Contains(first.Replace(" Railway Station", "", StringComparison.Ordinal), StringComparison.Ordinal));
        Assert.DoesNotContain(answer, l => l.Contains("Did you mean", StringComparison.Ordinal) || l.Contains("expired", StringComparison.Ordinal));
        Assert.Equal(0, process.ExitCode);
    }

    /// <summary>The lines the process prints up to and including the first that holds <paramref name="marker"/>.</summary>
    private static async Task<List<string>> ReadUntilAsync(Process process, string marker)
    {
        var lines = new List<string>();
        while (await process.StandardOutput.ReadLineAsync().WaitAsync(TimeSpan.FromSeconds(60)) is { } line)
        {
            lines.Add(line);
            if (line.Contains(marker, StringComparison.Ordinal)) return lines;
        }
        throw new InvalidOperationException($"The process ended before printing \"{marker}\": {string.Join('\n', lines)}");
    }

    [Fact]
    public async Task UsageError_ExitsWith2()
    {
        using var process = Start("ask", "");
        var error = await process.StandardError.ReadToEndAsync();
        await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(30));

        Assert.Equal(2, process.ExitCode);
        Assert.Contains("usage:", error);
    }
}
