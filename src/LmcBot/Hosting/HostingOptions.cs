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
}
