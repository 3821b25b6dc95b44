using System.Text.Json.Nodes;
using LmcBot.Core.Chat;

namespace LmcBot.Discord.Rendering;

/// <summary>
/// Turns a neutral <see cref="Answer"/> into a Discord message within every limit: an embed (title, answer text,
/// fields, the quoted source with its source line in the footer) and up to three follow-up buttons; errors the user
/// caused become a short ephemeral text. Mentions never ping.
/// </summary>
internal sealed class AnswerRenderer(FollowUpIdCodec idCodec)
{
    private const int MaxFollowUps = 3;
    private const int MaxCitations = 3;
    private const int MinUsefulValue = 16;
    private const int ButtonStyleSecondary = 2;
    private const int EmbedColour = 0x2E86C1;

    public DiscordMessage Render(Answer answer, bool forcePrivate = false)
    {
        var data = new JsonObject();
        if (answer.IsError)
        {
            data["content"] = TextTruncator.Truncate(Fallback(answer.Text), DiscordLimits.Content);
        }
        else
        {
            data["embeds"] = new JsonArray(BuildEmbed(answer));
            if (BuildButtons(answer.FollowUps) is { } row)
                data["components"] = new JsonArray(row);
        }

        data["allowed_mentions"] = NoMentions();
        if (forcePrivate || answer.Private || answer.IsError)
            data["flags"] = MessageFlags.Ephemeral;
        if (answer.File is { } file)
            data["attachments"] = new JsonArray(new JsonObject { ["id"] = 0, ["filename"] = file.FileName });
        return new DiscordMessage(data, answer.File);
    }

    /// <summary>A plain ephemeral notice (adapter-side errors such as a rejected attachment).</summary>
    public static DiscordMessage Notice(string text, bool ephemeral = true)
    {
        var data = new JsonObject
        {
            ["content"] = TextTruncator.Truncate(Fallback(text), DiscordLimits.Content),
            ["allowed_mentions"] = NoMentions(),
        };
        if (ephemeral)
            data["flags"] = MessageFlags.Ephemeral;
        return new DiscordMessage(data, null);
    }

    public static JsonObject NoMentions() => new() { ["parse"] = new JsonArray() };

    private static JsonObject BuildEmbed(Answer answer)
    {
        // Greedy within the 6000-character total, most important first: title, the first source quote, the
        // answer text, the source lines (footer), further quotes, then the answer's own fields.
        var budget = new Budget(DiscordLimits.EmbedTotal);
        var embed = new JsonObject { ["color"] = EmbedColour };

        if (!string.IsNullOrWhiteSpace(answer.Title))
            embed["title"] = budget.Take(answer.Title, DiscordLimits.EmbedTitle);

        var citations = answer.Citations.Take(MaxCitations).ToList();
        var sourceFields = new List<JsonObject>();
        if (citations.Count > 0 && SourceField(citations.Count == 1 ? "Source" : "Source 1", citations[0], budget) is { } first)
            sourceFields.Add(first);

        embed["description"] = budget.Take(Fallback(answer.Text), DiscordLimits.EmbedDescription);

        if (BuildFooter(citations, budget) is { Length: > 0 } footer)
            embed["footer"] = new JsonObject { ["text"] = footer };

        for (var i = 1; i < citations.Count; i++)
            if (SourceField($"Source {i + 1}", citations[i], budget) is { } more)
                sourceFields.Add(more);

        var fields = new JsonArray();
        foreach (var field in answer.Fields)
        {
            if (fields.Count + sourceFields.Count >= DiscordLimits.EmbedFields)
                break;
            if (Field(field.Name, field.Value, budget) is { } built)
                fields.Add(built);
        }
        foreach (var source in sourceFields)
            fields.Add(source);
        if (fields.Count > 0)
            embed["fields"] = fields;
        return embed;
    }

    private static JsonObject? SourceField(string name, Citation citation, Budget budget)
    {
        var quote = string.IsNullOrWhiteSpace(citation.Quote) ? citation.Title : $"“{citation.Quote.Trim()}”";
        return Field(name, quote, budget);
    }

    private static string? BuildFooter(List<Citation> citations, Budget budget)
    {
        if (citations.Count == 0 || budget.Remaining < MinUsefulValue)
            return null;
        var lines = citations.Count == 1
            ? citations[0].SourceLine()
            : string.Join('\n', citations.Select((c, i) => $"{i + 1}. {c.SourceLine()}"));
        return budget.Take(lines, DiscordLimits.FooterText);
    }

    private static JsonObject? Field(string name, string value, Budget budget)
    {
        var shortName = TextTruncator.Truncate(Fallback(name), DiscordLimits.FieldName);
        if (budget.Remaining < shortName.Length + MinUsefulValue)
            return null;
        var taken = budget.Take(shortName, DiscordLimits.FieldName);
        return new JsonObject
        {
            ["name"] = taken,
            ["value"] = budget.Take(Fallback(value), DiscordLimits.FieldValue),
            ["inline"] = false,
        };
    }

    private JsonObject? BuildButtons(IReadOnlyList<FollowUp> followUps)
    {
        var buttons = new JsonArray();
        var seen = new HashSet<string>(StringComparer.Ordinal);
        foreach (var followUp in followUps)
        {
            if (buttons.Count == MaxFollowUps)
                break;
            if (string.IsNullOrWhiteSpace(followUp.Input))
                continue;
            var id = idCodec.Encode(followUp.Input.Trim());
            if (!seen.Add(id))
                continue;
            buttons.Add(new JsonObject
            {
                ["type"] = 2,
                ["style"] = ButtonStyleSecondary,
                ["label"] = TextTruncator.Truncate(Fallback(followUp.Label, followUp.Input), DiscordLimits.ButtonLabel),
                ["custom_id"] = id,
            });
        }
        return buttons.Count == 0 ? null : new JsonObject { ["type"] = 1, ["components"] = buttons };
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
