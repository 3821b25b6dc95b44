using System.Globalization;
using System.Text.Json.Serialization;

namespace LmcBot.Core.Knowledge;

/// <summary>
/// Who holds a database's writer lock, as written beside it in <c>&lt;db&gt;.lock.json</c>: enough for another
/// process to name the holder, and, when the holder is a web host, to reach its loopback admin endpoint.
/// </summary>
public sealed record DatabaseLockHolder(
    [property: JsonPropertyName("pid")] int ProcessId,
    [property: JsonPropertyName("started")] DateTimeOffset ProcessStarted,
    [property: JsonPropertyName("machine")] string Machine,
    [property: JsonPropertyName("purpose")] string Purpose)
{
    /// <summary>The holder's loopback admin endpoint (<c>http://127.0.0.1:port/</c>), when it serves one.</summary>
    [JsonPropertyName("admin")]
    public string? AdminEndpoint { get; init; }

    /// <summary>"the LmcBot web host (pid 4242 on box, started 2026-12-04 03:40:00Z)".</summary>
    public string Describe() => string.Create(CultureInfo.InvariantCulture,
        $"{Purpose} (pid {ProcessId} on {Machine}, started {ProcessStarted.UtcDateTime:yyyy-MM-dd HH:mm:ss}Z)");
}
