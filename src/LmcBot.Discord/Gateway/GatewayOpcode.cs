namespace LmcBot.Discord.Gateway;

/// <summary>The gateway opcodes we send or act on (docs/PROTOCOLS.md A.5).</summary>
internal enum GatewayOpcode
{
    /// <summary>An event (READY, INTERACTION_CREATE, MESSAGE_CREATE…), with its sequence number.</summary>
    Dispatch = 0,

    /// <summary>Sent by us on the interval, or asked for by Discord; carries the last sequence number.</summary>
    Heartbeat = 1,

    /// <summary>Starts a new session.</summary>
    Identify = 2,

    /// <summary>Replays what was missed since the last sequence number of a session.</summary>
    Resume = 6,

    /// <summary>Discord asks us to reconnect and resume.</summary>
    Reconnect = 7,

    /// <summary>The session is invalid; <c>d</c> says whether it can be resumed.</summary>
    InvalidSession = 9,

    /// <summary>The first frame, with the heartbeat interval.</summary>
    Hello = 10,

    /// <summary>Discord received our heartbeat.</summary>
    HeartbeatAck = 11,
}
