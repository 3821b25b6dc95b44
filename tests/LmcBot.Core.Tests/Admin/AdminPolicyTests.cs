using LmcBot.Core.Admin;
using LmcBot.Core.Chat;
using LmcBot.Core.Commands;

namespace LmcBot.Core.Tests.Admin;

/// <summary>The one admin check, on every admin command of the catalog, for every kind of non-admin.</summary>
public sealed class AdminPolicyTests(SharedAdminBot shared) : IClassFixture<SharedAdminBot>
{
    private static AdminOptions Options => SharedAdminBot.Options;

    public static TheoryData<string> AdminCommands()
    {
        var data = new TheoryData<string>();
        foreach (var (path, _) in CommandCatalog.Default.Leaves())
            if (CommandCatalog.Default.Find(path)!.AdminOnly) data.Add(path);
        return data;
    }

    [Fact]
    public void Catalog_MarksEveryKbCommandAdminOnly() =>
        Assert.Equal(CommandCatalog.Default.Leaves().Count(l => l.Path.StartsWith("kb ", StringComparison.Ordinal)), AdminCommands().Count);

    [Theory]
    [MemberData(nameof(AdminCommands))]
    public async Task AdminCommand_FromNonAdmins_IsRefusedPrivately_AndChangesNothing(string path)
    {
        var admin = shared.Admin;
        var before = FactEditingTests.Snapshot(admin);
        var options = CommandCatalog.Default.Find(path)!.Options.Where(o => o.Required)
            .ToDictionary(o => o.Name, o => (o.FixedChoices.Count > 0 ? o.FixedChoices[0] : null) ?? (o.Type == CommandOptionType.Number ? "1" : "x"), StringComparer.Ordinal);
        (ChatPlatform, ChatSender)[] outsiders =
        [
            (ChatPlatform.Discord, new ChatSender("u1", "Member") { RoleIds = ["role-other"] }),
            (ChatPlatform.Discord, new ChatSender("u2", "No roles")),
            (ChatPlatform.Teams, new ChatSender("29:m", "Teams member") { DirectoryObjectId = "aad-member" }),
            (ChatPlatform.Teams, new ChatSender("aad-admin", "Id is not the object id")),
        ];
        foreach (var (platform, sender) in outsiders)
        {
            var answer = await admin.CommandAsync(path, options, sender, platform);
            Assert.Equal("admin-only", answer.Intent.Name);
            Assert.True(answer.IsError && answer.Private, $"{path} from {sender.DisplayName}: {answer.Text}");
            Assert.Null(answer.File);
        }
        Assert.Equal(before, FactEditingTests.Snapshot(admin));
    }

    [Theory]
    [InlineData(ChatPlatform.Discord, "u9", null, null, true, true)]
    [InlineData(ChatPlatform.Discord, "user-admin", null, null, false, true)]
    [InlineData(ChatPlatform.Discord, "u9", "role-admin", null, false, true)]
    [InlineData(ChatPlatform.Discord, "u9", "role-other", null, false, false)]
    [InlineData(ChatPlatform.Teams, "29:x", null, "AAD-ADMIN", false, true)]
    [InlineData(ChatPlatform.Teams, "29:x", null, "aad-member", false, false)]
    [InlineData(ChatPlatform.Teams, "29:x", null, null, true, false)]
    [InlineData(ChatPlatform.Cli, "local", null, null, false, true)]
    public void IsAdmin_DecidesFromPermissionsRolesAndIds(ChatPlatform platform, string id, string? role, string? objectId, bool manage, bool expected)
    {
        var sender = new ChatSender(id, "someone") { RoleIds = role is null ? [] : [role], DirectoryObjectId = objectId, HasManagePermission = manage };
        Assert.Equal(expected, new AdminPolicy(Options).IsAdmin(platform, sender));
    }
}
