using LmcBot.Discord.Configuration;
using LmcBot.Discord.Gateway;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;
using LmcBot.Testing;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests;

public sealed class DiscordOptionsTests
{
    private static async Task<string?> StartFailureAsync(Dictionary<string, string?> settings, Action<IConfigurationBuilder>? extra = null)
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings());
        builder.Configuration.AddInMemoryCollection(settings);
        extra?.Invoke(builder.Configuration);
        builder.Services.AddSingleton<LmcBot.Core.Chat.IChatBot>(new ScriptedChatBot());
        builder.Services.AddDiscordAdapter(builder.Configuration);
        using var host = builder.Build();
        try
        {
            await host.StartAsync();
            await host.StopAsync();
            return null;
        }
        catch (OptionsValidationException ex)
        {
            return ex.Message;
        }
    }

    [Fact]
    public async Task Start_ModeOffWithNothingSet_Succeeds()
    {
        Assert.Null(await StartFailureAsync([]));
    }

    [Theory]
    [InlineData("Http", "Discord:PublicKey is required when Discord:Mode is Http")]
    [InlineData("Both", "Discord:PublicKey is required when Discord:Mode is Both")]
    [InlineData("Gateway", "Discord:BotToken is required when Discord:Mode is Gateway")]
    public async Task Start_ModeWithMissingKey_FailsNamingTheKey(string mode, string expected)
    {
        var message = await StartFailureAsync(new() { ["Discord:Mode"] = mode });
        Assert.Contains(expected, message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Discord:PublicKey", "not-hex", "Discord:PublicKey must be the 64 hex")]
    [InlineData("Discord:ShardId", "1", "Discord:ShardId must be between 0")]
    [InlineData("Discord:TimestampWindow", "00:00:00", "Discord:TimestampWindow must be positive")]
    [InlineData("Discord:ApiBaseUrl", "discord.com", "Discord:ApiBaseUrl must be an absolute")]
    [InlineData("Discord:ApplicationId", "my-app", "Discord:ApplicationId must be the numeric")]
    [InlineData("Discord:DeferAfter", "00:00:05", "Discord:DeferAfter must be between")]
    public async Task Start_InvalidValue_FailsNamingTheKey(string key, string value, string expected)
    {
        var settings = new Dictionary<string, string?>
        {
            ["Discord:Mode"] = "Http",
            ["Discord:PublicKey"] = InteractionSigner.PublicKeyHex,
            [key] = value,
        };
        Assert.Contains(expected, await StartFailureAsync(settings), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_BotTokenInAppSettingsFile_FailsAskingForEnvironment()
    {
        var folder = Directory.CreateTempSubdirectory();
        try
        {
            var file = Path.Combine(folder.FullName, "appsettings.json");
            await File.WriteAllTextAsync(file, """{ "Discord": { "BotToken": "leaked" } }""");

            var message = await StartFailureAsync([], c => c.AddJsonFile(file));

            Assert.Contains("Discord__BotToken", message, StringComparison.Ordinal);
            Assert.Contains("appsettings.json", message, StringComparison.Ordinal);
        }
        finally
        {
            folder.Delete(recursive: true);
        }
    }

    [Theory]
    [InlineData("Off", false)]
    [InlineData("Http", false)]
    [InlineData("Gateway", true)]
    [InlineData("Both", true)]
    public void AddDiscordAdapter_Mode_RegistersGatewayOnlyWhenNeeded(string mode, bool expected)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:Mode"] = mode,
            ["Discord:PublicKey"] = InteractionSigner.PublicKeyHex,
            ["Discord:BotToken"] = "token",
        }).Build();
        var services = new ServiceCollection().AddDiscordAdapter(configuration);

        Assert.Equal(expected, services.Any(s => s.ServiceType == typeof(IHostedService)
            && s.ImplementationType == typeof(DiscordGatewayHostedService)));
        Assert.Contains(services, s => s.ServiceType == typeof(DiscordGatewayStatus));
        Assert.Equal(!expected, services.BuildServiceProvider().GetRequiredService<DiscordGatewayStatus>().IsReady);
    }

    [Fact]
    public void Bind_AttachmentHostsConfigured_ReplacesDefaults()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(new Dictionary<string, string?>
        {
            ["Discord:AttachmentHosts:0"] = "cdn.discordapp.com",
        }).Build();
        var options = new ServiceCollection().AddDiscordAdapter(configuration).BuildServiceProvider()
            .GetRequiredService<IOptions<DiscordOptions>>().Value;

        Assert.Equal(["cdn.discordapp.com"], options.EffectiveAttachmentHosts);
    }

    [Fact]
    public void DiscordOptions_Defaults_AreDocumentedValues()
    {
        var options = new DiscordOptions();
        Assert.Equal(DiscordMode.Off, options.Mode);
        Assert.Equal("https://discord.com/api/v10", options.ApiBaseUrl);
        Assert.Equal("/discord/interactions", options.InteractionsPath);
        Assert.Equal(TimeSpan.FromMinutes(5), options.TimestampWindow);
        Assert.Equal(["cdn.discordapp.com", "media.discordapp.net"], options.EffectiveAttachmentHosts);
        Assert.Equal(1, options.ShardCount);
    }
}
