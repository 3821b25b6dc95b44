namespace LmcBot.Core.Admin;

/// <summary>Configuration section <c>Admin</c>: who may run admin (<c>kb</c>) commands besides server managers.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>
    /// Discord servers (guild ids) where admin commands work at all (<c>Admin__DiscordGuildIds__0</c>). The bot's one
    /// knowledge base is shared by every server it is in, so a Manage Server member of any of them could otherwise edit
    /// it; with none listed, admin commands on Discord are refused with a message naming this setting.
    /// </summary>
    public List<string> DiscordGuildIds { get; set; } = [];

    /// <summary>Discord role ids whose members are admins (<c>Admin__DiscordRoleIds__0</c>).</summary>
    public List<string> DiscordRoleIds { get; set; } = [];

    /// <summary>Discord user ids who are admins.</summary>
    public List<string> DiscordUserIds { get; set; } = [];

    /// <summary>Teams users (Entra object ids) who are admins.</summary>
    public List<string> TeamsUserIds { get; set; } = [];
}
