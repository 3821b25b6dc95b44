using System.Diagnostics;
using LmcBot.Cli;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Tests.Hosting;
using LmcBot.Testing;
using Microsoft.Extensions.DependencyInjection;

namespace LmcBot.Tests.Cli;

/// <summary>
/// Votes from <c>LmcBot chat</c>, the real executable in its own process: <c>wrong</c> after an answer is stored and
/// listed by <c>kb feedback</c> in the same session and afterwards; beside a running host, which holds the database,
/// chat is refused at start saying why, while <c>kb feedback</c> goes through the host.
/// </summary>
public sealed class ChatFeedbackProcessTests : IDisposable
{
    private const string Question = "When did the China-Laos Railway open?";

    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private string Database => _directory.File("lmcbot.db");

    [Fact]
    public async Task Chat_WrongAfterAnAnswer_IsThanked_KbFeedbackInTheSameSessionListsIt_AndTheVoteOutlivesTheSession()
    {
        File.Copy(AdminBot.TemplateDatabase, Database);

        var chat = await RunAsync($"{Question}\nwrong\nkb feedback\nquit\n", "chat", "--db", Database);

        Assert.True(chat.Exit == 0, chat.Error);
        Assert.Contains("opened on 3 December 2021", chat.Output, StringComparison.Ordinal);
        Assert.Contains("Was this right? Type good or wrong.", chat.Output, StringComparison.Ordinal);
        Assert.Contains("Thanks — noted. An admin will look at it.", chat.Output, StringComparison.Ordinal);
        Assert.Contains("Answers marked \"Not right\" (page 1 of 1)", chat.Output, StringComparison.Ordinal);
        Assert.Contains($"1× \"{Question}\"", chat.Output, StringComparison.Ordinal);
        Assert.Contains("facts clr-opened", chat.Output, StringComparison.Ordinal);
        Assert.EndsWith("Bye.", chat.Output.TrimEnd(), StringComparison.Ordinal);

        var later = await CliProcess.RunAsync("kb", "feedback", "--db", Database);

        Assert.True(later.Exit == 0, later.Error);
        Assert.Contains($"1× \"{Question}\"", later.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Chat_WhileAHostHoldsTheDatabase_IsRefusedAtStartSayingWhy_AndKbFeedbackGoesThroughTheHost()
    {
        await using var host = await HostFixture.StartAsync(
            new Dictionary<string, string?> { ["Hosting:AdminEndpoint"] = "true" },
            databasePath: _ =>
            {
                File.Copy(AdminBot.TemplateDatabase, Database);
                return Database;
            });
        var bot = host.App.Services.GetRequiredService<ChatBot>();
        var voter = new ChatSender("4000000000000000002", "carol");
        var answer = await bot.HandleAsync(ChatRequest.Question(ChatPlatform.Discord, voter, Question));
        var thanks = await bot.HandleAsync(ChatRequest.Question(ChatPlatform.Discord, voter, answer.Feedback[1].Input));
        Assert.Equal("Thanks — noted. An admin will look at it.", thanks.Text);

        // The host is the one writer: chat cannot open the database, so it never takes a vote it could not store.
        var chat = await RunAsync($"{Question}\nwrong\nquit\n", "chat", "--db", Database);
        var report = await CliProcess.RunAsync("kb", "feedback", "--db", Database);

        Assert.Equal(LmcBotCli.Failure, chat.Exit);
        Assert.Contains($"is in use by the LmcBot web host (pid {Environment.ProcessId}", chat.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("   at ", chat.Output + chat.Error, StringComparison.Ordinal);
        Assert.DoesNotContain("Thanks", chat.Output, StringComparison.Ordinal);
        Assert.True(report.Exit == 0, report.Error);
        Assert.Contains($"1× \"{Question}\"", report.Output, StringComparison.Ordinal);
        Assert.Contains("on Discord", report.Output, StringComparison.Ordinal);
    }

    /// <summary>Runs the built executable with <paramref name="input"/> on its standard input, closed after it.</summary>
    private static async Task<CliProcess.Result> RunAsync(string input, params string[] args)
    {
        var info = new ProcessStartInfo("dotnet")
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        info.ArgumentList.Add(Path.Combine(AppContext.BaseDirectory, "LmcBot.dll"));
        foreach (var arg in args) info.ArgumentList.Add(arg);
        info.Environment["LMCBOT_CONTENT_ROOT"] = RepoPaths.Root;
        using var process = Process.Start(info)!;
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        try
        {
            await process.StandardInput.WriteAsync(input);
            process.StandardInput.Close();
        }
        catch (IOException)
        {
            // A process refused at start may exit before it reads its input.
        }
        try
        {
            await process.WaitForExitAsync().WaitAsync(TimeSpan.FromSeconds(120));
        }
        finally
        {
            if (!process.HasExited) process.Kill(entireProcessTree: true);
        }
        return new CliProcess.Result(process.ExitCode, await output, await error);
    }
}
