using System.ComponentModel.DataAnnotations;

namespace LmcBot.Core.Chat;

/// <summary>Configuration section <c>RateLimits</c>: how often one user, one server/tenant and one IP address may ask.</summary>
public sealed class RateLimitOptions
{
    public const string SectionName = "RateLimits";

    /// <summary>Requests one user may make per minute on one platform (<c>RateLimits__PerUserPerMinute</c>); 0 turns the limit off.</summary>
    [Range(0, 100_000, ErrorMessage = "RateLimits:PerUserPerMinute must be between 0 (off) and 100000.")]
    public int PerUserPerMinute { get; set; } = 20;

    /// <summary>Requests one Discord guild or Teams tenant may make per minute (<c>RateLimits__PerScopePerMinute</c>); 0 turns the limit off.</summary>
    [Range(0, 1_000_000, ErrorMessage = "RateLimits:PerScopePerMinute must be between 0 (off) and 1000000.")]
    public int PerScopePerMinute { get; set; } = 200;

    /// <summary>HTTP requests one client IP address may make per minute to the bot's endpoints, answered 429 beyond (<c>RateLimits__PerIpPerMinute</c>); 0 turns it off.</summary>
    [Range(0, 10_000_000, ErrorMessage = "RateLimits:PerIpPerMinute must be between 0 (off) and 10000000.")]
    public int PerIpPerMinute { get; set; } = 1200;
}
