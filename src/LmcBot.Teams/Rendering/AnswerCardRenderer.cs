using System.Text;
using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;
using LmcBot.Core.Commands;
using LmcBot.Teams.Activities;

namespace LmcBot.Teams.Rendering;

/// <summary>
/// Renders a neutral <see cref="Answer"/> as Teams activities: one Adaptive Card message (answer,
/// facts, sources with quotes, up to three follow-up buttons; <c>fallbackText</c> on the card and
/// a notification <c>summary</c>, no separate <c>text</c>), plus a code-block message for a small
/// text file. Every activity stays within <see cref="MaxBytes"/>: extra sources, long quotes and
/// fields are trimmed first, the answer text last.
/// </summary>
internal sealed class AnswerCardRenderer(CommandCatalog catalog)
{
    public const string ShortenedNote = "_(Shortened to fit a Teams message.)_";

    private const int SummaryChars = 100;
    private const int FallbackChars = 400;

    public int MaxBytes { get; init; } = ActivitySizeLimit.MaxBytes;

    public IReadOnlyList<byte[]> Render(Answer answer, ActivityEnvelope envelope)
    {
        var content = CardContent.From(answer);
        if (answer.Commands.Count > 0)
        {
            // The help answer's command list, with example buttons, replaces its plain fields (the same list as text).
            content = content with { Title = answer.Title ?? "Help", Fields = [], Sections = HelpCardSections.From(answer.Commands) };
        }

        byte[]? fileMessage = null;
        if (answer.File is { } file)
        {
            fileMessage = FileMessage(file, envelope);
            if (fileMessage is null)
                content = content with
                {
                    Notes = [.. content.Notes, $"{file.FileName} ({Kilobytes(file.Content.Length)} KB) cannot be sent in a Teams message (bots need Microsoft Graph permissions to share files): run `LmcBot kb export --out DIR` on the server instead."],
                };
        }

        var card = Fit(content, envelope);
        return fileMessage is null ? [card] : [card, fileMessage];
    }

    /// <summary>
    /// The welcome card: a greeting in the bot's own name, then the core's introduction of itself,
    /// with things to try as buttons.
    /// </summary>
    public byte[] Welcome(Answer introduction, ActivityEnvelope envelope) => Fit(
        CardContent.From(introduction) with
        {
            Title = envelope.Bot?.Name is { Length: > 0 } name ? $"Hello! I'm {name}." : "Hello!",
            FollowUps = introduction.FollowUps.Count > 0 ? introduction.FollowUps : HelpCardSections.Suggestions(catalog),
        },
        envelope);

    public static byte[] Typing(ActivityEnvelope envelope) => TeamsJson.Serialize(new OutboundActivity
    {
        Type = ActivityTypes.Typing,
        From = envelope.Bot,
        Recipient = envelope.User,
        Conversation = envelope.Conversation,
    });

    internal byte[] Fit(CardContent content, ActivityEnvelope envelope)
    {
        var json = Serialize(content, envelope);
        if (json.Length <= MaxBytes)
            return json;
        var compact = content.Compact();
        json = Serialize(compact, envelope);
        if (json.Length <= MaxBytes)
            return json;
        return LongestFittingText(compact, envelope)
            ?? LongestFittingText(content.Minimal(), envelope)
            ?? throw new InvalidOperationException("Even a minimal card is over the Teams size limit.");
    }

    /// <summary>The card with the longest prefix of its text that fits, found by halving; null when none does.</summary>
    private byte[]? LongestFittingText(CardContent content, ActivityEnvelope envelope)
    {
        byte[]? best = null;
        int low = 0, high = content.Text.Length;
        while (low <= high)
        {
            var length = low + (high - low) / 2;
            var json = Serialize(content with { Text = TextShortening.Shorten(content.Text, length) + "\n\n" + ShortenedNote }, envelope);
            if (json.Length <= MaxBytes)
            {
                best = json;
                low = length + 1;
            }
            else
            {
                high = length - 1;
            }
        }
        return best;
    }

    private static byte[] Serialize(CardContent content, ActivityEnvelope envelope) =>
        TeamsJson.Serialize(envelope.Message() with
        {
            Summary = content.Title is { Length: > 0 } title
                ? TextShortening.Shorten(title, SummaryChars)
                : CardText.FirstLine(content.Text, SummaryChars),
            Attachments = [new CardAttachment(Layout(content))],
        });

    private static AdaptiveCard Layout(CardContent content)
    {
        var body = new List<CardElement>();
        if (content.Title is { Length: > 0 } title)
            body.Add(new TextBlock(title) { Weight = "Bolder", Size = "Medium" });
        body.Add(new TextBlock(CardText.ToCardMarkdown(content.Text)) { Color = content.IsError ? "attention" : null });
        if (content.Fields.Count > 0)
            body.Add(new FactSet([.. content.Fields.Select(f => new Fact(f.Name, f.Value))]));
        foreach (var note in content.Notes)
            body.Add(new TextBlock(note) { Size = "Small", IsSubtle = true });
        body.AddRange(content.Sections);
        foreach (var citation in AnswerDisplay.Citations(content.Citations))
        {
            body.Add(new Container(
            [
                new TextBlock($"Source: {citation.SourceLine()}") { Size = "Small", IsSubtle = true },
                new TextBlock($"“{citation.Quote}”") { Size = "Small", IsSubtle = true },
            ]) { Separator = true, Spacing = "medium" });
        }

        return new AdaptiveCard
        {
            FallbackText = Fallback(content),
            Body = body,
            Actions = content.Actions.ToList() is { Count: > 0 } actions
                ? [.. actions.Select(f => new SubmitAction(f.Label, new SubmitData(f.Input)))]
                : null,
        };
    }

    private static string Fallback(CardContent content)
    {
        var text = TextShortening.Shorten(content.Text, FallbackChars);
        var fallback = content.Title is { Length: > 0 } title ? $"{title}: {text}" : text;
        return content.Citations.Count > 0 ? $"{fallback} (Source: {TextShortening.Shorten(content.Citations[0].Title, 100)})" : fallback;
    }

    /// <summary>
    /// A text file as a Markdown code block in a plain message (cards have no code blocks);
    /// null when it is not text, holds a fence, or would pass the size limit.
    /// </summary>
    private byte[]? FileMessage(AnswerFile file, ActivityEnvelope envelope)
    {
        if (file.Content.Length >= MaxBytes || !IsText(file))
            return null;
        string text;
        try
        {
            text = new UTF8Encoding(false, true).GetString(file.Content);
        }
        catch (DecoderFallbackException)
        {
            return null;
        }
        if (text.Contains("```", StringComparison.Ordinal))
            return null;
        var json = TeamsJson.Serialize(envelope.Message() with
        {
            TextFormat = "markdown",
            Text = $"**{file.FileName}**\n\n```\n{text.TrimEnd()}\n```",
        });
        return json.Length <= MaxBytes ? json : null;
    }

    private static bool IsText(AnswerFile file) =>
        file.ContentType.StartsWith("text/", StringComparison.OrdinalIgnoreCase)
        || file.ContentType.Contains("yaml", StringComparison.OrdinalIgnoreCase)
        || file.ContentType.Contains("json", StringComparison.OrdinalIgnoreCase)
        || file.ContentType.Contains("markdown", StringComparison.OrdinalIgnoreCase);

    private static int Kilobytes(int bytes) => (bytes + 1023) / 1024;
}
