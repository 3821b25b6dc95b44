using System.Text.Json.Nodes;
using LmcBot.Discord.Commands;
using LmcBot.Discord.Tests.Support;
using Microsoft.Extensions.DependencyInjection;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

public sealed class DiscordCommandRegistrarTests : IAsyncLifetime
{
    private const string Guild = "2000000000000000000";
    private FakeDiscord _discord = null!;
    private ServiceProvider _services = null!;

    public async Task InitializeAsync()
    {
        _discord = await FakeDiscord.StartAsync();
        _services = AdapterServices.Create(_discord);
    }

    public async Task DisposeAsync()
    {
        await _services.DisposeAsync();
        await _discord.DisposeAsync();
    }

    private async Task<(int Code, string Output)> RegisterAsync(string? guild, ServiceProvider? services = null)
    {
        var output = new StringWriter();
        var code = await (services ?? _services).GetRequiredService<DiscordCommandRegistrar>().RegisterAsync(guild, output, CancellationToken.None);
        return (code, output.ToString());
    }

    [Fact]
    public async Task RegisterAsync_EmptyGuild_PutsCatalogJsonAndReportsCreated()
    {
        var (code, output) = await RegisterAsync(Guild);

        Assert.Equal(0, code);
        var put = Assert.Single(_discord.Requests, r => r.Method == "PUT");
        Assert.Equal($"/applications/{FakeDiscord.ApplicationId}/guilds/{Guild}/commands", put.Path);
        Assert.Equal(_services.GetRequiredService<DiscordCommandBuilder>().Build().ToJsonString(), put.Json()!.ToJsonString());
        Assert.Contains("created: ask, route, investors, citypairs, trade, about, sources, help, kb", output, StringComparison.Ordinal);
        Assert.Contains("changed: none", output, StringComparison.Ordinal);
        Assert.Contains("removed: none", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_SecondRun_IdempotentNothingSent()
    {
        await RegisterAsync(Guild);

        var (code, output) = await RegisterAsync(Guild);

        Assert.Equal(0, code);
        Assert.Single(_discord.Requests, r => r.Method == "PUT");
        Assert.Contains("up to date", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_StaleAndExtraCommands_ReportsChangedAndRemoved()
    {
        await RegisterAsync(Guild);
        var current = _discord.Commands(Guild)!;
        current.OfType<JsonObject>().Single(c => c["name"]!.GetValue<string>() == "ask")["description"] = "old text";
        current.Add(new JsonObject { ["id"] = "1", ["name"] = "obsolete", ["type"] = 1, ["description"] = "gone" });

        var (code, output) = await RegisterAsync(Guild);

        Assert.Equal(0, code);
        Assert.Contains("created: none", output, StringComparison.Ordinal);
        Assert.Contains("changed: ask", output, StringComparison.Ordinal);
        Assert.Contains("removed: obsolete", output, StringComparison.Ordinal);
        Assert.DoesNotContain(_discord.Commands(Guild)!, c => c!["name"]!.GetValue<string>() == "obsolete");
    }

    [Fact]
    public async Task RegisterAsync_NoGuildAndNoDevelopmentGuild_RegistersGlobally()
    {
        var (code, _) = await RegisterAsync(null);

        Assert.Equal(0, code);
        Assert.Equal($"/applications/{FakeDiscord.ApplicationId}/commands", Assert.Single(_discord.Requests, r => r.Method == "PUT").Path);
    }

    [Fact]
    public async Task RegisterAsync_NoGuildWithDevelopmentGuild_RegistersInThatGuild()
    {
        await using var services = AdapterServices.Create(_discord, configure: s => s["Discord:DevelopmentGuildId"] = "2000000000000000042");

        await RegisterAsync(null, services);

        Assert.EndsWith("/guilds/2000000000000000042/commands", Assert.Single(_discord.Requests, r => r.Method == "PUT").Path, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RegisterAsync_NoBotToken_Returns2NamingTheSetting()
    {
        await using var services = AdapterServices.Create(_discord, configure: s => s["Discord:BotToken"] = null);

        var (code, output) = await RegisterAsync(Guild, services);

        Assert.Equal(2, code);
        Assert.Contains("Discord__BotToken", output, StringComparison.Ordinal);
        Assert.Empty(_discord.Requests);
    }

    [Fact]
    public async Task RegisterAsync_DiscordRefuses_Returns1WithReason()
    {
        _discord.Script("PUT", "/applications/", 400, new JsonObject { ["code"] = 50035, ["message"] = "Invalid Form Body" });

        var (code, output) = await RegisterAsync(Guild);

        Assert.Equal(1, code);
        Assert.Contains("Invalid Form Body", output, StringComparison.Ordinal);
    }
}
