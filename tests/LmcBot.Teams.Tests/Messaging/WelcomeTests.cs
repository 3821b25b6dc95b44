using LmcBot.Teams.Tests.Support;

namespace LmcBot.Teams.Tests.Messaging;

public sealed class WelcomeTests
{
    [Fact]
    public async Task ConversationUpdate_BotAdded_PostsWelcomeCardToTheConversation()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("conversation-update-bot-added.json");

        var request = Assert.Single(host.Recorded);
        Assert.Equal("about", request.Command);
        Assert.Equal(TeamsTestHost.TenantId, request.ScopeId);
        var welcome = Assert.Single(host.Connector.Delivered);
        Assert.Null(welcome.ReplyToId);
        Assert.StartsWith("a:1Qw3rTy5", welcome.ConversationId);
        var texts = welcome.CardTexts().ToList();
        Assert.Equal("Hello! I'm LmcBot.", texts[0]);
        Assert.Contains(texts, t => t.StartsWith("I answer questions about Lancang-Mekong Cooperation", StringComparison.Ordinal));
        Assert.InRange(welcome.Card.GetProperty("actions").GetArrayLength(), 1, 3);
    }

    [Fact]
    public async Task ConversationUpdate_OtherMemberAdded_GetsNoWelcome()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("conversation-update-user-added.json");

        Assert.Empty(host.Recorded);
        Assert.Empty(host.Connector.Attempts);
    }

    [Fact]
    public async Task InstallationUpdate_Add_IsAcknowledgedWithoutSecondWelcome()
    {
        await using var host = await TeamsTestHost.StartAsync();

        await host.PostValidAsync("installation-update-add.json");

        Assert.Empty(host.Connector.Attempts);
    }
}
