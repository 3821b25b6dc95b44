using System.Net;
using LmcBot.Teams.Tests.Support;
using LmcBot.Testing;
using LmcBot.Testing.Teams;

namespace LmcBot.Teams.Tests.Authentication;

/// <summary>Every bad token is 401 with nothing sent, and the host still answers the next good request.</summary>
public sealed class TokenValidationTests
{
    /// <summary>Each bad token with the reason the adapter must log, so a case cannot pass for the wrong reason.</summary>
    public static TheoryData<string, string> RejectedTokens() => new()
    {
        { "expired beyond the 5-minute skew", "SecurityTokenInvalidLifetimeException" },
        { "not valid until 6 minutes from now", "SecurityTokenInvalidLifetimeException" },
        { "for another audience", "SecurityTokenInvalidAudienceException" },
        { "from another issuer", "untrusted issuer" },
        { "unsigned (alg none)", "SecurityTokenInvalidSignatureException" },
        { "HS256 keyed with the public key", "SecurityTokenInvalidSignatureException" },
        { "signed by an unpublished key", "SecurityTokenSignatureKeyNotFoundException" },
        { "signed by a key not endorsed for msteams", "not endorsed for channel 'msteams'" },
        { "serviceurl claim differs", "serviceurl claim differs" },
        { "no serviceurl claim", "no serviceurl claim" },
        { "payload tampered after signing", "SecurityTokenInvalidSignatureException" },
        { "not a JWT", "malformed token" },
    };

    [Theory]
    [MemberData(nameof(RejectedTokens))]
    public async Task Post_WithBadToken_Returns401AndSendsNothing(string token, string reason)
    {
        var bot = new ScriptedChatBot(ScriptedChatBot.ByKeyword);
        await using var host = await TeamsTestHost.StartAsync(bot);

        using var response = await host.PostAsync(host.Sample("personal-message.json"), BadToken(host, token));

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Contains(host.Logs.Entries, e => e.Message.StartsWith("Teams: refused", StringComparison.Ordinal) && e.Message.Contains(reason, StringComparison.Ordinal));
        Assert.Empty(bot.Requests);
        Assert.Empty(host.Connector.Attempts);
        await AssertStillAnswersAsync(host);
    }

    [Theory]
    [InlineData(null)]
    [InlineData("Basic dXNlcjpwYXNz")]
    [InlineData("Bearer")]
    public async Task Post_WithoutBearerToken_Returns401AndSendsNothing(string? authorization)
    {
        await using var host = await TeamsTestHost.StartAsync();
        using var request = new HttpRequestMessage(HttpMethod.Post, host.MessagingUrl)
        {
            Content = new StringContent(host.Sample("personal-message.json"), System.Text.Encoding.UTF8, "application/json"),
        };
        if (authorization is not null)
            request.Headers.TryAddWithoutValidation("Authorization", authorization);

        using var response = await host.Client.SendAsync(request);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Attempts);
    }

    [Fact]
    public async Task Post_TokenExpiredFourMinutesAgo_IsAcceptedWithinSkew()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var now = host.Time.GetUtcNow();
        var token = host.Issuer.CreateToken(host.TokenSpec() with { NotBefore = now.AddMinutes(-64), Expires = now.AddMinutes(-4) });

        using var response = await host.PostAsync(host.Sample("personal-message.json"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Connector.Delivered);
    }

    [Fact]
    public async Task Post_SameTokenAfterItExpired_Returns401EvenThoughItWorkedBefore()
    {
        var time = new TestClock();
        await using var host = await TeamsTestHost.StartAsync(time: time);
        var now = time.GetUtcNow();
        // Accepted within the 5-minute skew, then lapsing one minute later: sooner than the cache's own limit.
        var token = host.Issuer.CreateToken(host.TokenSpec() with { NotBefore = now.AddMinutes(-60), Expires = now.AddMinutes(-4) });
        using (var first = await host.PostAsync(host.Sample("personal-message.json"), token))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        time.Advance(TimeSpan.FromSeconds(61));
        using var second = await host.PostAsync(host.Sample("personal-message.json"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Single(host.Connector.Delivered);
    }

    [Fact]
    public async Task Post_SameTokenForAnotherServiceUrl_Returns401AfterItWasAccepted()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var token = host.ValidToken();
        using (var first = await host.PostAsync(host.Sample("personal-message.json"), token))
            Assert.Equal(HttpStatusCode.OK, first.StatusCode);

        using var second = await host.PostAsync(
            host.Sample("personal-message.json", a => a["serviceUrl"] = host.Connector.ServiceUrl.Replace("/amer/", "/emea/")), token);

        Assert.Equal(HttpStatusCode.Unauthorized, second.StatusCode);
        Assert.Single(host.Connector.Delivered);
    }

    [Fact]
    public async Task Post_ServiceUrlClaimDiffersOnlyInCase_IsAccepted()
    {
        await using var host = await TeamsTestHost.StartAsync();
        var token = host.Issuer.CreateToken(host.TokenSpec() with { ServiceUrl = host.Connector.ServiceUrl.ToUpperInvariant() });

        using var response = await host.PostAsync(host.Sample("personal-message.json"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    [Fact]
    public async Task Post_TokenSignedByRotatedInKey_RefetchesKeysAndAnswers()
    {
        await using var host = await TeamsTestHost.StartAsync();
        await host.PostValidAsync("personal-message.json");
        Assert.Equal(1, host.Issuer.KeySetFetches);

        host.Issuer.RotateIn("bf-rotated");
        var token = host.Issuer.CreateToken(host.TokenSpec() with { KeyId = "bf-rotated" });
        using var response = await host.PostAsync(host.Sample("personal-message.json"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal(2, host.Connector.Delivered.Count);
        // Our forced fetch, and possibly ConfigurationManager's background catch-up.
        Assert.InRange(host.Issuer.KeySetFetches, 2, 3);
    }

    [Fact]
    public async Task Post_ManyTokensWithUnknownKeys_RefetchesKeysAtMostOncePerInterval()
    {
        await using var host = await TeamsTestHost.StartAsync();
        await host.PostValidAsync("personal-message.json");

        for (var i = 0; i < 5; i++)
        {
            using var response = await host.PostAsync(
                host.Sample("personal-message.json"), host.Issuer.CreateToken(host.TokenSpec() with { Signing = TokenSigning.UnknownKey }));
            Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        }

        // The first fetch, one forced refetch, and at most one background catch-up of the manager.
        Assert.InRange(host.Issuer.KeySetFetches, 2, 3);
    }

    [Fact]
    public async Task Post_EntraTokenOfOwnTenant_IsAcceptedForSingleTenantBot()
    {
        await using var host = await TeamsTestHost.StartAsync(singleTenant: true);
        var token = host.Issuer.CreateToken(host.TokenSpec() with
        {
            Issuer = $"https://login.microsoftonline.com/{TeamsTestHost.TenantId}/v2.0",
            KeyId = FakeBotFrameworkIssuer.EntraKeyId,
        });

        using var response = await host.PostAsync(host.Sample("personal-message.json"), token);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Single(host.Connector.Delivered);
    }

    [Theory]
    [InlineData(false, TeamsTestHost.TenantId)]
    [InlineData(true, "0b8a3a3d-1111-4a2f-9c3e-000000000000")]
    public async Task Post_EntraToken_IsRefusedForMultiTenantBotOrOtherTenant(bool singleTenant, string tokenTenant)
    {
        await using var host = await TeamsTestHost.StartAsync(singleTenant: singleTenant);
        var token = host.Issuer.CreateToken(host.TokenSpec() with
        {
            Issuer = $"https://login.microsoftonline.com/{tokenTenant}/v2.0",
            KeyId = FakeBotFrameworkIssuer.EntraKeyId,
        });

        using var response = await host.PostAsync(host.Sample("personal-message.json"), token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
        Assert.Empty(host.Connector.Attempts);
    }

    private static string BadToken(TeamsTestHost host, string name)
    {
        var spec = host.TokenSpec();
        var now = spec.Now;
        return name switch
        {
            "expired beyond the 5-minute skew" => host.Issuer.CreateToken(spec with { NotBefore = now.AddMinutes(-66), Expires = now.AddMinutes(-6) }),
            "not valid until 6 minutes from now" => host.Issuer.CreateToken(spec with { NotBefore = now.AddMinutes(6), Expires = now.AddMinutes(66) }),
            "for another audience" => host.Issuer.CreateToken(spec with { Audience = "9a0e2b7c-0000-4d1e-8f00-123456789abc" }),
            "from another issuer" => host.Issuer.CreateToken(spec with { Issuer = "https://api.botframework.example" }),
            "unsigned (alg none)" => host.Issuer.CreateToken(spec with { Signing = TokenSigning.None }),
            "HS256 keyed with the public key" => host.Issuer.CreateToken(spec with { Signing = TokenSigning.Hs256WithPublicKey }),
            "signed by an unpublished key" => host.Issuer.CreateToken(spec with { Signing = TokenSigning.UnknownKey }),
            "signed by a key not endorsed for msteams" => host.Issuer.CreateToken(spec with { KeyId = FakeBotFrameworkIssuer.UnendorsedKeyId }),
            "serviceurl claim differs" => host.Issuer.CreateToken(spec with { ServiceUrl = "https://smba.trafficmanager.net/emea/" }),
            "no serviceurl claim" => host.Issuer.CreateToken(spec with { ServiceUrl = null }),
            "payload tampered after signing" => Tamper(host.Issuer.CreateToken(spec)),
            "not a JWT" => "not-a-jwt",
            _ => throw new ArgumentOutOfRangeException(nameof(name), name, null),
        };
    }

    /// <summary>Re-encodes the payload with a changed audience, keeping the original signature.</summary>
    private static string Tamper(string token)
    {
        var parts = token.Split('.');
        var payload = System.Text.Encoding.UTF8.GetString(Microsoft.IdentityModel.Tokens.Base64UrlEncoder.DecodeBytes(parts[1]));
        var changed = payload.Replace(TeamsTestHost.AppId, TeamsTestHost.AppId.Replace('5', '6'), StringComparison.Ordinal);
        Assert.NotEqual(payload, changed);
        return $"{parts[0]}.{Microsoft.IdentityModel.Tokens.Base64UrlEncoder.Encode(changed)}.{parts[2]}";
    }

    private static async Task AssertStillAnswersAsync(TeamsTestHost host)
    {
        await host.PostValidAsync("personal-message.json");
        Assert.Single(host.Connector.Delivered);
    }
}
