using LmcBot.Core.Chat;
using LmcBot.Core.Chat.Presentation;

namespace LmcBot.Discord.Rendering;

/// <summary>
/// Turns a neutral <see cref="Answer"/> into a Discord message within every limit: an embed (title, answer text,
/// fields, the quoted sources with their source lines in the footer) and the follow-up buttons; errors the user
/// caused become a short ephemeral text. How many sources and buttons show, and how text is shortened, is the core's
/// (<see cref="AnswerDisplay"/>, <see cref="TextShortening"/>); Discord's part is its limits and its JSON. Mentions never ping.
/// </summary>
internal sealed class AnswerRenderer(FollowUpIdCodec idCodec)
{
    private const int MinUsefulValue = 16;
    private const int EmbedColour = 0x2E86C1;

    public DiscordMessage Render(Answer answer, bool forcePrivate = false)
    {
        var ephemeral = forcePrivate || answer.Private || answer.IsError;
        var message = answer.IsError
            ? new MessagePayload { Content = TextTruncator.Truncate(Fallback(answer.Text), DiscordLimits.Content) }
            : new MessagePayload
            {
                Embeds = [BuildEmbed(answer)],
                Components = BuildRows(answer) is { Count: > 0 } rows ? rows : null,
            };
        message = message with
        {
            AllowedMentions = AllowedMentions.None,
            Flags = ephemeral ? MessageFlags.Ephemeral : null,
            Attachments = answer.File is { } file ? [new AttachmentSlot(0, file.FileName)] : null,
        };
        return new DiscordMessage(message, answer.File);
    }

    /// <summary>A plain ephemeral notice (adapter-side errors such as a rejected attachment).</summary>
    public static DiscordMessage Notice(string text, bool ephemeral = true) =>
        new(new MessagePayload
        {
            Content = TextTruncator.Truncate(Fallback(text), DiscordLimits.Content),
            AllowedMentions = AllowedMentions.None,
            Flags = ephemeral ? MessageFlags.Ephemeral : null,
        }, null);

    private static Embed BuildEmbed(Answer answer)
    {
        // Greedy within the 6000-character total, most important first: title, the first source quote, the
        // answer text, the source lines (footer), further quotes, then the answer's own fields.
        var budget = new Budget(DiscordLimits.EmbedTotal);

        var title = !string.IsNullOrWhiteSpace(answer.Title) ? budget.Take(answer.Title, DiscordLimits.EmbedTitle) : null;

        var citations = AnswerDisplay.Citations(answer);
        var sourceFields = new List<EmbedField>();
        if (citations.Count > 0 && SourceField(citations.Count == 1 ? "Source" : "Source 1", citations[0], budget) is { } first)
            sourceFields.Add(first);

        var description = budget.Take(Fallback(answer.Text), DiscordLimits.EmbedDescription);

        var footer = BuildFooter(citations, budget) is { Length: > 0 } text ? new EmbedFooter(text) : null;

        for (var i = 1; i < citations.Count; i++)
            if (SourceField($"Source {i + 1}", citations[i], budget) is { } more)
                sourceFields.Add(more);

        var fields = new List<EmbedField>();
        foreach (var field in answer.Fields)
        {
            if (fields.Count + sourceFields.Count >= DiscordLimits.EmbedFields)
                break;
            if (Field(field.Name, field.Value, budget) is { } built)
                fields.Add(built);
        }
        fields.AddRange(sourceFields);

        return new Embed
        {
            Color = EmbedColour,
            Title = title,
            Description = description,
            Footer = footer,
            Fields = fields.Count > 0 ? fields : null,
        };
    }

    private static EmbedField? SourceField(string name, Citation citation, Budget budget)
    {
        var quote = string.IsNullOrWhiteSpace(citation.Quote) ? citation.Title : $"“{citation.Quote.Trim()}”";
        return Field(name, quote, budget);
    }

    private static string? BuildFooter(IReadOnlyList<Citation> citations, Budget budget)
    {
        if (citations.Count == 0 || budget.Remaining < MinUsefulValue)
            return null;
        var lines = citations.Count == 1
            ? citations[0].SourceLine()
            : string.Join('\n', citations.Select((c, i) => $"{i + 1}. {c.SourceLine()}"));
        return budget.Take(lines, DiscordLimits.FooterText);
    }

    private static EmbedField? Field(string name, string value, Budget budget)
    {
        var shortName = TextTruncator.Truncate(Fallback(name), DiscordLimits.FieldName);
        if (budget.Remaining < shortName.Length + MinUsefulValue)
            return null;
        var taken = budget.Take(shortName, DiscordLimits.FieldName);
        return new EmbedField(taken, budget.Take(Fallback(value), DiscordLimits.FieldValue));
    }

    /// <summary>One row each, in this order: the "did you mean" choices, the follow-ups, the feedback votes.</summary>
    private List<ActionRow> BuildRows(Answer answer)
    {
        var rows = new List<ActionRow>(3);
        if (BuildButtons(AnswerDisplay.Choices(answer), _ => ButtonStyle.Primary) is { } choices) rows.Add(choices);
        if (BuildButtons(AnswerDisplay.FollowUps(answer), _ => ButtonStyle.Secondary) is { } followUps) rows.Add(followUps);
        if (BuildButtons(answer.Feedback, vote => vote == 0 ? ButtonStyle.Success : ButtonStyle.Danger) is { } feedback) rows.Add(feedback);
        return rows;
    }

    private ActionRow? BuildButtons(IReadOnlyList<FollowUp> followUps, Func<int, ButtonStyle> style)
    {
        var buttons = followUps
            .Take(DiscordLimits.ButtonsPerRow)
            .Select((followUp, i) => new Button(
                style(i),
                TextTruncator.Truncate(Fallback(followUp.Label, followUp.Input), DiscordLimits.ButtonLabel),
                idCodec.Encode(followUp.Input.Trim())))
            .ToList();
        return buttons.Count == 0 ? null : new ActionRow(buttons);
    }

    private static string Fallback(string? text, string? alternative = null) =>
        !string.IsNullOrWhiteSpace(text) ? text : !string.IsNullOrWhiteSpace(alternative) ? alternative : "—";

    /// <summary>What is left of the embed's 6000-character total.</summary>
    private sealed class Budget(int total)
    {
        public int Remaining { get; private set; } = total;

        public string Take(string text, int limit)
        {
            var result = TextTruncator.Truncate(text, Math.Max(1, Math.Min(limit, Remaining)));
            Remaining -= result.Length;
            return result;
        }
    }
}
