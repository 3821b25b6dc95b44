using LmcBot.Core.Chat;

namespace LmcBot.Core.Admin;

/// <summary>The one place that decides whether a request may run admin commands: who sent it, and from where.</summary>
public sealed class AdminPolicy(AdminOptions options)
{
    /// <summary>What a non-admin is told; it says nothing of how admins are configured.</summary>
    public const string NotAnAdmin = "Only admins of this server or team can change the knowledge base. Nothing was changed.";

    /// <summary>Whether the sender is an admin on that platform (Discord: wherever <see cref="Refusal"/> allows admins at all).</summary>
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

    public bool IsAdmin(ChatRequest request) => Refusal(request) is null;

    /// <summary>
    /// Why this request may not run an admin command, or null when it may. On Discord an admin counts only in a server
    /// listed in <see cref="AdminOptions.DiscordGuildIds"/>: never in a DM, and nowhere while the list is empty.
    /// </summary>
    public string? Refusal(ChatRequest request)
    {
        if (!IsAdmin(request.Platform, request.Sender))
            return NotAnAdmin;
        if (request.Platform != ChatPlatform.Discord)
            return null;
        if (options.DiscordGuildIds.Count == 0)
            return "Admin commands are off on Discord: the operator has not listed the servers allowed to change the knowledge base "
                + "in Admin:DiscordGuildIds (environment Admin__DiscordGuildIds__0). Nothing was changed.";
        if (request.ScopeId is null)
            return "Admin commands do not work in direct messages. Run them in a server listed in Admin:DiscordGuildIds. Nothing was changed.";
        if (!options.DiscordGuildIds.Contains(request.ScopeId, StringComparer.Ordinal))
            return $"Admin commands are off in this server: its id {request.ScopeId} is not in Admin:DiscordGuildIds. Nothing was changed.";
        return null;
    }
}
