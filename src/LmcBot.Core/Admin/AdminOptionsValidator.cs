using Microsoft.Extensions.Options;

namespace LmcBot.Core.Admin;

/// <summary>
/// Checks the <c>Admin</c> section at start-up: Discord ids are snowflakes (digits) and Teams ids are Entra object ids
/// (GUIDs), so a user name or a pasted mention in a list fails with the setting's name instead of never matching.
/// </summary>
public sealed class AdminOptionsValidator : IValidateOptions<AdminOptions>
{
    public ValidateOptionsResult Validate(string? name, AdminOptions options)
    {
        var failures = new List<string>();
        Snowflakes(nameof(AdminOptions.DiscordGuildIds), options.DiscordGuildIds, failures);
        Snowflakes(nameof(AdminOptions.DiscordRoleIds), options.DiscordRoleIds, failures);
        Snowflakes(nameof(AdminOptions.DiscordUserIds), options.DiscordUserIds, failures);
        for (var i = 0; i < options.TeamsUserIds.Count; i++)
            if (!Guid.TryParseExact(options.TeamsUserIds[i], "D", out _))
                failures.Add($"{Setting(nameof(AdminOptions.TeamsUserIds), i)} is \"{options.TeamsUserIds[i]}\"; Teams admins are listed by their Entra object id, a GUID such as 00000000-0000-0000-0000-000000000000.");
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private static void Snowflakes(string list, List<string> ids, List<string> failures)
    {
        for (var i = 0; i < ids.Count; i++)
            if (ids[i] is not { Length: >= 1 and <= 20 } id || !id.All(char.IsAsciiDigit))
                failures.Add($"{Setting(list, i)} is \"{ids[i]}\"; Discord ids are numbers (snowflakes) such as 1234567890123456789 (Developer Mode, Copy ID).");
    }

    private static string Setting(string list, int index) => $"{AdminOptions.SectionName}:{list}:{index} (environment {AdminOptions.SectionName}__{list}__{index})";
}
