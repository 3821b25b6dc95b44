using System.Text.Json.Serialization;
using LmcBot.Teams.Rendering;

namespace LmcBot.Teams.Activities;

/// <summary>
/// An activity the bot posts to the connector. Never carries <c>id</c>, <c>timestamp</c> or
/// <c>serviceUrl</c>; <c>from</c>/<c>recipient</c> are the inbound ones swapped.
/// </summary>
internal sealed record OutboundActivity
{
    public required string Type { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? ReplyToId { get; init; }

    /// <summary>The notification preview for a card message.</summary>
    public string? Summary { get; init; }

    public string? Text { get; init; }

    public string? TextFormat { get; init; }

    public IReadOnlyList<CardAttachment>? Attachments { get; init; }
}

/// <summary>An Adaptive Card attachment.</summary>
internal sealed record CardAttachment(AdaptiveCard Content)
{
    public const string AdaptiveCardContentType = "application/vnd.microsoft.card.adaptive";

    [JsonPropertyOrder(-1)]
    public string ContentType { get; init; } = AdaptiveCardContentType;
}
