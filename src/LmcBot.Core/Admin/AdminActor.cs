using LmcBot.Core.Chat;
using LmcBot.Core.Knowledge;

namespace LmcBot.Core.Admin;

/// <summary>Who made a change, as the audit trail records it: platform, sender id and display name.</summary>
internal sealed record AdminActor(string Platform, string Id, string Name)
{
    public static AdminActor From(ChatRequest request) =>
        new(request.Platform.ToString(), request.Sender.Id, request.Sender.DisplayName);

    public AuditEntry Entry(DateTime at, string action, string targetType, string targetId) => new()
    {
        At = at,
        Platform = Platform,
        UserId = Id,
        UserName = Name,
        Action = action,
        TargetType = targetType,
        TargetId = targetId,
    };
}
