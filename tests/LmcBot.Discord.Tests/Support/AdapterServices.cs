using LmcBot.Core.Chat;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using LmcBot.Testing;
using LmcBot.Testing.Discord;

namespace LmcBot.Discord.Tests.Support;

/// <summary>The adapter's services without a web host (REST client, registrar), pointed at a fake Discord.</summary>
public static class AdapterServices
{
    public static ServiceProvider Create(FakeDiscord discord, IChatBot? bot = null, TimeProvider? time = null,
        Action<Dictionary<string, string?>>? configure = null, string mode = "Off")
    {
        var settings = BotHost.Settings(discord, mode);
        configure?.Invoke(settings);
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (time is not null)
            services.AddSingleton(time);
        services.AddSingleton(bot ?? new ScriptedChatBot());
        services.AddDiscordAdapter(configuration);
        return services.BuildServiceProvider(validateScopes: true);
    }
}
