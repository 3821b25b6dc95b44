namespace LmcBot.Teams.Configuration;

/// <summary>One entry of the service URL allow-list: an exact host or <c>*.domain</c> for its subdomains.</summary>
internal readonly record struct ServiceHostPattern(string Host, bool Subdomains)
{
    public static bool IsValid(string? pattern) => pattern is { Length: > 0 } && TryParse(pattern, out _);

    public static bool TryParse(string pattern, out ServiceHostPattern parsed)
    {
        var trimmed = pattern.Trim();
        var subdomains = trimmed.StartsWith("*.", StringComparison.Ordinal);
        var host = subdomains ? trimmed[2..] : trimmed;
        var kind = Uri.CheckHostName(host);
        parsed = new(host.ToLowerInvariant(), subdomains);
        return kind is UriHostNameType.Dns or UriHostNameType.IPv4 or UriHostNameType.IPv6
            && !(subdomains && kind != UriHostNameType.Dns);
    }

    public bool Matches(string host) => Subdomains
        ? host.Length > Host.Length + 1
          && host.EndsWith(Host, StringComparison.OrdinalIgnoreCase)
          && host[host.Length - Host.Length - 1] == '.'
        : host.Equals(Host, StringComparison.OrdinalIgnoreCase);
}
