namespace LmcBot.Core.Chat;

/// <summary>
/// Who sent a request, as the adapter saw it. The adapter translates platform facts
/// (Discord permission bits, Teams Entra object id) into these neutral fields; whether that makes
/// the sender an admin is decided once, by <see cref="Admin.AdminPolicy"/>.
/// </summary>
public sealed record ChatSender(string Id, string DisplayName)
{
    /// <summary>Discord role ids of the member (empty elsewhere).</summary>
    public IReadOnlyList<string> RoleIds { get; init; } = [];

    /// <summary>Discord: the member holds Manage Server or Administrator in that channel.</summary>
    public bool HasManagePermission { get; init; }

    /// <summary>Teams: the sender's Entra (AAD) object id.</summary>
    public string? DirectoryObjectId { get; init; }

    /// <summary>The local CLI user, who is always an admin of their own database.</summary>
    public static ChatSender LocalUser { get; } = new("local", Environment.UserName);
}
