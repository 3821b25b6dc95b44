using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;
using LmcBot.Core.Commands;
using LmcBot.Testing;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Logging.Abstractions;

namespace LmcBot.Core.Tests.Chat.Presentation;

public sealed class UnexpectedFailureTests
{
    private static readonly ChatRequest Request = ChatRequest.Question(ChatPlatform.Teams, new ChatSender("u1", "alice"), "When did the railway open?");

    [Fact]
    public async Task AnswerOrApologise_BotThrows_TheOneApologyAsAnInternalError()
    {
        var bot = new ThrowingBot(new InvalidOperationException("bug"));

        var answer = await bot.AnswerOrApologiseAsync(Request, NullLogger.Instance);

        Assert.Same(UnexpectedFailure.Answer, answer);
        Assert.Equal(UnexpectedFailure.Apology, answer.Text);
        Assert.Equal(ErrorKind.Internal, answer.Failure);
        Assert.Equal(Intent.Error, answer.Intent);
    }

    [Fact]
    public async Task AnswerOrApologise_BotThrowsACancellationNobodyAskedFor_Apologises()
    {
        var bot = new ThrowingBot(new OperationCanceledException("an HTTP timeout inside the bot"));

        Assert.Same(UnexpectedFailure.Answer, await bot.AnswerOrApologiseAsync(Request, NullLogger.Instance));
    }

    [Fact]
    public async Task AnswerOrApologise_CallerCancelled_Propagates()
    {
        using var cancelled = new CancellationTokenSource();
        await cancelled.CancelAsync();
        var bot = new ThrowingBot(new OperationCanceledException(cancelled.Token));

        await Assert.ThrowsAnyAsync<OperationCanceledException>(() => bot.AnswerOrApologiseAsync(Request, NullLogger.Instance, cancelled.Token));
    }

    [Fact]
    public void From_LogsTheExceptionAsAnErrorWithoutTheMessageText()
    {
        var logger = new RecordingLogger();

        UnexpectedFailure.From(new InvalidOperationException("bug"), Request, logger);

        var (level, message, exception) = Assert.Single(logger.Entries);
        Assert.Equal(LogLevel.Error, level);
        Assert.IsType<InvalidOperationException>(exception);
        Assert.DoesNotContain("railway", message, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task TheRouter_AHandlerThatThrows_GivesTheSameApology()
    {
        // The router's catch-all goes through the same place as the adapters'.
        var catalog = new CommandCatalog([
            new CommandDefinition("crash", "Fails") { Handler = _ => throw new InvalidOperationException("bug in a handler") },
        ]);
        using var holder = new BotHolder(catalog: catalog);

        var answer = await holder.Bot.HandleAsync(ChatRequest.ForCommand(ChatPlatform.Cli, ChatSender.LocalUser, "crash"));

        Assert.Same(UnexpectedFailure.Answer, answer);
    }

    private sealed class ThrowingBot(Exception exception) : IChatBot
    {
        public Task<Answer> HandleAsync(ChatRequest request, CancellationToken cancellationToken = default) => throw exception;

        public IReadOnlyList<string> Complete(string command, string option, string partial, int max = 25) => [];
    }

    private sealed class RecordingLogger : ILogger
    {
        public List<(LogLevel Level, string Message, Exception? Exception)> Entries { get; } = [];

        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            Entries.Add((logLevel, formatter(state, exception), exception));
    }
}
