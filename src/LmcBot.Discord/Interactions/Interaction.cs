using LmcBot.Core.Chat;

namespace LmcBot.Discord.Interactions;

/// <summary>
/// What the adapter needs from an interaction, read once from the JSON so nothing holds the document afterwards
/// (deferred work outlives the request).
/// </summary>
internal sealed record Interaction
{
    public required string Id { get; init; }
    public required string ApplicationId { get; init; }
    public required string Token { get; init; }
    public required InteractionType Type { get; init; }
    public string? GuildId { get; init; }
    public string? ChannelId { get; init; }
    public ChatSender? Sender { get; init; }

    /// <summary>Catalog path such as <c>ask</c> or <c>kb add citypair</c> (commands and autocomplete).</summary>
    public string? CommandPath { get; init; }

    public IReadOnlyDictionary<string, string> Options { get; init; } = new Dictionary<string, string>(StringComparer.Ordinal);

    /// <summary>The option being typed (autocomplete).</summary>
    public string? FocusedOption { get; init; }

    public InteractionAttachment? Attachment { get; init; }

    /// <summary>The clicked button's custom_id (message components).</summary>
    public string? CustomId { get; init; }

    /// <summary>The clicked button sits on an ephemeral message, so the answer stays ephemeral too.</summary>
    public bool FromEphemeralMessage { get; init; }
}
