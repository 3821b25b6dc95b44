using LmcBot.Core.Answering;
using LmcBot.Core;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;
using LmcBot.Core.Knowledge;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace LmcBot.Testing;

/// <summary>
/// The core composed as the host and the CLI compose it (<c>AddLmcBotCore</c>: conversations, feedback, metrics), over
/// its own copy of the shipped database: for tests of what happens across messages (an answer, then a vote on it).
/// Rate limits are off; anything else is set with <c>settings</c> (<c>Admin:DiscordRoleIds:0</c>).
/// </summary>
public sealed class ConversingBot : IDisposable
{
    private readonly TempDirectory _directory = new();
    private readonly Dictionary<string, string?> _settings;
    private readonly TimeProvider? _time;
    private ServiceProvider _services;

    /// <param name="time">The clock of the whole core (token expiry, vote times); the system's when null.</param>
    public ConversingBot(IReadOnlyDictionary<string, string?>? settings = null, TimeProvider? time = null)
    {
        DatabasePath = _directory.File("lmcbot.db");
        File.Copy(AdminBot.TemplateDatabase, DatabasePath);
        _settings = new Dictionary<string, string?>
        {
            ["Knowledge:DatabasePath"] = DatabasePath,
            ["Knowledge:Folder"] = RepoPaths.Knowledge,
            ["RateLimits:PerUserPerMinute"] = "0",
            ["RateLimits:PerScopePerMinute"] = "0",
        };
        foreach (var (name, value) in settings ?? new Dictionary<string, string?>()) _settings[name] = value;
        _time = time;
        _services = Compose();
    }

    public string DatabasePath { get; }

    public IServiceProvider Services => _services;

    public ChatBot Bot => _services.GetRequiredService<ChatBot>();

    public KnowledgeBase KnowledgeBase => _services.GetRequiredService<KnowledgeBase>();

    /// <summary>Closes the database and composes everything again on the same file, as a restart does (tokens are forgotten).</summary>
    public void Restart()
    {
        Stop();
        _services = Compose();
    }

    /// <summary>Closes the database, as a host that stops does; the file stays until <see cref="Dispose"/>.</summary>
    public void Stop() => _services.Dispose();

    /// <summary>Every vote stored, as the database holds it.</summary>
    public IReadOnlyList<FeedbackVote> Votes() => KnowledgeBase.Store.Read(s => s.Feedback.FindAll().ToList());

    /// <summary>Sends <paramref name="text"/> as a message of one user in one place (a Discord channel, a chat session).</summary>
    public Task<Answer> SendAsync(string text, string user, string place, ChatPlatform platform = ChatPlatform.Cli) =>
        Bot.HandleAsync(new ChatRequest { Platform = platform, Sender = new ChatSender(user, user), ConversationId = place, Text = text });

    /// <summary>Sends a message (a question, a text command, a button's input) from <paramref name="sender"/>, the local CLI user by default.</summary>
    public Task<Answer> SendAsync(string text, ChatSender? sender = null, ChatPlatform platform = ChatPlatform.Cli, string? scopeId = null) =>
        Bot.HandleAsync(new ChatRequest { Platform = platform, Sender = sender ?? ChatSender.LocalUser, Text = text, ScopeId = scopeId, ConversationId = "test" });

    public void Dispose()
    {
        _services.Dispose();
        _directory.Dispose();
    }

    private ServiceProvider Compose()
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(_settings).Build();
        var services = new ServiceCollection();
        services.AddLogging();
        if (_time is not null) services.AddSingleton(_time);
        services.AddLmcBotCore(configuration, RepoPaths.Root);
        return services.BuildServiceProvider(new ServiceProviderOptions { ValidateOnBuild = true });
    }
}
