using System.Text.Json.Serialization;

namespace LmcBot.Discord.Rendering;

/// <summary>
/// A Discord message object as we send it (create message, interaction response data, webhook edit): the fields we
/// use, in the order they are written; a null field is left out.
/// </summary>
internal sealed record MessagePayload : InteractionCallbackData
{
    public string? Content { get; init; }

    public IReadOnlyList<Embed>? Embeds { get; init; }

    public IReadOnlyList<ActionRow>? Components { get; init; }

    public AllowedMentions? AllowedMentions { get; init; }

    public MessageFlags? Flags { get; init; }

    public IReadOnlyList<AttachmentSlot>? Attachments { get; init; }

    /// <summary>The message a gateway reply answers (replies only).</summary>
    public MessageReference? MessageReference { get; init; }
}

/// <summary>What an interaction callback carries beside its type: a message, or autocomplete choices.</summary>
[JsonDerivedType(typeof(MessagePayload))]
[JsonDerivedType(typeof(AutocompleteChoices))]
internal abstract record InteractionCallbackData;

/// <summary>The choices of an autocomplete result (callback type 8).</summary>
internal sealed record AutocompleteChoices(IReadOnlyList<CommandChoice> Choices) : InteractionCallbackData;

/// <summary>One autocomplete choice: what the user sees and the value that is sent back.</summary>
internal sealed record CommandChoice(string Name, string Value);

/// <summary>Who a message may ping: <c>{"parse": []}</c> is nobody.</summary>
internal sealed record AllowedMentions
{
    /// <summary>Mention kinds to ping (<c>users</c>, <c>roles</c>, <c>everyone</c>); we never list any.</summary>
    public IReadOnlyList<string> Parse { get; init; } = [];

    /// <summary>Whether a reply pings the author of the message it answers; set to false on gateway replies.</summary>
    public bool? RepliedUser { get; init; }

    public static AllowedMentions None { get; } = new();
}

/// <summary>An embed: title, description, footer and fields, each within <see cref="DiscordLimits"/>.</summary>
internal sealed record Embed
{
    public int Color { get; init; }

    public string? Title { get; init; }

    public string? Description { get; init; }

    public EmbedFooter? Footer { get; init; }

    public IReadOnlyList<EmbedField>? Fields { get; init; }
}

internal sealed record EmbedFooter(string Text);

internal sealed record EmbedField(string Name, string Value)
{
    public bool Inline { get; init; }
}

/// <summary>A row of message components (type 1) holding buttons.</summary>
internal sealed record ActionRow(IReadOnlyList<Button> Components)
{
    [JsonPropertyOrder(-1)]
    public ComponentType Type { get; } = ComponentType.ActionRow;
}

/// <summary>A button that sends an interaction with its <see cref="CustomId"/> when clicked.</summary>
internal sealed record Button(ButtonStyle Style, string Label, string CustomId)
{
    [JsonPropertyOrder(-1)]
    public ComponentType Type { get; } = ComponentType.Button;
}

/// <summary>Discord's message component types we send.</summary>
internal enum ComponentType
{
    ActionRow = 1,
    Button = 2,
}

/// <summary>Discord's button styles we use.</summary>
internal enum ButtonStyle
{
    Primary = 1,
    Secondary = 2,
    Success = 3,
    Danger = 4,
}

/// <summary>A file the message carries, by its index in the multipart body (<c>files[0]</c>).</summary>
internal sealed record AttachmentSlot(int Id, string Filename);

/// <summary>The message a reply answers; <see cref="FailIfNotExists"/> false posts the reply even if it was deleted.</summary>
internal sealed record MessageReference(string MessageId, string ChannelId)
{
    public bool FailIfNotExists { get; init; }
}
