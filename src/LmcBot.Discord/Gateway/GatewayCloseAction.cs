namespace LmcBot.Discord.Gateway;

/// <summary>What to do after a gateway connection ends.</summary>
internal enum GatewayCloseAction
{
    /// <summary>Reconnect to resume_gateway_url and resume the session (missed events replay).</summary>
    Resume,

    /// <summary>Reconnect and identify: the session is gone.</summary>
    Identify,

    /// <summary>Do not reconnect: the configuration is wrong (bad token, shard, intents, version).</summary>
    Stop,

    /// <summary>We were asked to shut down.</summary>
    Shutdown,
}
