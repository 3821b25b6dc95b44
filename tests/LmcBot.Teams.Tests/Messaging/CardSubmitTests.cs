using System.Text.Json.Nodes;
using LmcBot.Teams.Tests.Support;

namespace LmcBot.Teams.Tests.Messaging;

public sealed class CardSubmitTests
{
    [Fact]
    public async Task CardSubmit_WithCmd_IsHandledAsThatFollowUp()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("card-submit.json");

        Assert.Equal("route StarExpress", Assert.Single(host.Recorded).Text);
        var reply = Assert.Single(host.Connector.Delivered);
        Assert.Equal("1741079765441", reply.ReplyToId);
        Assert.Equal("StarExpress", reply.Card.GetProperty("body")[0].GetProperty("text").GetString());
    }

    [Fact]
    public async Task CardSubmit_FromAnAnswerCardButton_RoundTripsItsInput()
    {
        await using var host = await TeamsTestHost.StartAsync();
        await host.PostValidAsync("personal-message.json", a => a["text"] = "route StarExpress");
        var button = host.Connector.Delivered[0].Card.GetProperty("actions")[0];

        // Teams posts the button's data back as the activity's value.
        await host.PostValidAsync("card-submit.json", a => a["value"] = JsonNode.Parse(button.GetProperty("data").GetRawText()));

        Assert.Equal(button.GetProperty("data").GetProperty("cmd").GetString(), host.Recorded[1].Text);
        Assert.Equal(2, host.Connector.Delivered.Count);
    }

    [Fact]
    public async Task CardSubmit_InChannelWithoutMention_IsStillAnswered()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("card-submit.json", a =>
        {
            a["conversation"] = new JsonObject
            {
                ["isGroup"] = true,
                ["conversationType"] = "channel",
                ["tenantId"] = TeamsTestHost.TenantId,
                ["id"] = "19:4f8c2a9e1b3d4c5e8f7a6b5c4d3e2f1a@thread.skype;messageid=1741082531891",
            };
        });

        Assert.Equal("route StarExpress", Assert.Single(host.Recorded).Text);
    }

    [Fact]
    public async Task CardSubmit_WithoutCmd_IsIgnored()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("card-submit.json", a => a["value"] = new JsonObject { ["action"] = "vote", ["choice"] = "2" });

        Assert.Empty(host.Recorded);
        Assert.Empty(host.Connector.Attempts);
    }
}
