using System.Text.Json;

namespace LmcBot.Teams.Activities;

/// <summary>An activity as Teams posts it to the messaging endpoint. Unknown fields are ignored.</summary>
internal sealed record InboundActivity
{
    public string? Type { get; init; }

    public string? Id { get; init; }

    public string? ServiceUrl { get; init; }

    public string? ChannelId { get; init; }

    public ChannelAccount? From { get; init; }

    public ChannelAccount? Recipient { get; init; }

    public ConversationAccount? Conversation { get; init; }

    public string? Text { get; init; }

    public List<ActivityEntity>? Entities { get; init; }

    public TeamsChannelData? ChannelData { get; init; }

    /// <summary>Card-submit data (message) or invoke payload.</summary>
    public JsonElement? Value { get; init; }

    /// <summary>The invoke name.</summary>
    public string? Name { get; init; }

    public string? ReplyToId { get; init; }

    public List<ChannelAccount>? MembersAdded { get; init; }

    public string? Locale { get; init; }

    public string? TenantId => Conversation?.TenantId ?? ChannelData?.Tenant?.Id;
}
