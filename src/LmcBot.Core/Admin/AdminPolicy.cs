using LmcBot.Core.Chat;

namespace LmcBot.Core.Admin;

/// <summary>The one place that decides whether a sender may run admin commands.</summary>
public sealed class AdminPolicy(AdminOptions options)
{
    public bool IsAdmin(ChatPlatform platform, ChatSender sender) => platform switch
    {
        ChatPlatform.Cli => true,
        ChatPlatform.Discord => sender.HasManagePermission
            || options.DiscordUserIds.Contains(sender.Id, StringComparer.Ordinal)
            || sender.RoleIds.Any(role => options.DiscordRoleIds.Contains(role, StringComparer.Ordinal)),
        ChatPlatform.Teams => sender.DirectoryObjectId is { Length: > 0 } objectId
            && options.TeamsUserIds.Contains(objectId, StringComparer.OrdinalIgnoreCase),
        _ => false,
    };

    public bool IsAdmin(ChatRequest request) => IsAdmin(request.Platform, request.Sender);
}
