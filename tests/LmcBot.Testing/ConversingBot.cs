using LmcBot.Core;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LmcBot.Testing;

/// <summary>
/// The core as every entry point composes it (<c>AddLmcBotCore</c>): a real bot with conversations (follow-up context,
/// "did you mean" choices, feedback) over its own copy of the database built from knowledge/, on the clock the test
/// gives. Rate limits are off, so a test may ask as often as it needs.
/// </summary>
public sealed class ConversingBot : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly ServiceProvider _services;

    /// <param name="configure">Changes to the settings it starts with (<c>Conversation:ChoiceMargin</c>, …).</param>
    public ConversingBot(TimeProvider? time = null, Action<Dictionary<string, string?>>? configure = null)
    {
        var database = _directory.File("lmcbot.db");
        File.Copy(AdminBot.TemplateDatabase, database);
        var settings = new Dictionary<string, string?>
        {
            ["Knowledge:DatabasePath"] = database,
            ["Knowledge:Folder"] = RepoPaths.Knowledge,
            ["RateLimits:PerUserPerMinute"] = "0",
            ["RateLimits:PerScopePerMinute"] = "0",
        };
        configure?.Invoke(settings);
        var services = new ServiceCollection();
        if (time is not null) services.AddSingleton(time);
        services.AddLogging();
        services.AddLmcBotCore(new ConfigurationBuilder().AddInMemoryCollection(settings).Build(), RepoPaths.Root);
        _services = services.BuildServiceProvider();
        Bot = _services.GetRequiredService<ChatBot>();
    }

    public ChatBot Bot { get; }

    public IServiceProvider Services => _services;

    /// <summary>Sends <paramref name="text"/> as a message of one user in one place (a Discord channel, a chat session).</summary>
    public Task<Answer> SendAsync(string text, string user = "u1", string place = "c1", ChatPlatform platform = ChatPlatform.Cli) =>
        Bot.HandleAsync(new ChatRequest { Platform = platform, Sender = new ChatSender(user, user), ConversationId = place, Text = text });

    public void Dispose()
    {
        _services.Dispose();
        _directory.Dispose();
    }
}
