namespace LmcBot.Core.Admin;

/// <summary>Configuration section <c>Admin</c>: who may run admin (<c>kb</c>) commands besides server managers.</summary>
public sealed class AdminOptions
{
    public const string SectionName = "Admin";

    /// <summary>Discord role ids whose members are admins (<c>Admin__DiscordRoleIds__0</c>).</summary>
    public List<string> DiscordRoleIds { get; set; } = [];

    /// <summary>Discord user ids who are admins.</summary>
    public List<string> DiscordUserIds { get; set; } = [];

    /// <summary>Teams users (Entra object ids) who are admins.</summary>
    public List<string> TeamsUserIds { get; set; } = [];
}
