namespace LmcBot.Core.Chat;

/// <summary>The platform-neutral reply. Adapters render it within their platform's limits.</summary>
public sealed record Answer
{
    /// <summary>False when the bot declined (no supporting fact), refused, or reported an error.</summary>
    public required bool Answered { get; init; }

    /// <summary>The intent or command that produced it (route, investors, figure, decline, kb.add, …).</summary>
    public required Intent Intent { get; init; }

    public required string Text { get; init; }

    /// <summary>An optional short heading (embed title, card title).</summary>
    public string? Title { get; init; }

    public double Confidence { get; init; }

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    public IReadOnlyList<AnswerField> Fields { get; init; } = [];

    /// <summary>The ids of the facts the answer states (feedback and evaluation read them; adapters do not show them).</summary>
    public IReadOnlyList<string> FactIds { get; init; } = [];

    /// <summary>Suggested next steps; the surfaces show the first <see cref="Presentation.AnswerDisplay.MaxFollowUps"/>.</summary>
    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];

    /// <summary>
    /// "Did you mean …?": at most three questions the bot could not choose between, each a button (Discord, Teams) or a
    /// numbered line (chat) whose input answers that question. Empty for every other reply.
    /// </summary>
    public IReadOnlyList<FollowUp> Choices { get; init; } = [];

    /// <summary>
    /// The two feedback actions on an answer, "Helpful" first and "Not right" second, each carrying a short verified token
    /// (<c>feedback token:… vote:helpful</c> / <c>vote:wrong</c>); empty on everything that is not an answer.
    /// </summary>
    public IReadOnlyList<FollowUp> Feedback { get; init; } = [];

    /// <summary>Only the asker should see it (Discord ephemeral). Errors a user caused are private.</summary>
    public bool Private { get; init; }

    /// <summary>Why the request was refused or failed; null for answers, declines and informational replies.</summary>
    public ErrorKind? Failure { get; init; }

    /// <summary>The request was refused or failed (usage, permission, validation, an internal error).</summary>
    public bool IsError => Failure is not null;

    /// <summary>The commands a help answer lists, built once from the catalog; adapters render them as they like (Teams: buttons).</summary>
    public IReadOnlyList<CommandHelp> Commands { get; init; } = [];

    public AnswerFile? File { get; init; }

    /// <summary>A refusal that belongs to no command; its intent is the kind's (<c>usage</c>, <c>admin-only</c>, …).</summary>
    public static Answer Error(ErrorKind kind, string text) => Error(Intent.Of(kind), kind, text);

    /// <summary>A refusal of a command (<paramref name="intent"/> <c>kb.add</c>, <c>route</c>); only the asker sees it.</summary>
    public static Answer Error(Intent intent, ErrorKind kind, string text) =>
        new() { Answered = false, Intent = intent, Text = text, Private = true, Failure = kind };
}
