namespace LmcBot.Discord.Configuration;

/// <summary>How the bot receives Discord events. <see cref="Off"/> is the default: nothing is exposed or connected.</summary>
public enum DiscordMode
{
    /// <summary>Discord is not used (registration from the CLI still works).</summary>
    Off,

    /// <summary>Interactions arrive as signed HTTP POSTs on <see cref="DiscordOptions.InteractionsPath"/>.</summary>
    Http,

    /// <summary>A gateway WebSocket connection receives interactions, mentions and DMs; no public URL needed.</summary>
    Gateway,

    /// <summary>Both the HTTP endpoint and the gateway connection (mentions and DMs need the gateway).</summary>
    Both,
}
