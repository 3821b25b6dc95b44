using System.Text.Json.Nodes;
using LmcBot.Discord.Configuration;
using LmcBot.Discord.Rest;
using Microsoft.Extensions.Options;

namespace LmcBot.Discord.Commands;

/// <summary>
/// Registers the catalog's commands with Discord by bulk overwrite (PUT), globally or in one guild, after comparing
/// with what is registered (GET) so it can say what was created, changed or removed, and send nothing when
/// everything is already current. Used by the host's <c>discord register [--guild ID]</c> verb.
/// </summary>
public sealed class DiscordCommandRegistrar(DiscordRestClient rest, DiscordCommandBuilder builder, IOptions<DiscordOptions> options)
{
    /// <summary>The guild id value that forces global registration when a development guild is configured.</summary>
    public const string Global = "global";

    /// <summary>
    /// Registers the commands and prints what changed. <paramref name="guildId"/>: a guild id, <see cref="Global"/>,
    /// or null for <c>Discord:DevelopmentGuildId</c> when set, else global. Returns 0 on success, 1 when Discord
    /// refused, 2 when the configuration is incomplete.
    /// </summary>
    public async Task<int> RegisterAsync(string? guildId, TextWriter output, CancellationToken ct)
    {
        var settings = options.Value;
        if (string.IsNullOrWhiteSpace(settings.ApplicationId))
        {
            await output.WriteLineAsync("Discord:ApplicationId is required to register commands (Discord__ApplicationId).").ConfigureAwait(false);
            return 2;
        }
        if (string.IsNullOrWhiteSpace(settings.BotToken))
        {
            await output.WriteLineAsync("Discord:BotToken is required to register commands (set the environment variable Discord__BotToken).").ConfigureAwait(false);
            return 2;
        }

        var guild = guildId == Global ? null : guildId ?? settings.DevelopmentGuildId;
        if (guild is not null && !DiscordOptionsValidator.IsSnowflake(guild))
        {
            await output.WriteLineAsync($"'{guild}' is not a guild id (a number such as 1234567890123456789).").ConfigureAwait(false);
            return 2;
        }
        var path = guild is null
            ? $"/applications/{settings.ApplicationId}/commands"
            : $"/applications/{settings.ApplicationId}/guilds/{guild}/commands";
        var scope = guild is null ? "global" : $"guild {guild}";

        var desired = builder.Build();
        var existing = await rest.SendAsync(HttpMethod.Get, path, ct: ct).ConfigureAwait(false);
        if (!existing.IsSuccess || existing.Body is not JsonArray current)
        {
            await output.WriteLineAsync($"Could not read the registered {scope} commands: {existing.Describe()}").ConfigureAwait(false);
            return 1;
        }

        var diff = CommandDiff.Compare(desired, current);
        if (!diff.HasChanges)
        {
            await output.WriteLineAsync($"{scope}: {desired.Count} commands are up to date; nothing sent.").ConfigureAwait(false);
            return 0;
        }

        var put = await rest.SendAsync(HttpMethod.Put, path, desired, ct: ct).ConfigureAwait(false);
        if (!put.IsSuccess)
        {
            await output.WriteLineAsync($"Discord refused the {scope} commands: {put.Describe()}").ConfigureAwait(false);
            return 1;
        }
        await output.WriteLineAsync($"{scope}: registered {desired.Count} commands.").ConfigureAwait(false);
        await output.WriteLineAsync($"created: {List(diff.Created)}").ConfigureAwait(false);
        await output.WriteLineAsync($"changed: {List(diff.Changed)}").ConfigureAwait(false);
        await output.WriteLineAsync($"removed: {List(diff.Removed)}").ConfigureAwait(false);
        return 0;
    }

    private static string List(IReadOnlyList<string> names) => names.Count == 0 ? "none" : string.Join(", ", names);
}
