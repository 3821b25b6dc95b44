namespace LmcBot.Teams.Authentication;

/// <summary>The outcome of checking a bearer token: an identity, or the reason it was refused.</summary>
internal readonly record struct TokenValidation(InboundIdentity? Identity, string? Failure)
{
    public bool Succeeded => Identity is not null;

    public static TokenValidation Accept(InboundIdentity identity) => new(identity, null);

    public static TokenValidation Refuse(string reason) => new(null, reason);
}
