using LmcBot.Teams.Configuration;
using Microsoft.Extensions.Options;

namespace LmcBot.Teams.Connector;

/// <summary>
/// Decides which service URLs the bot may call (and send its token to): https on an allow-listed
/// host, or plain http on loopback when loopback is listed. In development mode only loopback
/// hosts are allowed, whatever is configured, so a crafted serviceUrl cannot make the bot post
/// to another machine.
/// </summary>
internal sealed class ServiceUrlPolicy
{
    private readonly ServiceHostPattern[] _patterns;
    private readonly bool _loopbackOnly;

    public ServiceUrlPolicy(IOptions<TeamsOptions> options)
    {
        var settings = options.Value;
        _loopbackOnly = settings.IsDevelopmentMode;
        _patterns = [.. settings.EffectiveAllowedServiceUrlHosts
            .Select(p => ServiceHostPattern.TryParse(p, out var parsed) ? parsed : (ServiceHostPattern?)null)
            .OfType<ServiceHostPattern>()];
    }

    /// <summary>The parsed base URL when <paramref name="serviceUrl"/> may be called, else null.</summary>
    public Uri? Allow(string? serviceUrl)
    {
        if (!Uri.TryCreate(serviceUrl, UriKind.Absolute, out var uri)
            || !string.IsNullOrEmpty(uri.UserInfo)
            || (uri.Scheme != Uri.UriSchemeHttps && uri.Scheme != Uri.UriSchemeHttp))
            return null;

        var host = uri.IdnHost.Trim('[', ']');
        var loopback = Loopback.IsLoopbackHost(host);
        if (_loopbackOnly)
            return loopback ? uri : null;
        if (uri.Scheme == Uri.UriSchemeHttp && !loopback)
            return null;
        foreach (var pattern in _patterns)
        {
            if (pattern.Matches(host))
                return uri;
        }
        return null;
    }
}
