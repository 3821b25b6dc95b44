using LmcBot.Teams.Tests.Support;

namespace LmcBot.Teams.Tests.Messaging;

public sealed class ChannelMentionTests
{
    [Fact]
    public async Task ChannelMessage_WithoutBotMention_GetsNoReply()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("channel-message-no-mention.json");

        Assert.Empty(host.Recorded);
        Assert.Empty(host.Connector.Attempts);
    }

    [Fact]
    public async Task ChannelMessage_WithBotMention_IsAnsweredInItsThreadWithMentionRemoved()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("channel-message-mention.json");

        Assert.Equal("route StarExpress", Assert.Single(host.Recorded).Text);
        var reply = Assert.Single(host.Connector.Delivered);
        Assert.Equal("19:4f8c2a9e1b3d4c5e8f7a6b5c4d3e2f1a@thread.skype;messageid=1741082531891", reply.ConversationId);
        Assert.Equal("1741082531891", reply.ReplyToId);
        Assert.Contains(reply.CardTexts(), t => t.Contains("Kunming", StringComparison.Ordinal));
    }

    [Fact]
    public async Task ChannelMessage_WithBotAndUserMentions_StripsOnlyTheBotMention()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("channel-message-two-mentions.json");

        Assert.Equal("ask for <at>Kham Phoumy</at>: which stops does StarExpress make?", Assert.Single(host.Recorded).Text);
        Assert.Single(host.Connector.Delivered);
    }

    [Fact]
    public async Task ChannelMessage_MentionSpelledInOtherCase_IsStillStripped()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("channel-message-mention.json", a => a["text"] = "<AT>lmcbot</AT> route StarExpress");

        Assert.Equal("route StarExpress", Assert.Single(host.Recorded).Text);
    }

    [Fact]
    public async Task GroupChatMessage_WithBotMention_IsAnswered()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("group-chat-mention.json");

        Assert.Equal("help", Assert.Single(host.Recorded).Text);
        Assert.Equal("19:meeting_c2b1a0f9e8d7c6b5a4f3e2d1c0b9a8f7@thread.v2", Assert.Single(host.Connector.Delivered).ConversationId);
    }

    [Fact]
    public async Task ChannelMessage_OnlyTheBotMention_IsPassedOnAsEmptyText()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("channel-message-mention.json", a => a["text"] = "<at>LmcBot</at> ");

        // The core, not the adapter, decides that a bare mention means help.
        Assert.Equal("", Assert.Single(host.Recorded).Text);
        Assert.Contains(Assert.Single(host.Connector.Delivered).CardTexts(), t => t.Contains("LmcBot help", StringComparison.Ordinal));
    }
}
