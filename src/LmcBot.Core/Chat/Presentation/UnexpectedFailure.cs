using Microsoft.Extensions.Logging;

namespace LmcBot.Core.Chat.Presentation;

/// <summary>
/// What a user is told when answering failed unexpectedly (a bug, a broken store), on every surface: one apology, and
/// the one place that turns the exception into it, logging the exception for the operators. The router catches its
/// handlers' failures here; the adapters call the bot through <see cref="AnswerOrApologiseAsync"/> so a bot that breaks
/// its never-throws contract still gets the same reply instead of silence.
/// </summary>
public static class UnexpectedFailure
{
    /// <summary>The apology. It does not promise that nothing changed: the router's admin changes are each one transaction, but an adapter cannot know.</summary>
    public const string Apology = "Something went wrong on my side while answering. The error was logged for the operators; please try again in a moment.";

    /// <summary>The answer that carries <see cref="Apology"/>: an internal error, shown only to the asker where the platform can.</summary>
    public static Answer Answer { get; } = Chat.Answer.Error(ErrorKind.Internal, Apology);

    /// <summary>Logs <paramref name="exception"/> (with where the request came from, never its text) and returns <see cref="Answer"/>.</summary>
    public static Answer From(Exception exception, ChatRequest request, ILogger logger)
    {
        ArgumentNullException.ThrowIfNull(exception);
        logger.LogError(exception, "Answering a {Command} request on {Platform} failed (conversation {ConversationId})",
            request.Command ?? "free text", request.Platform, request.ConversationId ?? "-");
        return Answer;
    }

    /// <summary>
    /// The bot's answer, or <see cref="Answer"/> when it throws anything but the cancellation that
    /// <paramref name="cancellationToken"/> asked for (which propagates: nobody is waiting for a reply).
    /// </summary>
    public static async Task<Answer> AnswerOrApologiseAsync(this IChatBot bot, ChatRequest request, ILogger logger,
        CancellationToken cancellationToken = default)
    {
        try
        {
            return await bot.HandleAsync(request, cancellationToken).ConfigureAwait(false);
        }
        catch (Exception exception) when (exception is not OperationCanceledException || !cancellationToken.IsCancellationRequested)
        {
            return From(exception, request, logger);
        }
    }
}
