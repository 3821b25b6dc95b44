namespace LmcBot.Core.Chat;

/// <summary>The platform-neutral reply. Adapters render it within their platform's limits.</summary>
public sealed record Answer
{
    /// <summary>False when the bot declined (no supporting fact), refused, or reported an error.</summary>
    public required bool Answered { get; init; }

    /// <summary>The intent or command that produced it (route, investors, figure, decline, kb.add, …).</summary>
    public required string Intent { get; init; }

    public required string Text { get; init; }

    /// <summary>An optional short heading (embed title, card title).</summary>
    public string? Title { get; init; }

    public double Confidence { get; init; }

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    public IReadOnlyList<AnswerField> Fields { get; init; } = [];

    /// <summary>The ids of the facts the answer states (feedback and evaluation read them; adapters do not show them).</summary>
    public IReadOnlyList<string> FactIds { get; init; } = [];

    /// <summary>Up to three suggested next steps.</summary>
    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];

    /// <summary>Only the asker should see it (Discord ephemeral). Errors a user caused are private.</summary>
    public bool Private { get; init; }

    /// <summary>The request failed because of what the user sent (usage, permission, validation).</summary>
    public bool IsError { get; init; }

    public AnswerFile? File { get; init; }

    public static Answer Error(string intent, string text) =>
        new() { Answered = false, Intent = intent, Text = text, Private = true, IsError = true };
}
