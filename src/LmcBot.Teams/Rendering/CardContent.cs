using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;

namespace LmcBot.Teams.Rendering;

/// <summary>
/// What goes on one answer card, before layout. <see cref="Compact"/> and <see cref="Minimal"/>
/// are the steps the renderer takes, in that order, when a card is over the size limit.
/// </summary>
internal sealed record CardContent
{
    public string? Title { get; init; }

    public required string Text { get; init; }

    public bool IsError { get; init; }

    public IReadOnlyList<AnswerField> Fields { get; init; } = [];

    /// <summary>Small print under the answer (an export too big to show, …).</summary>
    public IReadOnlyList<string> Notes { get; init; } = [];

    /// <summary>Extra blocks after the answer (the help card's command list).</summary>
    public IReadOnlyList<CardElement> Sections { get; init; } = [];

    public IReadOnlyList<Citation> Citations { get; init; } = [];

    public IReadOnlyList<FollowUp> FollowUps { get; init; } = [];

    /// <summary>"Did you mean" choices, shown first; kept however small the card must be (they are the reply).</summary>
    public IReadOnlyList<FollowUp> Choices { get; init; } = [];

    /// <summary>The "Helpful" and "Not right" actions, shown last.</summary>
    public IReadOnlyList<FollowUp> Feedback { get; init; } = [];

    /// <summary>Every action of the card in order: choices, follow-ups, feedback.</summary>
    public IEnumerable<FollowUp> Actions => Choices.Concat(AnswerDisplay.FollowUps(FollowUps)).Concat(Feedback);

    /// <summary>What of <paramref name="answer"/> a card shows: the core's choice of sources and follow-ups (<see cref="AnswerDisplay"/>).</summary>
    public static CardContent From(Answer answer) => new()
    {
        Title = answer.Title,
        Text = answer.Text,
        IsError = answer.IsError,
        Fields = answer.Fields,
        Citations = AnswerDisplay.Citations(answer),
        FollowUps = AnswerDisplay.FollowUps(answer),
        Choices = AnswerDisplay.Choices(answer),
        Feedback = answer.Feedback,
    };

    /// <summary>Keeps everything that matters in a few kilobytes, leaving the answer text alone.</summary>
    public CardContent Compact() => this with
    {
        Title = Title is null ? null : TextShortening.Shorten(Title, 150),
        Fields = [.. Fields.Take(12).Select(f => new AnswerField(TextShortening.Shorten(f.Name, 60), TextShortening.Shorten(f.Value, 300)))],
        Notes = [.. Notes.Select(n => TextShortening.Shorten(n, 300))],
        Citations = [.. Citations.Take(1).Select(c => c with
        {
            Title = TextShortening.Shorten(c.Title, 200),
            Quote = TextShortening.Shorten(c.Quote, 400),
            Publisher = c.Publisher is null ? null : TextShortening.Shorten(c.Publisher, 100),
            Url = c.Url is { Length: > 500 } ? null : c.Url,
        })],
        FollowUps = [.. AnswerDisplay.FollowUps(FollowUps).Select(Shorten)],
        Choices = [.. Choices.Select(Shorten)],
    };

    private static FollowUp Shorten(FollowUp f) => new(TextShortening.Shorten(f.Label, 60), TextShortening.Shorten(f.Input, 300));

    /// <summary>The answer and its first source only: the last resort before cutting the text to nothing.</summary>
    public CardContent Minimal() => Compact() with { Fields = [], Notes = [], Sections = [], FollowUps = [] };
}
