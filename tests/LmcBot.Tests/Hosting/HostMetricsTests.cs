using LmcBot.Core.Chat;
using Microsoft.Extensions.DependencyInjection;

namespace LmcBot.Tests.Hosting;

/// <summary>
/// The collection that runs alone: OpenTelemetry's meter listener is process-wide, so a host's /metrics also
/// counts what hosts in parallel tests record on their own meters of the same name, and exact counts flake.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class ProcessWideMetricsCollection
{
    public const string Name = "process-wide metrics";
}

/// <summary>The host's /metrics after questions and admin changes: exact counts, so run alone.</summary>
[Collection(ProcessWideMetricsCollection.Name)]
public sealed class HostMetricsTests
{
    private static readonly ChatSender Member = new("1001", "member");

    [Fact]
    public async Task Metrics_AfterQuestions_ExposeAnsweredDeclinedAndLatencyByPlatform()
    {
        await using var host = await HostFixture.StartAsync();
        var bot = host.App.Services.GetRequiredService<IChatBot>();

        var answered = await bot.HandleAsync(ChatRequest.Question(ChatPlatform.Discord, Member, "starexpress stops"));
        var declined = await bot.HandleAsync(ChatRequest.Question(ChatPlatform.Teams, Member, "What is the population of Mars colonies in 2090?"));
        var metrics = await host.Client.GetStringAsync("/metrics");

        Assert.True(answered.Answered);
        Assert.False(declined.Answered);
        Assert.Matches($"lmcbot_questions_answered_total\\{{[^}}]*intent=\"{answered.Intent}\"[^}}]*platform=\"Discord\"[^}}]*\\}} 1", metrics);
        Assert.Matches("lmcbot_questions_declined_total\\{[^}]*platform=\"Teams\"[^}]*\\} 1", metrics);
        Assert.Matches("lmcbot_answer_duration_seconds_count\\{[^}]*platform=\"Discord\"[^}]*\\} 1", metrics);
    }

    [Fact]
    public async Task Metrics_AdminChange_CountedOnce_ReadsNotCounted()
    {
        await using var host = await HostFixture.StartAsync();
        var bot = host.App.Services.GetRequiredService<IChatBot>();
        ChatRequest Local(string text) => new() { Platform = ChatPlatform.Cli, Sender = ChatSender.LocalUser, Text = text };

        var added = await bot.HandleAsync(Local("kb add citypair city_a:Nanning city_b:Vientiane status:\"friendship city\" admin_note:true"));
        var listed = await bot.HandleAsync(Local("kb list"));
        var metrics = await host.Client.GetStringAsync("/metrics");

        Assert.Equal("kb.add", added.Intent.Name);
        Assert.True(added.Answered, added.Text);
        Assert.Equal("kb.list", listed.Intent.Name);
        Assert.Matches("lmcbot_admin_changes_total\\{[^}]*intent=\"kb.add\"[^}]*platform=\"Cli\"[^}]*\\} 1", metrics);
        Assert.DoesNotContain("lmcbot_admin_changes_total{intent=\"kb.list\"", metrics);
    }

    [Fact]
    public async Task RateLimit_OneUserOverTheLimit_GetsPoliteReply_OthersStillAnswered()
    {
        await using var host = await HostFixture.StartAsync(new Dictionary<string, string?> { ["RateLimits:PerUserPerMinute"] = "2" });
        var bot = host.App.Services.GetRequiredService<IChatBot>();
        ChatRequest Ask(string user) => ChatRequest.Question(ChatPlatform.Discord, new ChatSender(user, user), "starexpress stops") with { ScopeId = "42" };

        await bot.HandleAsync(Ask("noisy"));
        await bot.HandleAsync(Ask("noisy"));
        var third = await bot.HandleAsync(Ask("noisy"));
        var other = await bot.HandleAsync(Ask("quiet"));

        Assert.Equal("rate-limited", third.Intent.Name);
        Assert.True(third.Private);
        Assert.Matches("^You're asking faster than I can answer; try again in \\d+ seconds?\\.$", third.Text);
        Assert.True(other.Answered);
        Assert.Matches("lmcbot_requests_refused_total\\{[^}]*intent=\"rate-limited\"[^}]*\\} 1", await host.Client.GetStringAsync("/metrics"));
    }
}
