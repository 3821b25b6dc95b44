using System.ComponentModel.DataAnnotations;

namespace LmcBot.Hosting;

/// <summary>Configuration section <c>Hosting</c>: shutdown and request limits of the web host.</summary>
public sealed class HostingOptions
{
    public const string SectionName = "Hosting";

    /// <summary>How long in-flight requests and hosted services get to finish after SIGTERM (<c>Hosting__ShutdownTimeout</c>), default 30 s.</summary>
    [Range(typeof(TimeSpan), "00:00:00", "00:10:00", ErrorMessage = "Hosting:ShutdownTimeout must be between 00:00:00 and 00:10:00.")]
    public TimeSpan ShutdownTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>Largest request body accepted on any endpoint, in bytes (<c>Hosting__MaxRequestBodySize</c>), default 262144 (256 KiB).</summary>
    [Range(1024, 100L * 1024 * 1024, ErrorMessage = "Hosting:MaxRequestBodySize must be between 1024 and 104857600 bytes.")]
    public long MaxRequestBodySize { get; set; } = 256 * 1024;

    /// <summary>
    /// Serve the loopback-only admin endpoint that <c>LmcBot kb …</c> and <c>LmcBot ask</c> use while this host holds
    /// the database (<c>Hosting__AdminEndpoint</c>), default true. Off: those verbs are refused while the host runs.
    /// </summary>
    public bool AdminEndpoint { get; set; } = true;

    /// <summary>Port of the admin endpoint on 127.0.0.1 (<c>Hosting__AdminPort</c>); default 0, any free port, announced in <c>&lt;db&gt;.lock.json</c>.</summary>
    [Range(0, 65535, ErrorMessage = "Hosting:AdminPort must be between 0 (any free port) and 65535.")]
    public int AdminPort { get; set; }
}
