namespace LmcBot.Discord.Gateway;

/// <summary>Maps Discord's gateway close codes (docs/PROTOCOLS.md A.5) to an action, with the text to log.</summary>
internal static class GatewayClosePolicy
{
    public static (GatewayCloseAction Action, string Meaning) ForCloseCode(int? code) => code switch
    {
        4004 => (GatewayCloseAction.Stop, "authentication failed: Discord:BotToken is wrong or was reset"),
        4010 => (GatewayCloseAction.Stop, "invalid shard: check Discord:ShardId and Discord:ShardCount"),
        4011 => (GatewayCloseAction.Stop, "sharding required: set Discord:ShardCount above 1 and run one process per shard"),
        4012 => (GatewayCloseAction.Stop, "invalid API version"),
        4013 => (GatewayCloseAction.Stop, "invalid intents"),
        4014 => (GatewayCloseAction.Stop, "disallowed intents: an intent is not enabled for this application in the Developer Portal"),
        4003 => (GatewayCloseAction.Identify, "not authenticated"),
        4005 => (GatewayCloseAction.Identify, "already authenticated"),
        4007 => (GatewayCloseAction.Identify, "invalid sequence"),
        4009 => (GatewayCloseAction.Identify, "session timed out"),
        4008 => (GatewayCloseAction.Resume, "rate limited"),
        null => (GatewayCloseAction.Resume, "connection dropped without a close code"),
        _ => (GatewayCloseAction.Resume, $"closed with code {code}"),
    };
}
