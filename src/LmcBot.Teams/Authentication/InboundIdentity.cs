namespace LmcBot.Teams.Authentication;

/// <summary>
/// What a validated token vouches for; the activity in the body must match it. Bot Framework
/// tokens must carry a <see cref="ServiceUrl"/> equal to the activity's <c>serviceUrl</c> and a
/// signing key endorsed for its <c>channelId</c>. Entra ID tokens (single-tenant bots) have no
/// endorsements, and their <c>serviceurl</c> claim is checked when present.
/// </summary>
internal sealed record InboundIdentity(string? ServiceUrl, IReadOnlyList<string>? Endorsements, bool ServiceUrlRequired)
{
    /// <summary>The identity of a request in the unauthenticated development mode.</summary>
    public static InboundIdentity Development { get; } = new(null, null, false);

    public static InboundIdentity BotFramework(string? serviceUrl, IReadOnlyList<string> endorsements) =>
        new(serviceUrl, endorsements, true);

    public static InboundIdentity Entra(string? serviceUrl) => new(serviceUrl, null, false);

    /// <summary>Null when the activity matches the token, else why it does not.</summary>
    public string? Mismatch(string? activityServiceUrl, string? activityChannelId)
    {
        if (ServiceUrl is null)
        {
            if (ServiceUrlRequired)
                return "the token has no serviceurl claim";
        }
        else if (!string.Equals(ServiceUrl, activityServiceUrl, StringComparison.OrdinalIgnoreCase))
        {
            return "the token's serviceurl claim differs from the activity's serviceUrl";
        }
        if (Endorsements is not null
            && (activityChannelId is null || !Endorsements.Contains(activityChannelId, StringComparer.OrdinalIgnoreCase)))
            return $"the signing key is not endorsed for channel '{activityChannelId}'";
        return null;
    }
}
