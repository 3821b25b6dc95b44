using System.Globalization;
using System.Net;
using LmcBot.Teams.Diagnostics;
using LmcBot.Teams.Tests.Support;
using LmcBot.Testing;

namespace LmcBot.Teams.Tests.Connector;

public sealed class ConnectorRetryTests
{
    [Fact]
    public async Task Reply_ConnectorAnswers429WithRetryAfter_IsRetriedAfterExactlyThatDelay()
    {
        var time = new TestClock();
        await using var host = await TeamsTestHost.StartAsync(time: time);
        using var retries = new MetricRecorder(host.Services, TeamsMetrics.MeterName, "lmcbot_teams_connector_retries");
        host.Connector.FailNext(HttpStatusCode.TooManyRequests, retryAfter: "1");

        var post = host.PostValidAsync("personal-message.json");
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(1));
        time.Advance(TimeSpan.FromSeconds(1) - TimeSpan.FromTicks(1));
        await Task.Delay(50);
        Assert.Single(host.Connector.Attempts);
        time.Advance(TimeSpan.FromTicks(1));
        await post;

        Assert.Equal(2, host.Connector.Attempts.Count);
        Assert.Single(host.Connector.Delivered);
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
        var time = new TestClock();
        await using var host = await TeamsTestHost.StartAsync(time: time);
        host.Connector.FailNext(status);
        host.Connector.FailNext(status);

        var post = host.PostValidAsync("personal-message.json");
        await time.AdvanceUntilAsync(() => post.IsCompleted, "the reply after two retries");
        await post;

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

        // The host's clock never moves: a turn that waited for the retry would not end.
        await host.PostValidAsync("personal-message.json").WaitAsync(TimeSpan.FromSeconds(20));

        Assert.Single(host.Connector.Attempts);
    }

    [Fact]
    public async Task Reply_RetriesExhausted_GivesUpAfterConfiguredAttempts()
    {
        var time = new TestClock();
        await using var host = await TeamsTestHost.StartAsync(time: time, configure: s => s["Teams:ConnectorMaxRetries"] = "2");
        for (var i = 0; i < 5; i++)
            host.Connector.FailNext(HttpStatusCode.ServiceUnavailable);

        var post = host.PostValidAsync("personal-message.json");
        await time.AdvanceUntilAsync(() => post.IsCompleted, "the turn giving up");
        await post;

        Assert.Equal(3, host.Connector.Attempts.Count);
        Assert.Empty(host.Connector.Delivered);
    }

    [Fact]
    public async Task Post_TurnOutlastsAcknowledgeTimeout_Returns200AndDeliversLater()
    {
        var time = new TestClock();
        await using var host = await TeamsTestHost.StartAsync(time: time, configure: s => s["Teams:AcknowledgeTimeout"] = "00:00:00.300");
        await host.PostValidAsync("personal-message.json");
        host.Connector.FailNext(HttpStatusCode.TooManyRequests, retryAfter: "3");

        var acknowledgeTimeout = TimeSpan.FromMilliseconds(300);
        var acknowledgements = time.TimersSet(acknowledgeTimeout);

        // The reply waits 3 s to be retried; the POST is answered when the 300 ms acknowledgement timeout passes.
        var post = host.PostValidAsync("personal-message.json");
        await time.WaitForTimerAsync(TimeSpan.FromSeconds(3));
        await time.WaitForTimerAsync(acknowledgeTimeout, acknowledgements + 1);
        time.Advance(acknowledgeTimeout);
        await post;

        Assert.Single(host.Connector.Delivered);
        time.Advance(TimeSpan.FromSeconds(3) - acknowledgeTimeout);
        await host.Connector.WaitForDeliveredAsync(2);
    }
}
