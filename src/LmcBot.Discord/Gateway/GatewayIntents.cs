namespace LmcBot.Discord.Gateway;

/// <summary>The intents we identify with: guild and DM messages (for mentions and DMs); no privileged intent.</summary>
internal static class GatewayIntents
{
    public const int GuildMessages = 1 << 9;
    public const int DirectMessages = 1 << 12;
    public const int Default = GuildMessages | DirectMessages;
}
