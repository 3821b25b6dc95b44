using System.Text.Json;
using LmcBot.Cli;
using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;
using Microsoft.Extensions.Options;
using LmcBot.Testing;

namespace LmcBot.Tests.Cli;

/// <summary>Every verb is composed by the same host builder as the web host: validated options, the answer cache, the same services.</summary>
public sealed class CliCompositionTests : IDisposable
{
    private readonly TempDirectory _directory = new();

    public void Dispose() => _directory.Dispose();

    private CliContext Create(params (string Key, string Value)[] settings)
    {
        var overrides = new Dictionary<string, string?> { ["Knowledge:DatabasePath"] = _directory.File("lmcbot.db") };
        foreach (var (key, value) in settings) overrides[key] = value;
        return CliContext.Create(RepoPaths.Root, overrides, "LmcBot test", new TerminalProgress(TextWriter.Null, enabled: false));
    }

    [Fact]
    public void Verbs_GetTheAnswerCache_AQuestionAskedAgainIsNotWorkedOutAgain()
    {
        using var context = Create();

        var first = context.Bot.Ask("When was the China-Laos Railway opened?", ChatPlatform.Cli);
        var again = context.Bot.Ask("When was the China-Laos Railway opened?", ChatPlatform.Cli);

        Assert.Equal(1024, context.KnowledgeOptions.AnswerCacheSize);
        Assert.Same(first, again);
    }

    [Fact]
    public void Verbs_HonourTheCacheSetting_ZeroTurnsItOff()
    {
        using var context = Create(("Knowledge:AnswerCacheSize", "0"));

        var first = context.Bot.Ask("When was the China-Laos Railway opened?", ChatPlatform.Cli);
        var again = context.Bot.Ask("When was the China-Laos Railway opened?", ChatPlatform.Cli);

        Assert.NotSame(first, again);
        Assert.Equal(first.Text, again.Text);
    }

    [Theory]
    [InlineData("Knowledge:AnswerCacheSize", "-1", "Knowledge:AnswerCacheSize must be between 0 (off) and 1000000.")]
    [InlineData("RateLimits:PerUserPerMinute", "-5", "RateLimits")]
    [InlineData("Admin:DiscordUserIds:0", "@alice", "Admin:DiscordUserIds:0 (environment Admin__DiscordUserIds__0) is \"@alice\"")]
    [InlineData("Admin:TeamsUserIds:0", "alice@example.org", "Admin:TeamsUserIds:0")]
    public void AnInvalidSetting_StopsTheVerbBeforeItRuns_NamingTheSetting(string key, string value, string expected)
    {
        var error = Assert.Throws<OptionsValidationException>(() => Create((key, value)));

        Assert.Contains(error.Failures, failure => failure.Contains(expected, StringComparison.Ordinal));
        Assert.False(File.Exists(_directory.File("lmcbot.db")), "nothing is opened before the settings are valid");
    }

    [Fact]
    public async Task Ask_WithAnInvalidSetting_FailsWithTheValidationMessage()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["Knowledge__AnswerCacheSize"] = "-1" },
            "ask", "When was the China-Laos Railway opened?", "--db", _directory.File("lmcbot.db"));

        Assert.Equal(LmcBotCli.Failure, result.Exit);
        Assert.Empty(result.Output);
        Assert.Contains("the configuration is invalid", result.Error, StringComparison.Ordinal);
        Assert.Contains("Knowledge:AnswerCacheSize must be between 0 (off) and 1000000.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscordRegister_IsComposedByTheSameHost_SoTheDiscordSettingsAreValidatedToo()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["Discord__Mode"] = "Http", ["Discord__PublicKey"] = "" },
            "discord", "register", "--db", _directory.File("lmcbot.db"));

        Assert.Equal(LmcBotCli.Failure, result.Exit);
        Assert.Contains("Discord:PublicKey is required when Discord:Mode is Http.", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task DiscordRegister_WithoutAnApplicationId_SaysWhichSettingItNeeds()
    {
        var result = await CliProcess.RunAsync(new Dictionary<string, string> { ["Discord__ApplicationId"] = "" },
            "discord", "register", "--db", _directory.File("lmcbot.db"));

        Assert.Equal(LmcBotCli.UsageError, result.Exit);
        Assert.Contains("Discord:ApplicationId is required to register commands", result.Output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Redirected_IngestAndAskJson_PrintOnlyTheirResults_NoProgressNoLogs()
    {
        var db = _directory.File("lmcbot.db");

        var ingest = await CliProcess.RunAsync("ingest", "--force", "--db", db);
        var ask = await CliProcess.RunAsync("ask", "--json", "starexpress stops", "--db", db);

        Assert.True(ingest.Exit == 0, ingest.Error);
        Assert.Equal("", ingest.Error);
        Assert.StartsWith("Synced ", ingest.Output, StringComparison.Ordinal);
        Assert.True(ask.Exit == 0, ask.Error);
        Assert.Equal("", ask.Error);
        var line = Assert.Single(ask.Output.Split('\n', StringSplitOptions.RemoveEmptyEntries));
        Assert.Equal("starexpress stops", JsonDocument.Parse(line).RootElement.GetProperty("question").GetString());
    }
}
