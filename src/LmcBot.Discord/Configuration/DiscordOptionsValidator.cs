using System.Globalization;
using LmcBot.Core.Configuration;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

using LmcBot.Discord.Security;

namespace LmcBot.Discord.Configuration;

/// <summary>
/// Start-up validation of <see cref="DiscordOptions"/>: each failure names the setting to fix, so a
/// mode that needs a missing key stops the host instead of failing on the first request.
/// </summary>
/// <param name="configuration">The root configuration, asked where the bot token came from; null skips that check.</param>
internal sealed class DiscordOptionsValidator(IConfiguration? configuration = null) : IValidateOptions<DiscordOptions>
{
    public ValidateOptionsResult Validate(string? name, DiscordOptions options)
    {
        var failures = new List<string>();

        if (options.UsesHttp)
        {
            if (string.IsNullOrWhiteSpace(options.PublicKey))
                failures.Add($"Discord:PublicKey is required when Discord:Mode is {options.Mode}.");
            else if (!DiscordSignatureKey.TryParse(options.PublicKey, out _))
                failures.Add("Discord:PublicKey must be the 64 hex characters of the application's Ed25519 public key.");
            if (string.IsNullOrWhiteSpace(options.InteractionsPath) || !options.InteractionsPath.StartsWith('/'))
                failures.Add("Discord:InteractionsPath must start with '/'.");
        }

        if (options.UsesGateway && string.IsNullOrWhiteSpace(options.BotToken))
            failures.Add($"Discord:BotToken is required when Discord:Mode is {options.Mode} (set the environment variable Discord__BotToken).");

        if (configuration is not null
            && SettingsSecrets.Refusal(configuration, $"{DiscordOptions.SectionName}:{nameof(DiscordOptions.BotToken)}") is { } refusal)
            failures.Add(refusal);

        if (!Uri.TryCreate(options.ApiBaseUrl, UriKind.Absolute, out var api) || (api.Scheme != Uri.UriSchemeHttps && api.Scheme != Uri.UriSchemeHttp))
            failures.Add("Discord:ApiBaseUrl must be an absolute http(s) URL.");

        if (options.ShardCount < 1)
            failures.Add("Discord:ShardCount must be at least 1.");
        if (options.ShardId < 0 || options.ShardId >= Math.Max(options.ShardCount, 1))
            failures.Add(string.Create(CultureInfo.InvariantCulture,
                $"Discord:ShardId must be between 0 and Discord:ShardCount - 1 ({options.ShardCount - 1})."));

        if (options.TimestampWindow <= TimeSpan.Zero)
            failures.Add("Discord:TimestampWindow must be positive.");
        if (options.RememberedInteractionIds < 0)
            failures.Add("Discord:RememberedInteractionIds must be 0 (replays not refused) or more.");
        if (options.DeferAfter <= TimeSpan.Zero || options.DeferAfter >= TimeSpan.FromSeconds(3))
            failures.Add("Discord:DeferAfter must be between 0 and 3 seconds (Discord's deadline).");
        if (options.RestRetryDelay < TimeSpan.Zero)
            failures.Add("Discord:RestRetryDelay must not be negative.");
        if (options.GatewayReconnectDelay < TimeSpan.Zero)
            failures.Add("Discord:GatewayReconnectDelay must not be negative.");

        if (options.AttachmentHosts.Any(string.IsNullOrWhiteSpace))
            failures.Add("Discord:AttachmentHosts must not contain empty entries (leave it out for cdn.discordapp.com and media.discordapp.net).");

        if (!string.IsNullOrEmpty(options.ApplicationId) && !IsSnowflake(options.ApplicationId))
            failures.Add("Discord:ApplicationId must be the numeric application id.");
        if (!string.IsNullOrEmpty(options.DevelopmentGuildId) && !IsSnowflake(options.DevelopmentGuildId))
            failures.Add("Discord:DevelopmentGuildId must be a numeric guild id.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    internal static bool IsSnowflake(string value) =>
        value.Length is > 0 and <= 20 && value.All(char.IsAsciiDigit);
}
