using System.Text.Json.Serialization;

namespace LmcBot.Discord.Gateway;

/// <summary>A frame we send: its opcode and data; <c>d</c> is written even when null (a heartbeat before any event).</summary>
internal sealed record GatewayFrame<TData>(GatewayOpcode Op, [property: JsonIgnore(Condition = JsonIgnoreCondition.Never)] TData D);

/// <summary>Identify's data: who we are, the intents and our shard.</summary>
internal sealed record IdentifyData(string Token, int Intents, IdentifyProperties Properties, IReadOnlyList<int> Shard);

/// <summary>The connection properties Identify reports.</summary>
internal sealed record IdentifyProperties(string Os, string Browser, string Device);

/// <summary>Resume's data: the session to resume and the last sequence number seen.</summary>
internal sealed record ResumeData(string Token, string SessionId, long? Seq);
