namespace LmcBot.Teams.Activities;

/// <summary>The parts of Teams' <c>channelData</c> the adapter reads.</summary>
internal sealed record TeamsChannelData
{
    public TenantInfo? Tenant { get; init; }

    public string? EventType { get; init; }
}

/// <summary><c>channelData.tenant</c>.</summary>
internal sealed record TenantInfo
{
    public string? Id { get; init; }
}
