using LmcBot.Core.Configuration;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace LmcBot.Teams.Configuration;

/// <summary>Start-up checks of <see cref="TeamsOptions"/>; every failure names the setting to fix.</summary>
/// <param name="forwardedHeaders">The host's forwarded-headers settings, which development mode must not trust blindly.</param>
internal sealed class TeamsOptionsValidator(IConfiguration configuration, ForwardedHeadersOptions? forwardedHeaders = null)
    : IValidateOptions<TeamsOptions>
{
    /// <summary>The host setting behind <c>ASPNETCORE_FORWARDEDHEADERS_ENABLED</c> (the prefix is stripped).</summary>
    internal const string ForwardedHeadersEnabledKey = "FORWARDEDHEADERS_ENABLED";

    private const string Section = TeamsOptions.SectionName;

    public ValidateOptionsResult Validate(string? name, TeamsOptions options)
    {
        if (!options.Enabled)
            return ValidateOptionsResult.Success;

        var failures = new List<string>();

        if (!options.IsDevelopmentMode)
        {
            if (!Guid.TryParse(options.AppId, out _))
                failures.Add($"{Section}:AppId must be the Azure Bot's Microsoft App ID (a GUID), or empty for the loopback-only development mode.");
            if (string.IsNullOrWhiteSpace(options.AppPassword))
                failures.Add($"{Section}:AppPassword is required when {Section}:AppId is set: set the environment variable {Section}__AppPassword to the app's client secret.");
            else if (SettingsSecrets.Refusal(configuration, $"{Section}:{nameof(TeamsOptions.AppPassword)}") is { } refusal)
                failures.Add(refusal);
            if (options.AppType == TeamsAppType.SingleTenant && string.IsNullOrWhiteSpace(options.TenantId))
                failures.Add($"{Section}:TenantId is required when {Section}:AppType is SingleTenant.");
        }
        else if (ForwardedForTrustedFromAnyone() is { } source)
        {
            failures.Add($"{Section}:AppId is empty, so development mode trusts loopback callers without a token, but {source} trusts "
                + "X-Forwarded-For from any proxy: anyone could send X-Forwarded-For: 127.0.0.1 and pass as loopback. Set "
                + $"{Section}:AppId (and {Section}:AppPassword), list the proxy in ForwardedHeadersOptions.KnownProxies or KnownIPNetworks, "
                + "or unset ASPNETCORE_FORWARDEDHEADERS_ENABLED. See docs/OPERATIONS.md, Reverse proxies.");
        }

        if (options.TenantId is { Length: > 0 } tenant && !IsTenant(tenant))
            failures.Add($"{Section}:TenantId must be a tenant GUID or a domain name such as contoso.onmicrosoft.com.");
        if (string.IsNullOrWhiteSpace(options.MessagingPath) || !options.MessagingPath.StartsWith('/'))
            failures.Add($"{Section}:MessagingPath must start with '/' (default {TeamsOptions.DefaultMessagingPath}).");

        CheckUrl(failures, "OpenIdMetadataUrl", options.OpenIdMetadataUrl);
        CheckUrl(failures, "AuthorityHost", options.AuthorityHost);
        if (!string.IsNullOrEmpty(options.EntraOpenIdMetadataUrl))
            CheckUrl(failures, "EntraOpenIdMetadataUrl", options.EntraOpenIdMetadataUrl);

        for (var i = 0; i < options.AllowedServiceUrlHosts.Count; i++)
        {
            if (!ServiceHostPattern.IsValid(options.AllowedServiceUrlHosts[i]))
                failures.Add($"{Section}:AllowedServiceUrlHosts:{i} ('{options.AllowedServiceUrlHosts[i]}') must be a host name such as smba.trafficmanager.net or *.botframework.com, without scheme, port or path.");
        }

        if (options.TypingDelay < TimeSpan.Zero)
            failures.Add($"{Section}:TypingDelay must not be negative.");
        if (options.AcknowledgeTimeout <= TimeSpan.Zero || options.AcknowledgeTimeout > TimeSpan.FromSeconds(14))
            failures.Add($"{Section}:AcknowledgeTimeout must be between 0 and 14 seconds: Teams gives up on a POST after about 15 s.");
        if (options.ConnectorMaxRetries is < 0 or > 10)
            failures.Add($"{Section}:ConnectorMaxRetries must be between 0 and 10.");
        if (options.ConnectorRetryDelay <= TimeSpan.Zero)
            failures.Add($"{Section}:ConnectorRetryDelay must be positive.");
        if (options.ConnectorMaxRetryAfter <= TimeSpan.Zero)
            failures.Add($"{Section}:ConnectorMaxRetryAfter must be positive.");

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    /// <summary>What makes the host take X-Forwarded-For from any sender, or null when it does not.</summary>
    private string? ForwardedForTrustedFromAnyone()
    {
        var anyProxy = forwardedHeaders is null
            || (forwardedHeaders.KnownProxies.Count == 0 && forwardedHeaders.KnownIPNetworks.Count == 0);
        if (!anyProxy)
            return null;
        // The variable makes ASP.NET Core clear both lists and read X-Forwarded-For from whoever sends it.
        if (string.Equals(configuration[ForwardedHeadersEnabledKey], "true", StringComparison.OrdinalIgnoreCase))
            return "ASPNETCORE_FORWARDEDHEADERS_ENABLED=true";
        return forwardedHeaders?.ForwardedHeaders.HasFlag(ForwardedHeaders.XForwardedFor) == true
            ? "ForwardedHeadersOptions (X-Forwarded-For with no KnownProxies or KnownIPNetworks)"
            : null;
    }

    private static void CheckUrl(List<string> failures, string key, string? value)
    {
        if (!Uri.TryCreate(value, UriKind.Absolute, out var uri)
            || !(uri.Scheme == Uri.UriSchemeHttps || (uri.Scheme == Uri.UriSchemeHttp && Loopback.IsLoopbackHost(uri.Host))))
            failures.Add($"{Section}:{key} must be an absolute https URL (plain http only on loopback, for tests); got '{value}'.");
    }

    private static bool IsTenant(string tenant) =>
        Guid.TryParse(tenant, out _) || (Uri.CheckHostName(tenant) == UriHostNameType.Dns && tenant.Contains('.'));
}
