using LmcBot.Core.Chat;

namespace LmcBot.Teams.Rendering;

/// <summary>
/// What goes on one answer card, before layout. <see cref="Compact"/> and <see cref="Minimal"/>
/// are the steps the renderer takes, in that order, when a card is over the size limit.
/// </summary>
internal sealed record CardContent
{
    public const int MaxCitations = 3;
    public const int MaxFollowUps = 3;

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

    public static CardContent From(Answer answer) => new()
    {
        Title = answer.Title,
        Text = answer.Text,
        IsError = answer.IsError,
        Fields = answer.Fields,
        Citations = answer.Citations,
        FollowUps = answer.FollowUps,
    };

    /// <summary>Keeps everything that matters in a few kilobytes, leaving the answer text alone.</summary>
    public CardContent Compact() => this with
    {
        Title = Title is null ? null : CardText.Cut(Title, 150),
        Fields = [.. Fields.Take(12).Select(f => new AnswerField(CardText.Cut(f.Name, 60), CardText.Cut(f.Value, 300)))],
        Notes = [.. Notes.Select(n => CardText.Cut(n, 300))],
        Citations = [.. Citations.Take(1).Select(c => c with
        {
            Title = CardText.Cut(c.Title, 200),
            Quote = CardText.Cut(c.Quote, 400),
            Publisher = c.Publisher is null ? null : CardText.Cut(c.Publisher, 100),
            Url = c.Url is { Length: > 500 } ? null : c.Url,
        })],
        FollowUps = [.. FollowUps.Take(MaxFollowUps).Select(f => new FollowUp(CardText.Cut(f.Label, 60), CardText.Cut(f.Input, 300)))],
    };

    /// <summary>The answer and its first source only: the last resort before cutting the text to nothing.</summary>
    public CardContent Minimal() => Compact() with { Fields = [], Notes = [], Sections = [], FollowUps = [] };
}
