using LmcBot.Core.Admin;
using LmcBot.Testing;

namespace LmcBot.Core.Tests.Admin;

/// <summary>
/// One <see cref="AdminBot"/> for a class of tests that must change nothing (refusals): each of them checks that the
/// database is as it was, so sharing saves a database per case without hiding a change.
/// </summary>
public sealed class SharedAdminBot : IDisposable
{
    /// <summary>Admins besides server managers: role-admin, user-admin (Discord) and aad-admin (Teams).</summary>
    public static AdminOptions Options { get; } = new() { DiscordRoleIds = ["role-admin"], DiscordUserIds = ["user-admin"], TeamsUserIds = ["aad-admin"] };

    public AdminBot Admin { get; } = new(Options);

    public void Dispose() => Admin.Dispose();
}
