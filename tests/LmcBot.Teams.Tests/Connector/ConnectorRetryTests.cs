using System.Globalization;
using System.Diagnostics;
using System.Net;
using LmcBot.Teams.Diagnostics;
using LmcBot.Teams.Tests.Support;
using LmcBot.Testing;

namespace LmcBot.Teams.Tests.Connector;

public sealed class ConnectorRetryTests
{
    [Fact]
    public async Task Reply_ConnectorAnswers429WithRetryAfter_IsRetriedAfterThatDelay()
    {
        await using var host = await TeamsTestHost.StartAsync();
        using var retries = new MetricRecorder(host.Services, TeamsMetrics.MeterName, "lmcbot_teams_connector_retries");
        host.Connector.FailNext(HttpStatusCode.TooManyRequests, retryAfter: "1");

        await host.PostValidAsync("personal-message.json");

        var attempts = host.Connector.Attempts;
        Assert.Equal(2, attempts.Count);
        Assert.Single(host.Connector.Delivered);
        var waited = Stopwatch.GetElapsedTime(attempts[0].ReceivedAt, attempts[1].ReceivedAt);
        Assert.InRange(waited, TimeSpan.FromSeconds(0.95), TimeSpan.FromSeconds(3));
        var measurement = Assert.Single(retries.Measurements);
        Assert.Equal(1, measurement.Value);
        Assert.Equal("429", measurement.Tags["status"]);
    }

    [Theory]
    [InlineData(HttpStatusCode.PreconditionFailed)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Reply_TransientConnectorFailure_IsRetriedWithBackoff(HttpStatusCode status)
    {
        await using var host = await TeamsTestHost.StartAsync();
        host.Connector.FailNext(status);
        host.Connector.FailNext(status);

        await host.PostValidAsync("personal-message.json");

        Assert.Equal(3, host.Connector.Attempts.Count);
        Assert.Single(host.Connector.Delivered);
    }

    [Theory]
    [InlineData(HttpStatusCode.BadRequest, "BadSyntax")]
    [InlineData(HttpStatusCode.Unauthorized, "BotNotRegistered")]
    [InlineData(HttpStatusCode.Forbidden, "ConversationBlockedByUser")]
    [InlineData(HttpStatusCode.NotFound, "ConversationNotFound")]
    [InlineData(HttpStatusCode.RequestEntityTooLarge, "MessageSizeTooBig")]
    [InlineData(HttpStatusCode.InternalServerError, "InternalServerError")]
    public async Task Reply_FinalConnectorFailure_IsNotRetried(HttpStatusCode status, string errorCode)
    {
        await using var host = await TeamsTestHost.StartAsync();
        using var failures = new MetricRecorder(host.Services, TeamsMetrics.MeterName, "lmcbot_teams_connector_failures");
        host.Connector.FailNext(status, errorCode: errorCode);

        await host.PostValidAsync("personal-message.json");

        Assert.Single(host.Connector.Attempts);
        Assert.Empty(host.Connector.Delivered);
        Assert.Equal(((int)status).ToString(CultureInfo.InvariantCulture), Assert.Single(failures.Measurements).Tags["status"]);
        Assert.Contains(host.Logs.Entries, e => e.Message.Contains(errorCode, StringComparison.Ordinal));
    }

    [Fact]
    public async Task Reply_RetryAfterLongerThanConfiguredMaximum_IsNotWaitedFor()
    {
        await using var host = await TeamsTestHost.StartAsync(configure: s => s["Teams:ConnectorMaxRetryAfter"] = "00:00:05");
        host.Connector.FailNext(HttpStatusCode.TooManyRequests, retryAfter: "120");

        var started = Stopwatch.GetTimestamp();
        await host.PostValidAsync("personal-message.json");

        Assert.Single(host.Connector.Attempts);
        Assert.True(Stopwatch.GetElapsedTime(started) < TimeSpan.FromSeconds(5));
    }

    [Fact]
    public async Task Reply_RetriesExhausted_GivesUpAfterConfiguredAttempts()
    {
        await using var host = await TeamsTestHost.StartAsync(configure: s => s["Teams:ConnectorMaxRetries"] = "2");
        for (var i = 0; i < 5; i++)
            host.Connector.FailNext(HttpStatusCode.ServiceUnavailable);

        await host.PostValidAsync("personal-message.json");

        Assert.Equal(3, host.Connector.Attempts.Count);
        Assert.Empty(host.Connector.Delivered);
    }

    [Fact]
    public async Task Post_TurnOutlastsAcknowledgeTimeout_Returns200AndDeliversLater()
    {
        await using var host = await TeamsTestHost.StartAsync(configure: s => s["Teams:AcknowledgeTimeout"] = "00:00:00.300");
        // Warm up (keys, token, JIT), so the timing below is the turn's alone.
        await host.PostValidAsync("personal-message.json");
        host.Connector.FailNext(HttpStatusCode.TooManyRequests, retryAfter: "3");

        var started = Stopwatch.GetTimestamp();
        await host.PostValidAsync("personal-message.json");
        var acknowledgedAfter = Stopwatch.GetElapsedTime(started);

        Assert.True(acknowledgedAfter < TimeSpan.FromSeconds(2), $"acknowledged after {acknowledgedAfter}");
        Assert.Single(host.Connector.Delivered);
        await host.Connector.WaitForDeliveredAsync(2);
    }
}
