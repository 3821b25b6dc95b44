using System.Net;
using LmcBot.Teams.Configuration;
using LmcBot.Teams.Tests.Support;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.HttpOverrides;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using LmcBot.Testing;

namespace LmcBot.Teams.Tests.Configuration;

public sealed class TeamsOptionsTests
{
    private const string AppId = TeamsTestHost.AppId;

    [Fact]
    public void Options_Nothing_Configured_HasDocumentedDefaults()
    {
        var options = Resolve(new Dictionary<string, string?>());

        Assert.False(options.Enabled);
        Assert.True(options.IsDevelopmentMode);
        Assert.Equal(TeamsAppType.MultiTenant, options.AppType);
        Assert.Equal("/api/messages", options.MessagingPath);
        Assert.Equal("https://login.botframework.com/v1/.well-known/openidconfiguration", options.OpenIdMetadataUrl);
        Assert.Equal("https://login.microsoftonline.com", options.AuthorityHost);
        Assert.Contains("smba.trafficmanager.net", options.EffectiveAllowedServiceUrlHosts);
        Assert.Contains("*.botframework.com", options.EffectiveAllowedServiceUrlHosts);
        Assert.Contains("smba.infra.gcc.teams.microsoft.com", options.EffectiveAllowedServiceUrlHosts);
    }

    [Fact]
    public void Options_AllowedHostsConfigured_ReplaceTheDefaults()
    {
        var options = Resolve(new() { ["Teams:AllowedServiceUrlHosts:0"] = "smba.trafficmanager.net" });

        Assert.Equal(["smba.trafficmanager.net"], options.EffectiveAllowedServiceUrlHosts);
    }

    [Theory]
    [InlineData("Teams:AppPassword", "", "Teams:AppPassword is required when Teams:AppId is set: set the environment variable Teams__AppPassword")]
    [InlineData("Teams:AppId", "lmcbot", "Teams:AppId must be the Azure Bot's Microsoft App ID (a GUID)")]
    [InlineData("Teams:AppType", "SingleTenant", "Teams:TenantId is required when Teams:AppType is SingleTenant.")]
    [InlineData("Teams:TenantId", "not a tenant", "Teams:TenantId must be a tenant GUID or a domain name")]
    [InlineData("Teams:MessagingPath", "api/messages", "Teams:MessagingPath must start with '/'")]
    [InlineData("Teams:OpenIdMetadataUrl", "http://login.botframework.com/v1/.well-known/openidconfiguration", "Teams:OpenIdMetadataUrl must be an absolute https URL")]
    [InlineData("Teams:AuthorityHost", "login.microsoftonline.com", "Teams:AuthorityHost must be an absolute https URL")]
    [InlineData("Teams:AllowedServiceUrlHosts:0", "https://smba.trafficmanager.net/amer/", "Teams:AllowedServiceUrlHosts:0 ('https://smba.trafficmanager.net/amer/') must be a host name")]
    [InlineData("Teams:AcknowledgeTimeout", "00:00:30", "Teams:AcknowledgeTimeout must be between 0 and 14 seconds")]
    [InlineData("Teams:ConnectorMaxRetries", "50", "Teams:ConnectorMaxRetries must be between 0 and 10.")]
    public void Validate_BadSetting_FailsNamingTheKey(string key, string value, string message)
    {
        var settings = Enabled();
        settings[key] = value;

        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(settings));

        Assert.Contains(failure.Failures, f => f.StartsWith(message, StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AppPasswordInSettingsFile_FailsAndSaysToUseTheEnvironment()
    {
        using var directory = new TempDirectory();
        var file = directory.File("appsettings.json");
        File.WriteAllText(file, $$$"""{"Teams":{"Enabled":true,"AppId":"{{{AppId}}}","AppPassword":"committed-by-mistake"}}""");
        var configuration = new ConfigurationBuilder().AddJsonFile(file).Build();

        var failure = Assert.Throws<OptionsValidationException>(() => ResolveFrom(configuration));

        Assert.Contains(failure.Failures, f => f.StartsWith("Teams:AppPassword must not be in a settings file", StringComparison.Ordinal)
            && f.Contains("Teams__AppPassword", StringComparison.Ordinal));
    }

    [Fact]
    public void Validate_AppPasswordFromEnvironmentOverSettingsFile_Passes()
    {
        using var directory = new TempDirectory();
        var file = directory.File("appsettings.json");
        File.WriteAllText(file, $$$"""{"Teams":{"Enabled":true,"AppId":"{{{AppId}}}"}}""");
        var configuration = new ConfigurationBuilder()
            .AddJsonFile(file)
            .AddInMemoryCollection(new Dictionary<string, string?> { ["Teams:AppPassword"] = "from-the-environment" })
            .Build();

        Assert.Equal("from-the-environment", ResolveFrom(configuration).AppPassword);
    }

    [Fact]
    public void Validate_DisabledWithBadSettings_Passes()
    {
        var options = Resolve(new() { ["Teams:Enabled"] = "false", ["Teams:AppId"] = AppId, ["Teams:MessagingPath"] = "nope" });

        Assert.False(options.Enabled);
    }

    [Fact]
    public void Validate_SingleTenantWithTenant_Passes()
    {
        var settings = Enabled();
        settings["Teams:AppType"] = "SingleTenant";
        settings["Teams:TenantId"] = TeamsTestHost.TenantId;

        Assert.Equal(TeamsAppType.SingleTenant, Resolve(settings).AppType);
    }

    [Fact]
    public async Task Start_InvalidSettings_FailsAtStartUp()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TeamsTestHost.StartAsync(configure: s => s["Teams:AppPassword"] = ""));

        Assert.Contains("Teams:AppPassword is required", failure.Message);
    }

    [Fact]
    public async Task Start_DevelopmentModeWithForwardedHeadersEnabled_FailsNamingTheVariableAndTheWayOut()
    {
        var failure = await Assert.ThrowsAsync<OptionsValidationException>(() =>
            TeamsTestHost.StartAsync(development: true, configure: s => s[TeamsOptionsValidator.ForwardedHeadersEnabledKey] = "true"));

        Assert.Contains("ASPNETCORE_FORWARDEDHEADERS_ENABLED=true trusts X-Forwarded-For from any proxy", failure.Message);
        Assert.Contains("KnownProxies", failure.Message);
    }

    [Fact]
    public async Task Start_AuthenticatedWithForwardedHeadersEnabled_Starts()
    {
        await using var host = await TeamsTestHost.StartAsync(configure: s => s[TeamsOptionsValidator.ForwardedHeadersEnabledKey] = "true");

        await host.PostValidAsync("personal-message.json");
    }

    public static TheoryData<bool, string[], bool> ForwardedHeaderSettings() => new()
    {
        // reads X-Forwarded-For, the proxies it trusts, whether start-up fails
        { true, [], true },
        { true, ["10.0.0.5"], false },
        { false, [], false },
    };

    [Theory]
    [MemberData(nameof(ForwardedHeaderSettings))]
    public void Validate_DevelopmentModeAndForwardedHeadersOptions_FailsOnlyWhenAnyProxyIsTrusted(bool readsForwardedFor, string[] proxies, bool fails)
    {
        var forwarded = new ForwardedHeadersOptions { ForwardedHeaders = readsForwardedFor ? ForwardedHeaders.XForwardedFor : ForwardedHeaders.None };
        forwarded.KnownProxies.Clear();
        forwarded.KnownIPNetworks.Clear();
        foreach (var proxy in proxies)
            forwarded.KnownProxies.Add(IPAddress.Parse(proxy));
        var configuration = new ConfigurationBuilder().Build();

        var result = new TeamsOptionsValidator(configuration, forwarded).Validate(null, new TeamsOptions { Enabled = true, AppId = "" });

        Assert.Equal(fails, result.Failed);
        if (fails)
            Assert.Contains("ForwardedHeadersOptions (X-Forwarded-For with no KnownProxies or KnownIPNetworks)", result.FailureMessage, StringComparison.Ordinal);
    }

    private static Dictionary<string, string?> Enabled() => new()
    {
        ["Teams:Enabled"] = "true",
        ["Teams:AppId"] = AppId,
        ["Teams:AppPassword"] = "secret",
    };

    private static TeamsOptions Resolve(Dictionary<string, string?> settings) =>
        ResolveFrom(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());

    private static TeamsOptions ResolveFrom(IConfigurationRoot configuration)
    {
        var services = new ServiceCollection().AddLogging().AddTeamsAdapter(configuration);
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<TeamsOptions>>().Value;
    }
}
